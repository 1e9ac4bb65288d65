"""Where a command's output goes: standard output, or `--output-file`.

A file is written only when the run is complete, atomically (a temporary file
in the same folder, flushed to disk, then renamed over the target: see
checker.atomic), so a crash or a full disk never leaves half a report
where CI expects a whole one.
Machine formats are UTF-8 bytes whatever the terminal's encoding; human
formats never fail on a character the terminal cannot show.
"""

from __future__ import annotations

import contextlib
import io
import sys


class OutputError(Exception):
    """The output file cannot be written (reported as a usage error, exit 2)."""


def write_file(path: str, text: str) -> None:
    """Replace `path` with `text` in one step (checker.atomic); a
    failure is an OutputError naming the file, and the old file is untouched."""
    from checker.atomic import write_text
    from checker.output.escape import for_unicode

    try:
        write_text(path, for_unicode(text))
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None


def tolerant_stdout() -> None:
    """Let standard output show any character: one the terminal's encoding
    lacks is written as an escape instead of stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, io.UnsupportedOperation):  # a closed or odd stream
                reconfigure(errors="backslashreplace")


class Sink:
    """Text for people streams as it comes; a machine document is written whole."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self.stream = io.StringIO() if path else sys.stdout

    def write(self, text: str) -> None:
        self.stream.write(text)

    def line(self, text: str) -> None:
        self.stream.write(text + "\n")

    def document(self, text: str) -> None:
        """A whole machine-readable document (JSON, SARIF, XML): UTF-8 bytes."""
        data = (text + "\n").encode("utf-8", "replace")
        if self.path:
            self.stream.write(text + "\n")
            return
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # pragma: no cover - a text-only stdout (embedding)
            sys.stdout.write(text + "\n")
            return
        buffer.write(data)
        buffer.flush()

    def close(self) -> None:
        """Write the output file (if any), all at once."""
        if self.path:
            write_file(self.path, self.stream.getvalue())
        else:
            sys.stdout.flush()
