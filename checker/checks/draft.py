"""Draft: leftovers of drafting. Placeholders and tracked changes are plain
patterns in rules/core/draft.yaml; a repeated word needs a word-by-word look."""

from __future__ import annotations

import re

from checker.checks import Hit, ParamError, check_kind
from checker.diagnostics import Fix
from checker.model import Letter
from checker.scopes import scope_texts

_WORD = re.compile(r"\w+")


def _prepare_repeated(params: dict) -> dict:
    allow = params.get("allow", [])
    if not isinstance(allow, list):
        raise ParamError("allow", "allow must be a list of words")
    after = params.get("allow_after", {})
    if not isinstance(after, dict) or not all(isinstance(v, list) for v in after.values()):
        raise ParamError("allow_after", "allow_after must map a word to the words it may repeat after")
    return {
        **params,
        "_allow": frozenset(str(word).lower() for word in allow),
        "_after": {
            str(word).lower(): frozenset(str(w).lower() for w in words) for word, words in after.items()
        },
    }


@check_kind("repeated_words", optional=("scope", "allow", "allow_after"), prepare=_prepare_repeated)
def repeated_words(letter: Letter, params: dict):
    """The same word twice in a row ('the the'), whatever the case, across
    spaces or a line break; words in `allow` ('had had') may repeat, and
    those in `allow_after` after the words listed for them (the particle of a
    phrasal verb, 'fit in in the plans'). The fix keeps the first. Facts: {word}."""
    after = params["_after"]
    for text in scope_texts(letter, params.get("scope", "body")):
        value = text.value
        previous = None  # (lowercased word, start, end)
        before = ""  # the word before `previous`
        for match in _WORD.finditer(value):
            word = match.group().lower()
            if (
                previous
                and word == previous[0]
                and word not in params["_allow"]
                and before not in after.get(word, ())
                and value[previous[2] : match.start()].isspace()
            ):
                first = value[previous[1] : previous[2]]
                yield Hit(
                    text.span(previous[1], match.end()),
                    {"word": first},
                    Fix(first, f"keep one '{first}'"),
                )
            before = previous[0] if previous else ""
            previous = (word, match.start(), match.end())
