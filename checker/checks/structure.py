"""Structure: the parts a letter must have, its sections, their order."""

from __future__ import annotations

import difflib

from checker.checks import Hit, Param, check_kind, start_of, whole_line
from checker.diagnostics import Fix
from checker.lettertypes import heading_key, known_headings, load_letter_types
from checker.model import Letter, Span

PARTS = ("date", "recipient", "salutation", "title", "opening", "closing", "sign_off", "signature")


def _part_present(letter: Letter, part: str) -> bool:
    return bool(
        {
            "date": letter.date_line,
            "recipient": letter.recipient,
            "salutation": letter.salutation,
            "title": letter.title,
            "opening": letter.opening,
            "closing": letter.closing,
            "sign_off": letter.sign_off,
            "signature": letter.signature,
        }[part]
    )


# For a missing part, the parts it should stand just before, nearest first.
_FOLLOWERS = {
    "date": ("recipient", "salutation", "title", "opening"),
    "recipient": ("salutation", "title", "opening"),
    "salutation": ("title", "opening"),
    "title": ("opening", "sections"),
    "opening": ("sections", "closing"),
    "closing": ("sign_off",),
}


def _where_missing(letter: Letter, part: str) -> Span:
    """Point at the first line of the part that should have followed the
    missing one (the recipient for a missing date...), else at the letter's
    last line for the parts that end it, else at its first line."""
    anchors = {
        "recipient": letter.recipient.text if letter.recipient else None,
        "salutation": letter.salutation,
        "title": letter.title,
        "opening": letter.opening[0].text if letter.opening else None,
        "sections": letter.sections[0].heading if letter.sections else None,
        "closing": letter.closing,
        "sign_off": letter.sign_off,
    }
    for follower in _FOLLOWERS.get(part, ()):
        text = anchors[follower]
        if text:
            return whole_line(letter, text.line)
    if part in ("closing", "sign_off", "signature"):
        for number in range(len(letter.lines), 0, -1):
            if letter.lines[number - 1].strip():
                return whole_line(letter, number)
    return start_of(letter)


@check_kind(
    "required_part", params=(Param("part", "string", choices=PARTS, doc="the part that must be there"),)
)
def required_part(letter: Letter, params: dict):
    """The letter has the part (date, recipient, salutation, title, opening,
    closing, sign_off, signature). Reported where the part should be."""
    if not _part_present(letter, params["part"]):
        yield Hit(_where_missing(letter, params["part"]), {"part": params["part"].replace("_", "-")})


def _letter_type(letter: Letter):
    return load_letter_types().get(letter.letter_type)


@check_kind("required_sections")
def required_sections(letter: Letter, params: dict):
    """Every section the letter type marks `required` is present.
    Facts: {section} (the expected heading), {letter_type}."""
    letter_type = _letter_type(letter)
    if letter_type is None:
        return
    present = {section.kind for section in letter.sections}
    for spec in letter_type.sections:
        if spec.required and spec.kind not in present:
            anchor = _anchor_for_missing(letter, spec.kind, letter_type)
            yield Hit(anchor, {"section": spec.heading, "letter_type": letter_type.label})


def _anchor_for_missing(letter: Letter, kind: str, letter_type) -> Span:
    order = [spec.kind for spec in letter_type.sections]
    later = order[order.index(kind) + 1 :]
    for section in letter.sections:
        if section.kind in later:
            return section.heading.span()
    if letter.closing:
        return letter.closing.span(0, min(60, len(letter.closing.value)))
    return _where_missing(letter, "closing")


@check_kind("section_order")
def section_order(letter: Letter, params: dict):
    """Known sections appear in the order the letter type gives.
    Facts: {section}, {after}."""
    letter_type = _letter_type(letter)
    if letter_type is None:
        return
    rank = {spec.kind: index for index, spec in enumerate(letter_type.sections)}
    highest = None
    for section in letter.sections:
        if section.kind not in rank:
            continue
        if highest is not None and rank[section.kind] < rank[highest.kind]:
            yield Hit(
                section.heading.span(), {"section": section.heading.value, "after": highest.heading.value}
            )
        elif highest is None or rank[section.kind] > rank[highest.kind]:
            highest = section


@check_kind(
    "section_content",
    params=(
        Param("min_blocks", "integer", 1, minimum=0, doc="paragraphs or bullets a section needs"),
        Param("min_words", "integer", 1, minimum=0, doc="words a section needs"),
    ),
)
def section_content(letter: Letter, params: dict):
    """A section has at least `min_blocks` paragraphs or bullets (default 1) and
    `min_words` words (default 1). Facts: {section}, {words}, {blocks}."""
    min_blocks = params["min_blocks"]
    min_words = params["min_words"]
    for section in letter.sections:
        if len(section.blocks) < min_blocks or section.words < min_words:
            yield Hit(
                section.heading.span(),
                {"section": section.heading.value, "words": section.words, "blocks": len(section.blocks)},
            )


@check_kind("duplicate_sections")
def duplicate_sections(letter: Letter, params: dict):
    """A known section appears only once. Facts: {section}, {first_line}."""
    seen = {}
    for section in letter.sections:
        if section.kind == "other":
            continue
        if section.kind in seen:
            yield Hit(
                section.heading.span(), {"section": section.heading.value, "first_line": seen[section.kind]}
            )
        else:
            seen[section.kind] = section.line


@check_kind(
    "known_headings",
    params=(
        Param(
            "cutoff",
            "number",
            0.8,
            minimum=0,
            maximum=1,
            doc="how close a heading must be to get a 'did you mean'",
        ),
    ),
)
def known_headings_check(letter: Letter, params: dict):
    """Every heading is one the letter type knows. A near miss gets a
    'did you mean' and a fix. Facts: {heading}, {suggestion}, {hint}."""
    types = load_letter_types()
    letter_type = types.get(letter.letter_type)
    if letter_type is not None:
        names = [name for spec in letter_type.sections for name in spec.names]
    else:
        names = [name for t in types.values() for spec in t.sections for name in spec.names]
    by_key = {heading_key(name): name for name in names}
    known = known_headings(types)
    for section in letter.sections:
        key = heading_key(section.heading.value)
        if key in by_key:
            continue
        if key in known:  # a heading of another letter type
            yield Hit(
                section.heading.span(),
                {
                    "heading": section.heading.value,
                    "suggestion": "",
                    "hint": "it belongs to another kind of letter",
                },
            )
            continue
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=params["cutoff"])
        if close:
            suggestion = by_key[close[0]]
            yield Hit(
                section.heading.span(),
                {
                    "heading": section.heading.value,
                    "suggestion": suggestion,
                    "hint": f"did you mean '{suggestion}'?",
                },
                Fix(suggestion, f"rename the heading to '{suggestion}'"),
            )
        else:
            yield Hit(
                section.heading.span(),
                {
                    "heading": section.heading.value,
                    "suggestion": "",
                    "hint": "it is not a heading of a "
                    + (letter_type.label if letter_type else "known")
                    + " letter",
                },
            )
