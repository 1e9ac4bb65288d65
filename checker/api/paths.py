"""Which files a run reads: the paths named, and the letters in folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

from checker.globs import DEFAULT_INCLUDE, glob_matches, repository_document

__all__ = ["DEFAULT_INCLUDE", "iter_paths"]


def iter_paths(
    paths: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    root: str | None = None,
    force_exclude: bool = False,
) -> Iterator[str]:
    """Files named, and the letters (`include`) under directories, sorted, recursive.

    A walk skips hidden folders and the repository's own documents (README,
    CHANGELOG, LICENSE...: `checker.globs.repository_document`). An `exclude` pattern matches a path relative to the folder walked, to
    `root` (the configuration's folder) or as written. A walk skips what is
    not a regular file (a named pipe would block the run); a path named
    explicitly is yielded, so that reading it reports what it is, unless
    `force_exclude` (a pre-commit hook names every changed file) and it is a
    repository document or an `exclude` pattern matches it."""
    include, exclude = tuple(include), tuple(exclude)
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            if not (force_exclude and name != "-" and _skipped(name, exclude, (root,))):
                yield name
            continue
        yield from sorted(_walk(name, include, exclude, root))


def _walk(folder: str, include: tuple[str, ...], exclude: tuple[str, ...], root: str | None) -> Iterator[str]:
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in files:
            full = os.path.join(here, file)
            if not any(glob_matches(file, pattern) for pattern in include):
                continue
            if _skipped(full, exclude, (folder, root)):
                continue
            if not _special_file(full):
                yield full


def _skipped(path: str, exclude: tuple[str, ...], bases: tuple[str | None, ...]) -> bool:
    return repository_document(path) or _excluded(path, exclude, bases)


def _excluded(path: str, exclude: tuple[str, ...], bases: tuple[str | None, ...]) -> bool:
    """Does a pattern match `path` as written or relative to one of `bases`?"""
    names = [path, *(os.path.relpath(path, base) for base in bases if base)]
    return any(glob_matches(name, pattern) for name in names for pattern in exclude)


def _special_file(path: str) -> bool:
    """A named pipe, socket or device (a broken link is not: reading reports it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
