"""Write report files atomically: a reader never sees half a page.

The one atomic writer is `checker.source.replace_file` (also used by
`--fix` and the baseline); this is its text front door for output files.
"""

from __future__ import annotations


def write_atomic(path: str, text: str) -> None:
    """Replace `path` with `text` (UTF-8, LF) in one step; on failure `path`
    is left as it was and the temporary file is removed."""
    from checker.reading.source import replace_file

    replace_file(path, text.encode("utf-8"))
