"""Draft: leftovers of drafting. Placeholders and tracked changes are plain
patterns in rules/core/draft.yaml; a repeated word needs a word-by-word look."""

from __future__ import annotations

import re

from checker.checks import SCOPE, Hit, Param, check_kind
from checker.diagnostics import Fix
from checker.model import Letter
from checker.scopes import scope_texts

_WORD = re.compile(r"\w+")


@check_kind(
    "repeated_words",
    params=(SCOPE, Param("allow", "strings", (), doc="words that may repeat ('had had')")),
    prepare=lambda params: {"allow": frozenset(word.lower() for word in params["allow"])},
)
def repeated_words(letter: Letter, params: dict):
    """The same word twice in a row ('the the'), whatever the case, across
    spaces or a line break; words in `allow` ('had had') may repeat. The fix
    keeps the first. Facts: {word}."""
    for text in scope_texts(letter, params["scope"]):
        value = text.value
        previous = None  # (lowercased word, start, end)
        for match in _WORD.finditer(value):
            word = match.group().lower()
            if (
                previous
                and word == previous[0]
                and word not in params.derived["allow"]
                and value[previous[2] : match.start()].isspace()
            ):
                first = value[previous[1] : previous[2]]
                yield Hit(
                    text.span(previous[1], match.end()),
                    {"word": first},
                    Fix(first, f"keep one '{first}'"),
                )
            previous = (word, match.start(), match.end())
