"""The `lettercheck` command: options in, the library called, output and an exit code out.

`main` answers `--version` before anything else is imported (typer, rich,
lark), so that it stays instant, and reads a plain `check` command line
without typer (`fast_check`). The commands and their options are in
`commands`; what each does with them in `check_command`, `report_command` and
`rules_command`; how help, usage errors and option values read in `help` and
`values`.
"""

from __future__ import annotations

import os
import sys

from checker import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"lettercheck {__version__}")
        return
    try:
        _run_command()
    except BrokenPipeError:  # the reader of our output went away (`| head`): stop quietly
        from checker.cli.messages import silence_stdout

        silence_stdout()
        raise SystemExit(1) from None
    except Exception as error:  # a bug: one line and exit 2, never a traceback or a verdict
        if os.environ.get("LETTERCHECK_DEBUG"):
            raise
        reason = " ".join(str(error).split())
        sys.stderr.write(
            f"lettercheck: internal error: {type(error).__name__}: {reason} "
            "(a bug in lettercheck: please report it; LETTERCHECK_DEBUG=1 shows where it happened)\n"
        )
        raise SystemExit(2) from None


def _run_command() -> None:
    if sys.argv[1:2] == ["check"]:  # the command editors and hooks run: read without typer when plain
        from checker.cli.fast_check import plain_enough, read, run  # not `from checker.cli`: see below

        options = read(sys.argv[2:]) if plain_enough() else None
        if options is not None:
            run(options)
    from checker.cli.commands import app

    app()


def __getattr__(name: str):
    """`from checker.cli import app` (and the commands' enums) without
    importing typer when only `main` is wanted."""
    import importlib

    commands = importlib.import_module("checker.cli.commands")
    try:
        return getattr(commands, name)
    except AttributeError:
        raise AttributeError(f"module 'checker.cli' has no attribute {name!r}") from None
