"""Sentences in letter text: the one splitter the rules share.

A sentence runs to its end stop (`.`, `!`, `?`, repeated or not) or to the
end of the text. Abbreviations are rare in letters ("e.g." is not house
style), so no attempt is made to tell them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def sentences(value: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """The sentences of `value` (between `start` and `end`), as matches."""
    return _SENTENCE.finditer(value, start, len(value) if end is None else end)
