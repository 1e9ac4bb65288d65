"""Style: acronyms defined at first use, sentence length."""

from __future__ import annotations

import re

from checker.checks import Hit, check_kind
from checker.model import Letter

_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])(s?)\b")
_BRACKETED = re.compile(r"\[[^\]]*\]")  # placeholders: DRAFT001's business


def _prepare_acronyms(params: dict) -> dict:
    allow = params.get("allow", [])
    if not isinstance(allow, list):
        raise ValueError("allow must be a list of acronyms")
    return {**params, "_allow": frozenset(str(a) for a in allow)}


@check_kind("acronyms", optional=("allow",), prepare=_prepare_acronyms)
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
            if acronym in params["_allow"] or acronym in defined:
                continue
            before = value[max(0, match.start() - 1) : match.start()]
            after = value[match.end() : match.end() + 1]
            defined.add(acronym)
            if before == "(" and after == ")":
                continue  # this is the definition
            yield Hit(text.span(match.start(), match.end()), {"acronym": acronym})


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


@check_kind("sentence_length", optional=("max_words", "scope"))
def sentence_length(letter: Letter, params: dict):
    """A sentence longer than `max_words` words (default 40) is hard to read.
    Facts: {words}, {max_words}."""
    limit = params.get("max_words", 40)
    for block in letter.body_blocks():
        value = block.text.value
        for sentence in _SENTENCE.finditer(value):
            count = len(sentence.group().split())
            if count > limit:
                start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
                yield Hit(block.text.span(start, sentence.end()), {"words": count, "max_words": limit})
