"""Write files atomically: a reader never sees half a file, and a failure
leaves the old one as it was.

The one writer behind `--fix`, `--write-baseline`, `--output-file` and the
report files: a new file in the same folder, flushed and synced to disk,
given the old file's permissions, then renamed over it.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress

_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def write_text(path: str, text: str) -> None:
    """Replace `path` with `text` (UTF-8, LF) in one step."""
    replace_file(path, text.encode("utf-8"))


def replace_file(path: str, data: bytes) -> None:
    """Put `data` in place of the file at `path` without ever leaving it half
    written: a new file in the same folder, flushed to disk, then renamed over
    the old one (which keeps its permissions). On any failure the old file is
    untouched and the new one removed. A symbolic link is followed, not replaced.
    A file that does not exist yet gets the mode the umask gives. A read-only
    file (we may not write it, or no one may: kept as it is on purpose, even
    from root) is refused, though the rename alone would be allowed."""
    target, temporary = stage(path, data)
    try:
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(os.path.dirname(target))


def stage(path: str, data: bytes) -> tuple[str, str]:
    """Write `data` to a new file beside `path` (the file a symbolic link
    names), synced, with the old file's owner and mode; return (the real
    target, the new file) for the caller to rename, or to remove. A
    read-only `path` is refused (PermissionError); on any failure nothing
    is left behind."""
    import errno
    import tempfile

    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old and (not old.st_mode & _ANY_WRITE or not os.access(target, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".lettercheck-tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if old and hasattr(os, "chown"):
            with suppress(OSError):  # keep owner and group where we may (as root, or our own group)
                os.chown(temporary, old.st_uid, old.st_gid)
        os.chmod(temporary, stat.S_IMODE(old.st_mode) if old else 0o666 & ~_umask())
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    return target, temporary


def sync_folder(folder: str) -> None:
    """Make the renames in `folder` durable (where the system allows it)."""
    with suppress(OSError):
        descriptor = os.open(folder or ".", os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def create_new(path, data: bytes) -> None:
    """Create `path` whole or not at all, and never over a file that appeared
    meanwhile: the data goes to a new file beside it, synced, then linked to
    its name (which fails with FileExistsError if the name is taken)."""
    import tempfile
    from pathlib import Path

    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".lettercheck-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
