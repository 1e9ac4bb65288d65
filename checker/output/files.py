"""Write report files atomically: a reader never sees half a page."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress


def write_atomic(path: str, text: str) -> None:
    """Write `text` (UTF-8) to a temporary file beside `path`, flush it to
    disk, then rename it over `path`; on failure `path` is left as it was."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".lettercheck-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: str) -> int:
    """An existing file keeps its permissions; a new one gets the usual ones."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
