"""Structure: the parts a letter must have, its sections, their order."""

from __future__ import annotations

import difflib

from checker.checking.kinds import Hit, Param, check_kind, start_of, whole_line
from checker.diagnostics import Fix
from checker.facts.format_fit import Fit
from checker.model import Letter, Part, Span
from checker.reading.letter_types import heading_key
from checker.reading.lines import intended_sign_off, misspelt_dear

# The parts a rule may require, and for a missing one, the parts it should
# stand just before, nearest first.
REQUIRABLE = ("date", "recipient", "salutation", "title", "opening", "closing", "sign_off", "signature")
_FOLLOWERS: dict[str, tuple[Part, ...]] = {
    "date": ("recipient", "salutation", "title", "opening"),
    "recipient": ("salutation", "title", "opening"),
    "salutation": ("title", "opening"),
    "title": ("opening", "headings"),
    "opening": ("headings", "closing"),
    "closing": ("sign_off", "signature"),
    "sign_off": ("signature",),
}


def _where_missing(letter: Letter, part: str) -> Span:
    """Point at the first line of the part that should have followed the
    missing one (the recipient for a missing date...), else at the letter's
    last line for the parts that end it, else at its first line."""
    for follower in _FOLLOWERS.get(part, ()):
        texts = letter.part(follower)
        if texts:
            return whole_line(letter, texts[0].line)
    if part in ("closing", "sign_off", "signature"):
        for number in range(len(letter.lines), 0, -1):
            if letter.lines[number - 1].strip():
                return whole_line(letter, number)
    return start_of(letter)


@check_kind(
    "required_part", params=(Param("part", "string", choices=REQUIRABLE, doc="the part that must be there"),)
)
def required_part(letter: Letter, params: dict):
    """The letter has the part (date, recipient, salutation, title, opening,
    closing, sign_off, signature; a signature names someone, not only a
    role). Reported where the part should be."""
    part = params["part"]
    if not letter.part(part):
        yield Hit(_where_missing(letter, part), {"part": part.replace("_", "-")})
    elif part == "signature" and letter.signature and not (letter.signatory and letter.signatory.name):
        # only the role under the sign-off ('Her Majesty's Inspector'): no one signed it
        yield Hit(letter.signature.span(), {"part": "signature"})


@check_kind("required_sections")
def required_sections(letter: Letter, params: dict):
    """Every section the letter's format requires is present. The format is
    the layout of its letter type in use at the letter's date that the letter
    fits best (rules/letter_types.yaml). Facts: {section} (the expected
    heading), {letter_type}, {layout}."""
    found = letter.facts.format_fit
    if found is None:
        return
    letter_type = letter.type_spec
    for kind in found.missing:
        spec = letter_type.spec(kind)
        heading = found.layout.heading_for(kind, spec.heading if spec else kind)
        yield Hit(
            _anchor_for_missing(letter, kind, found),
            {"section": heading, "letter_type": letter_type.label, "layout": found.layout.name},
        )


def _anchor_for_missing(letter: Letter, kind: str, found: Fit) -> Span:
    """The heading of the first section that should come after the missing one."""
    orders = [order for order in found.layout.orders if kind in order]
    later = set(orders[0][orders[0].index(kind) + 1 :]) if orders else set()
    for section in letter.sections:
        if section.kind in later:
            return section.heading.span()
    if letter.closing:
        return letter.closing.span(0, min(60, len(letter.closing.value)))
    return _where_missing(letter, "closing")


@check_kind("section_order")
def section_order(letter: Letter, params: dict):
    """Known sections appear in an order the letter's format allows.
    Facts: {section}, {after}."""
    found = letter.facts.format_fit
    for problem in found.misplaced if found else ():
        yield Hit(
            problem.section.heading.span(),
            {"section": problem.section.heading.value, "after": problem.after.heading.value},
        )


@check_kind(
    "section_content",
    params=(
        Param("min_blocks", "integer", 1, minimum=0, doc="paragraphs or bullets a section needs"),
        Param("min_words", "integer", 1, minimum=0, doc="words a section needs"),
    ),
)
def section_content(letter: Letter, params: dict):
    """A known section has at least `min_blocks` paragraphs or bullets (default
    1) and `min_words` words (default 1); an unknown heading is STR012's, not
    an empty section too. Facts: {section}, {words}, {blocks}."""
    min_blocks = params["min_blocks"]
    min_words = params["min_words"]
    for section in letter.sections:
        if section.kind == "other":
            continue
        content = section.content
        if len(content) < min_blocks or section.words < min_words:
            yield Hit(
                section.heading.span(),
                {"section": section.heading.value, "words": section.words, "blocks": len(content)},
            )


@check_kind("duplicate_sections")
def duplicate_sections(letter: Letter, params: dict):
    """A known section appears only once. A repeated heading that stands where
    a missing section belongs is named as that section, with a fix.
    Facts: {section}, {first_line}, {hint}."""
    found = letter.facts.format_fit
    letter_type = letter.type_spec
    for repeat in found.repeated if found else ():
        facts = {"section": repeat.section.heading.value, "first_line": repeat.first.line, "hint": ""}
        fix = None
        if repeat.meant:
            spec = letter_type.spec(repeat.meant)
            heading = found.layout.heading_for(repeat.meant, spec.heading if spec else repeat.meant)
            facts["hint"] = f"; the letter has no '{heading}' section, which belongs here"
            fix = Fix(heading, f"rename the heading to '{heading}'")
        yield Hit(repeat.section.heading.span(), facts, fix)


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
    types, letter_type = letter.types, letter.type_spec
    if letter_type is not None:
        names = [name for spec in letter_type.sections for name in spec.names]
    else:
        names = [name for t in types.values() for spec in t.sections for name in spec.names]
    by_key = {heading_key(name): name for name in names}
    known = types.known_headings
    label = letter_type.label if letter_type else "known"
    for section in letter.sections:
        key = heading_key(section.heading.value)
        if key in by_key:
            continue
        facts = {"heading": section.heading.value, "suggestion": "", "hint": ""}
        fix = None
        close = (
            [] if key in known else difflib.get_close_matches(key, list(by_key), n=1, cutoff=params["cutoff"])
        )
        if key in known:
            facts["hint"] = "it belongs to another kind of letter"
        elif close:
            facts["suggestion"] = suggestion = by_key[close[0]]
            facts["hint"] = f"did you mean '{suggestion}'?"
            fix = Fix(suggestion, f"rename the heading to '{suggestion}'")
        else:
            facts["hint"] = f"it is not a heading of a {label} letter"
        yield Hit(section.heading.span(), facts, fix)


@check_kind("sign_off_spelling")
def sign_off_spelling(letter: Letter, params: dict):
    """The sign-off is spelt as letters write it ('Your sincerely' is read as
    the sign-off, and named once here with a fix). Facts: {sign_off}, {expected}."""
    if letter.sign_off is None:
        return
    written = letter.sign_off.value
    meant = intended_sign_off(written)
    if meant and written.replace("’", "'").lower() != meant.lower():
        yield Hit(
            letter.sign_off.span(), {"sign_off": written, "expected": meant}, Fix(meant, f"write '{meant}'")
        )


@check_kind("salutation_spelling")
def salutation_spelling(letter: Letter, params: dict):
    """The salutation starts 'Dear' ('Deer Ms Smith' and 'dear Ms Smith' are
    read as the salutation, and named once here with a fix). Facts:
    {salutation}, {expected}."""
    if letter.salutation is None:
        return
    written = letter.salutation.value
    word = written.split()[0]
    if misspelt_dear(word):
        expected = "Dear" + written[len(word) :]
        yield Hit(
            letter.salutation.span(0, len(word)),
            {"salutation": written, "expected": expected},
            Fix("Dear", f"write '{expected}'"),
        )


@check_kind("title_form")
def title_form(letter: Letter, params: dict):
    """The title is in the form its letter type gives ('Focused visit to Kent
    children's services'); a misspelt opening ('Focussed visit') gets a fix.
    Facts: {title}, {expected}."""
    letter_type = letter.type_spec
    if letter.title is None or letter_type is None:
        return
    title = letter.title.value
    if any(pattern.search(title) for pattern in letter_type.title):
        return
    expected = letter_type.label[:1].upper() + letter_type.label[1:]  # "Focused visit"
    size = len(expected.split())
    written = " ".join(title.split()[:size])
    fix = None
    if (
        written != expected
        and difflib.SequenceMatcher(None, written.lower(), expected.lower()).ratio() >= 0.8
    ):
        fix = Fix(expected, f"write '{expected}'")
        yield Hit(letter.title.span(0, len(written)), {"title": title, "expected": expected}, fix)
    else:
        yield Hit(letter.title.span(), {"title": title, "expected": expected}, fix)
