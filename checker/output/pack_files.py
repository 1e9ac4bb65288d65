"""Write the HTML pack's files all together or not at all.

Each page is first written whole to a new file beside its target, flushed
and synced; only when every one is on disk are they renamed into place, the
index last. A full disk, a quota or a read-only page therefore leaves the
folder as it was. The old index and print document are removed before the
first page is replaced, so that no index ever links a mix of old and new
pages as if they were one report; should a rename fail after that (rare:
renames need no space), the error says the folder holds part of the report.
"""

from __future__ import annotations

import os
from contextlib import suppress

from checker.atomic import stage, sync_folder


class PackNotWritten(Exception):
    """A file of the pack could not be written; `changed` says whether the
    folder still holds the previous pack untouched."""

    def __init__(self, path: str, error: OSError, changed: bool) -> None:
        self.path = path
        self.reason = error.strerror or str(error)
        self.changed = changed
        super().__init__(f"{path}: {self.reason}")


def write_all(folder: str, files: list[tuple[str, str]], summaries: tuple[str, ...]) -> list[str]:
    """Write `files` (name, text) into `folder`. The `summaries` (the index,
    the print document) of an older pack are removed before any page is
    replaced, and written after every page, the last named last. Return
    the paths written."""
    staged: list[tuple[str, str, str]] = []  # (path, the file it names, the new file)
    ordered = sorted(files, key=lambda item: summaries.index(item[0]) if item[0] in summaries else -1)
    for name, text in ordered:
        path = os.path.join(folder, name)
        try:
            staged.append((path, *stage(path, text.encode("utf-8"))))
        except OSError as error:
            _discard(staged)
            raise PackNotWritten(path, error, changed=False) from None
    for removed, name in enumerate(reversed(summaries)):  # the index first
        try:
            os.unlink(os.path.join(folder, name))
        except FileNotFoundError:
            pass
        except OSError as error:
            _discard(staged)
            raise PackNotWritten(os.path.join(folder, name), error, changed=removed > 0) from None
    for done, (path, target, temporary) in enumerate(staged):
        try:
            os.replace(temporary, target)
        except OSError as error:
            _discard(staged[done:])
            raise PackNotWritten(path, error, changed=True) from None
    sync_folder(folder)
    return [path for path, _, _ in staged]


def _discard(staged: list[tuple[str, str, str]]) -> None:
    for _, _, temporary in staged:
        with suppress(OSError):
            os.unlink(temporary)
