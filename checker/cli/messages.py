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
