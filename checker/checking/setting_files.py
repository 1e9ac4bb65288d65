"""Reading the files that set lettercheck up: configuration, rule packs,
letter types and baselines.

Only regular files are read. A named pipe or a device where one of these is
expected (`--config fifo`, a pipe called `x.yaml` in a rule folder,
`--baseline /dev/zero`) would block the run or never end: it is an error
naming the file instead, as a letter's is (checker.reading.source).
"""

from __future__ import annotations

import errno
import os
import stat

from checker.reading.source import why_unreadable

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class NotRegularFile(OSError):
    """The path names something that is not a file (a pipe, a device)."""


def read_setting_text(path: str | os.PathLike) -> str:
    """The text of a UTF-8 file, line endings read as Python's text mode reads
    them. Raises OSError (NotRegularFile for a pipe or device, which is opened
    without blocking and never read) or UnicodeDecodeError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({kind})", str(path))
        data = handle.read()
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def why_not_read(path: str | os.PathLike, error: OSError) -> str:
    """Why a setting file could not be read, in words."""
    if isinstance(error, NotRegularFile):
        return error.strerror
    return why_unreadable(str(path), error)
