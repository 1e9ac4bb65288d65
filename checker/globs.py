"""Glob patterns for file names, with the extension matched in any case.

`*.pdf` must find `Letter.PDF` and `Draft.Pdf`: Windows and macOS users save
files with upper-case extensions, and their file systems treat the case as
meaningless there. The rest of a pattern keeps `fnmatch`'s meaning on this
system (folder and file names are case-sensitive on Linux), so
`archive/*` does not match `Archive/x.md`.
"""

from __future__ import annotations

import fnmatch
import os
from functools import lru_cache


def glob_matches(name: str, pattern: str) -> bool:
    """Does `name` (a file name or a path) match `pattern`, the extension of
    either taken in lower case?"""
    return fnmatch.fnmatch(extension_lowered(name), _pattern_lowered(pattern))


def extension_lowered(name: str) -> str:
    """`name` with the extension of its last component in lower case
    (`notes/NOTES.MD` -> `notes/NOTES.md`; `.bashrc` has no extension)."""
    start = max(name.rfind("/"), name.rfind(os.sep)) + 1
    dot = name.rfind(".", start + 1)  # a leading dot starts a hidden name, not an extension
    return name if dot < 0 else name[:dot] + name[dot:].lower()


@lru_cache(maxsize=256)
def _pattern_lowered(pattern: str) -> str:
    return extension_lowered(pattern)


# A repository's own documents: never letters, and found beside letters in
# every letters repository. Walking a folder skips them (as it skips hidden
# folders); named on the command line they are still read, as ruff reads a
# file it would exclude, unless --force-exclude.
# The files a folder walk checks unless the configuration's `include` says otherwise.
DEFAULT_INCLUDE = ("*.md", "*.txt", "*.pdf", "*.docx")

REPOSITORY_DOCUMENTS = frozenset(
    {
        "readme",
        "changelog",
        "changes",
        "history",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributing",
        "code_of_conduct",
        "security",
        "support",
    }
)


def repository_document(path: str) -> bool:
    """Is `path` a README, CHANGELOG, LICENSE... (any case, any extension)?"""
    name = os.path.basename(path)
    stem = name.split(".", 1)[0] if not name.startswith(".") else name
    return stem.lower().replace("-", "_") in REPOSITORY_DOCUMENTS
