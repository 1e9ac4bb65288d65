"""Which files a run reads: the paths named, and the letters in folders."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator

DEFAULT_INCLUDE = ("*.md", "*.txt", "*.pdf", "*.docx")


def iter_paths(
    paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()
) -> Iterator[str]:
    """Files named, and *.md/*.txt under directories (sorted, recursive).

    A walk skips what is not a regular file (a named pipe would block the
    run); a path named explicitly is always yielded, so that reading it
    reports what it is."""
    include, exclude = tuple(include), tuple(exclude)
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            yield name
            continue
        yield from sorted(_walk(name, include, exclude))


def _walk(folder: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in files:
            full = os.path.join(root, file)
            relative = os.path.relpath(full, folder)
            if not any(fnmatch.fnmatch(file, pattern) for pattern in include):
                continue
            if any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(full, p) for p in exclude):
                continue
            if not _special_file(full):
                yield full


def _special_file(path: str) -> bool:
    """A named pipe, socket or device (a broken link is not: reading reports it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
