"""What the command says on standard error, and how it stops.

Every message is escaped for people (checker.output.escape): a file name
with a newline or an ESC in it cannot forge a line or drive the terminal.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from checker.output.escape import for_humans


def fail(message: str) -> NoReturn:
    """A usage or setup error: one line, exit code 2 (never a verdict)."""
    sys.stderr.write(f"lettercheck: error: {for_humans(message)}\n")
    raise SystemExit(2)


def error(message: str) -> None:
    sys.stderr.write(f"lettercheck: error: {for_humans(message)}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"lettercheck: warning: {for_humans(message)}\n")


def note(message: str, quiet: bool = False) -> None:
    if not quiet:
        sys.stderr.write(f"lettercheck: {for_humans(message)}\n")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def console(stderr: bool = False):
    """A rich console for people (no highlighting, no soft wrapping)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def silence_stdout() -> None:
    """Point standard output at the null device once its reader has gone
    (`lettercheck ... | head`), so that nothing more written to it, nor the
    flush at exit, fails: what follows (the exit code) stays the command's own.
    The way the Python documentation recommends for SIGPIPE."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind stdout (tests): nothing to point
        pass
    finally:
        os.close(devnull)
