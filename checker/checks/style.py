"""Style: acronyms defined at first use, sentence length."""

from __future__ import annotations

import re

from checker.checks import Hit, Param, check_kind
from checker.model import Letter

_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])(s?)\b")
_BRACKETED = re.compile(r"\[[^\]]*\]")  # placeholders: DRAFT001's business


@check_kind(
    "acronyms",
    params=(Param("allow", "strings", (), doc="acronyms that need no definition"),),
    prepare=lambda params: {"allow": frozenset(params["allow"])},
)
def acronyms(letter: Letter, params: dict):
    """An acronym is spelt out at first use, 'director of children's services
    (DCS)', unless it is in `allow`. Facts: {acronym}."""
    defined: set[str] = set()
    texts = [b.text for b in letter.body_blocks()]
    for text in texts:
        value = text.value
        placeholders = [m.span() for m in _BRACKETED.finditer(value)]
        for match in _ACRONYM.finditer(value):
            acronym = match.group(1)
            if any(a <= match.start() < b for a, b in placeholders):
                continue
            if acronym in params.derived["allow"] or acronym in defined:
                continue
            before = value[max(0, match.start() - 1) : match.start()]
            after = value[match.end() : match.end() + 1]
            defined.add(acronym)
            if before == "(" and after == ")":
                continue  # this is the definition
            yield Hit(text.span(match.start(), match.end()), {"acronym": acronym})


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


@check_kind(
    "sentence_length",
    params=(Param("max_words", "integer", 40, minimum=1, doc="the longest sentence allowed"),),
)
def sentence_length(letter: Letter, params: dict):
    """A sentence longer than `max_words` words (default 40) is hard to read.
    Facts: {words}, {max_words}."""
    limit = params["max_words"]
    for block in letter.body_blocks():
        value = block.text.value
        for sentence in _SENTENCE.finditer(value):
            count = len(sentence.group().split())
            if count > limit:
                start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
                yield Hit(block.text.span(start, sentence.end()), {"words": count, "max_words": limit})
