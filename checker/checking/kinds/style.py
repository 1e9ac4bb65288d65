"""Style: acronyms defined at first use, sentence length."""

from __future__ import annotations

import re

from checker.checking.kinds import Hit, Param, check_kind
from checker.diagnostics import Fix
from checker.model import Letter
from checker.reading.sentences import sentences

# "MASH", "IROs", and joined ones: "B&NES", "S&FS", "C-SPA".
_ACRONYM = re.compile(r"(?<![\w&-])([A-Z][A-Z0-9]*(?:[&-][A-Z0-9]+)*[A-Z0-9]*[A-Z])(s?)(?![\w&])")
_BRACKETED = re.compile(r"\[[^\]]*\]")  # placeholders: DRAFT001's business
_QUOTED = re.compile(r"‘[^’]{1,120}’|“[^”]{1,120}”")  # a name as written: ‘Safeguarding HUB ... plan’
# Defined where it stands: "(MASH)", "(IROs’)", or spelt out just after it,
# "RAG (Red-Amber-Green)", "NEET (not in education, employment or training)".
_DEFINED_AFTER = re.compile(r"^(?:-[a-z]+)?\s\([A-Za-z]")
_DEFINITION_CLOSE = re.compile(r"s?['’]?\)")
# A name written in capitals, not an acronym: "the PAUSE programme", "The ENGAGE service".
_NAMED_THING = re.compile(
    r"^\s+(?:programme|project|service|scheme|team|initiative|pilot|model|approach|panel|group|network)\b"
)
_VOWELS = frozenset("AEIOU")
_NOT_SPELT_OUT = "is not spelt out at first use"
_UNCLOSED = "is spelt out, but the bracket before it is never closed"


def _never_closed(value: str, end: int) -> bool:
    """No ')' after `end` closes the bracket before the next one opens (or the paragraph ends)."""
    rest = value[end:]
    opening = rest.find("(")
    return ")" not in (rest if opening < 0 else rest[:opening])


def _is_a_name(value: str, end: int, acronym: str) -> bool:
    vowels = sum(1 for c in acronym if c in _VOWELS)
    return len(acronym) >= 4 and vowels >= 2 and bool(_NAMED_THING.match(value[end : end + 20]))


@check_kind(
    "acronyms",
    params=(Param("allow", "strings", (), doc="acronyms that need no definition"),),
    prepare=lambda params: {"allow": frozenset(params["allow"])},
)
def acronyms(letter: Letter, params: dict):
    """An acronym is spelt out at first use, 'director of children's services
    (DCS)', unless it is in `allow`; spelt out with its bracket left open,
    '... training (NEET increase', the bracket is to be closed (a fix).
    Facts: {acronym}, {problem}."""
    defined: set[str] = set()
    texts = [b.text for b in letter.body_blocks()]
    for text in texts:
        value = text.value
        placeholders = [m.span() for m in _BRACKETED.finditer(value)]
        quoted = [m.span() for m in _QUOTED.finditer(value)]
        for match in _ACRONYM.finditer(value):
            acronym = match.group(1)
            if any(a <= match.start() < b for a, b in placeholders):
                continue
            if any(a <= match.start() < b for a, b in quoted):
                defined.add(acronym)  # part of a name, there and later
                continue
            if any(char.isdigit() for char in acronym):
                continue  # a postcode or a reference (WC2B, S47), not an acronym
            # 'ILACs' after '(ILACS)', 'IROs' after '(IRO)'
            known = {acronym, acronym + "S", acronym[:-1] if acronym.endswith("S") else acronym}
            if known & params.derived["allow"] or known & defined:
                continue
            before = value[max(0, match.start() - 1) : match.start()]
            defined.add(acronym)
            if before == "(" and _DEFINITION_CLOSE.match(value, match.end(1)):
                continue  # this is the definition
            if before == "(" and _never_closed(value, match.end()):
                # "not in employment, education and training (NEET increase...": spelt
                # out, but the bracket that should hold the acronym is left open
                yield Hit(
                    text.span(match.start(), match.end()),
                    {"acronym": acronym, "problem": _UNCLOSED},
                    Fix(match.group() + ")", f"close the bracket after '{match.group()}'"),
                )
                continue
            if _DEFINED_AFTER.match(value[match.end() : match.end() + 20]):
                continue  # spelt out in the brackets that follow
            if _is_a_name(value, match.end(), acronym):
                continue
            yield Hit(text.span(match.start(), match.end()), {"acronym": acronym, "problem": _NOT_SPELT_OUT})


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
        for sentence in sentences(value):
            count = len(sentence.group().split())
            if count > limit:
                start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
                yield Hit(block.text.span(start, sentence.end()), {"words": count, "max_words": limit})
