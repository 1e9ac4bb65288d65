"""Consistency: the parts of a letter agree with each other."""

from __future__ import annotations

import re

from checker.build import normalise_authority
from checker.checks import Hit, check_kind
from checker.diagnostics import Fix
from checker.lettertypes import load_letter_types
from checker.model import Letter

_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "professor",
    "prof",
    "sir",
    "dame",
    "cllr",
    "councillor",
}


def _words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in text.replace("’", "'").split()]


@check_kind("salutation_recipient")
def salutation_recipient(letter: Letter, params: dict):
    """'Dear Ms Murphy' or 'Dear Alison' fits the recipient 'Ms Alison Murphy'.
    Facts: {salutation}, {recipient}, {suggestion}."""
    if not (letter.salutation and letter.recipient and letter.recipient.name):
        return
    addressed = _words(letter.salutation.value)[1:]  # after "Dear"
    if not addressed or addressed[0] in ("sir", "madam", "colleague", "colleagues", "all"):
        return
    name = _words(letter.recipient.name)
    honorific = name[0] if name and name[0] in _HONORIFICS else None
    given = [w for w in name if w not in _HONORIFICS]
    first, last = (given[0], given[-1]) if given else ("", "")
    if addressed[0] in _HONORIFICS:
        ok = addressed[-1] == last and (honorific is None or addressed[0] == honorific)
    else:
        ok = addressed[0] == first or addressed == given
    if ok:
        return
    original = letter.recipient.name.split()
    suggestion = f"Dear {original[0]} {original[-1]}" if honorific else f"Dear {original[0]}"
    yield Hit(
        letter.salutation.span(),
        {"salutation": letter.salutation.value, "recipient": letter.recipient.name, "suggestion": suggestion},
        Fix(suggestion, f"write '{suggestion}'"),
    )


# Only where the letter names its own visit: another visit may be mentioned
# ("since the monitoring visit in 2019") without contradicting the title.
_VISIT_KIND = re.compile(
    r"\b(?:findings\s+of\s+(?:a|the|this)|from\s+this|this)\s+(?P<kind>focused|monitoring)\s+visit\b",
    re.IGNORECASE,
)


@check_kind("visit_type_agreement")
def visit_type_agreement(letter: Letter, params: dict):
    """The title, the opening paragraph and the closing statement name the same
    kind of visit. Facts: {found}, {where}, {expected}."""
    if letter.letter_type == "unknown":
        return
    expected = load_letter_types()[letter.letter_type].label
    places = [
        ("opening paragraph", letter.opening[0].text if letter.opening else None),
        ("closing statement", letter.closing),
    ]
    for where, text in places:
        if text is None:
            continue
        for match in _VISIT_KIND.finditer(text.value):
            if match.group("kind").lower() != expected.split()[0]:
                span = match.span("kind")[0], match.end()
                found = text.value[span[0] : span[1]]
                yield Hit(text.span(*span), {"found": found, "where": where, "expected": expected})


_OPENING_AUTHORITY = re.compile(
    r"visit (?:to|of) (?P<la>.+?)(?:['’]s)? children['’]s services", re.IGNORECASE
)


@check_kind("authority_agreement")
def authority_agreement(letter: Letter, params: dict):
    """The local authority in the opening paragraph is the one in the title.
    Facts: {found}, {expected}."""
    if not (letter.local_authority and letter.opening):
        return
    text = letter.opening[0].text
    match = _OPENING_AUTHORITY.search(text.value)
    if match and normalise_authority(match.group("la")).lower() != letter.local_authority.lower():
        yield Hit(
            text.span(*match.span("la")), {"found": match.group("la"), "expected": letter.local_authority}
        )


@check_kind("sign_off_fits")
def sign_off_fits(letter: Letter, params: dict):
    """'Yours sincerely' after a named salutation, 'Yours faithfully' after
    'Dear Sir or Madam'. Facts: {sign_off}, {expected}, {salutation}."""
    if not (letter.sign_off and letter.salutation):
        return
    named = not re.search(r"\b(sir|madam)\b", letter.salutation.value, re.IGNORECASE)
    expected = "Yours sincerely" if named else "Yours faithfully"
    if letter.sign_off.value.lower().rstrip(",.") != expected.lower():
        yield Hit(
            letter.sign_off.span(),
            {"sign_off": letter.sign_off.value, "expected": expected, "salutation": letter.salutation.value},
            Fix(expected, f"write '{expected}'"),
        )
