"""Progress on standard error while `check` runs: files done, problems so far.

On a terminal it is one line, redrawn in place and erased before anything is
written to standard output, so a diagnostic never lands on the bar's line
and no stale frame stays on screen (cargo does the same). Forced on with
`--progress` where standard error is not a terminal (a CI log), it prints a
plain line at every tenth of the work instead of drawing.
"""

from __future__ import annotations

import shutil
import sys
import time
from contextlib import contextmanager

_ERASE = "\r\x1b[2K"


def _problems(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''}"


class NoProgress:
    def advance(self, problems: int) -> None:
        pass

    @contextmanager
    def paused(self):
        yield

    def close(self) -> None:
        pass


class ProgressBar(NoProgress):
    """One line on a terminal, redrawn at most ten times a second."""

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.done = 0
        self.problems = 0
        self.stream = stream or sys.stderr
        self.shown = False
        self.last_draw = 0.0

    def _line(self) -> str:
        width = shutil.get_terminal_size((80, 24)).columns - 1
        counts = f" {self.done}/{self.total} files · {_problems(self.problems)}"
        room = width - len("checking ") - len(counts)
        if room < 10:
            return ("checking" + counts)[:width]
        filled = room * self.done // max(self.total, 1)
        return f"checking {'━' * filled}{'╌' * (room - filled)}{counts}"

    def _draw(self) -> None:
        self.stream.write(_ERASE + self._line())
        self.stream.flush()
        self.shown = True
        self.last_draw = time.monotonic()

    def _erase(self) -> None:
        if self.shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self.shown = False

    def advance(self, problems: int) -> None:
        self.done += 1
        self.problems = problems
        if not self.shown or time.monotonic() - self.last_draw >= 0.1 or self.done == self.total:
            self._draw()

    @contextmanager
    def paused(self):
        """Erase the bar while standard output is written, then draw it again."""
        was_shown = self.shown
        self._erase()
        sys.stdout.flush()
        try:
            yield
        finally:
            sys.stdout.flush()
            if was_shown:
                self._draw()

    def close(self) -> None:
        self._erase()


class ProgressLog(NoProgress):
    """Plain lines for a log: at each tenth of the work, and at the end."""

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.done = 0
        self.reported = 0
        self.stream = stream or sys.stderr

    def advance(self, problems: int) -> None:
        self.done += 1
        tenth = self.done * 10 // max(self.total, 1)
        if tenth > self.reported or self.done == self.total:
            self.reported = tenth
            percent = self.done * 100 // max(self.total, 1)
            self.stream.write(
                f"lettercheck: checked {self.done}/{self.total} files ({percent}%), {_problems(problems)}\n"
            )
            self.stream.flush()


def progress_for(total: int, wanted: bool | None, default_on: bool):
    """The progress display for a run: `wanted` is --progress/--no-progress."""
    if wanted is False or total == 0 or (wanted is None and (not default_on or total < 2)):
        return NoProgress()
    if sys.stderr.isatty():
        return ProgressBar(total)
    return ProgressLog(total) if wanted else NoProgress()
