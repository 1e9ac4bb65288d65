"""`lettercheck check` read without typer, when its command line is plain.

Importing typer and building the commands is some 35 ms of a check of one
letter, the start-up a pre-commit hook or an editor feels on every run. A
command line made only of `check`, paths and options written the plain way
(`--format concise`, `--format=concise`, `-f concise`, `-q`, `--select DATE
--select STR`) is read here into the CheckOptions typer would give, and run
as typer runs it. Anything else (help, `--`, a value that is not allowed,
an option given twice, short flags run together, an option this module does
not know) is left to typer, so typer's messages are the ones users see:
this path never reports a usage error of its own. tests/cli/test_fast_check.py
reads many command lines both ways and compares.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys

from checker.diagnostics import SEVERITIES

FORMATS = ("text", "concise", "json", "sarif", "github", "junit")

# option -> (CheckOptions field, value it sets)
FLAGS = {
    "--statistics": ("statistics", True),
    "--quiet": ("quiet", True),
    "-q": ("quiet", True),
    "--progress": ("progress", True),
    "--no-progress": ("progress", False),
    "--exit-zero": ("exit_zero", True),
    "--fix": ("fix", True),
    "--diff": ("diff", True),
    "--show-fixes": ("show_fixes", True),
    "--force-exclude": ("force_exclude", True),
}
# option -> CheckOptions field, for options that take a value
VALUES = {
    "--format": "output_format",
    "-f": "output_format",
    "--output-file": "output_file",
    "-o": "output_file",
    "--select": "select",
    "--extend-select": "extend_select",
    "--ignore": "ignore",
    "--fail-on": "fail_on",
    "--config": "config",
    "--show-settings": "show_settings",
    "--stdin-filename": "stdin_filename",
    "--baseline": "baseline",
    "--write-baseline": "write_baseline",
    "--jobs": "jobs",
    "-j": "jobs",
}
REPEATABLE = ("select", "extend_select", "ignore")
CHOICES = {"output_format": FORMATS, "fail_on": SEVERITIES}
_WHOLE_NUMBER = re.compile(r"[0-9]+\Z")


class _NotPlain(Exception):
    """A command line this module leaves to typer."""


def read(args: list[str]) -> dict | None:
    """The options of `check` (as CheckOptions' keyword arguments) from the
    arguments after `check`, or None when typer should read them."""
    try:
        return _read(args)
    except _NotPlain:
        return None


def _read(args: list[str]) -> dict:
    options: dict = {}
    paths: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        # `--format=json` is the value json; `-f=json` would be the value "=json" (typer's, then)
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not has_value:
            field, setting = FLAGS[name]
            _set(options, field, setting)
        elif name in VALUES:
            if not has_value:
                if not rest:
                    raise _NotPlain
                value = rest.pop(0)
            field = VALUES[name]
            _set(options, field, _value(field, value))
        else:
            raise _NotPlain  # --, --help, -qf, an unknown option, a flag given a value
    if paths:
        options["paths"] = paths
    return options


def _value(field: str, value: str):
    if not value or value.startswith("-"):
        raise _NotPlain  # typer decides what an empty value or one like an option means
    if field in CHOICES and value not in CHOICES[field]:
        raise _NotPlain
    if field == "jobs":
        if not _WHOLE_NUMBER.match(value):
            raise _NotPlain
        return int(value)
    return value


def _set(options: dict, field: str, value) -> None:
    if field in REPEATABLE:
        options.setdefault(field, []).append(value)
    elif field in options:
        raise _NotPlain  # given twice: typer's rule decides which counts
    else:
        options[field] = value


def plain_enough() -> bool:
    """Is this a process typer would run exactly as this module does? (Not
    on Windows, where click expands wildcards itself, nor when a shell asks
    for completions.)"""
    return os.name != "nt" and not any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ)


def run(options: dict) -> None:
    """Run `check` with these options and exit as typer's command does: the
    exit code of the run; 1 with "Aborted!" on end of input; 130 when
    interrupted; 1, quietly, when standard output is a closed pipe."""
    from checker.cli.check_command import CheckOptions, run_check

    try:
        code = run_check(CheckOptions(**options))
    except EOFError:
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except OSError as error:
        import errno

        if error.errno != errno.EPIPE:
            raise
        _pacify_streams()
        raise SystemExit(1) from None
    raise SystemExit(code)


def _pacify_streams() -> None:
    """Standard output and error that no longer fail when flushed at exit (as click does)."""

    class Pacified:
        def __init__(self, wrapped) -> None:
            self.wrapped = wrapped

        def flush(self) -> None:
            with contextlib.suppress(BrokenPipeError):
                self.wrapped.flush()

        def __getattr__(self, name: str):
            return getattr(self.wrapped, name)

    sys.stdout = Pacified(sys.stdout)
    sys.stderr = Pacified(sys.stderr)
