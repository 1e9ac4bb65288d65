"""Consistency: the parts of a letter agree with each other."""

from __future__ import annotations

import re

from checker.checking.kinds import Hit, check_kind
from checker.diagnostics import Fix
from checker.model import Letter
from checker.reading.authorities import same_authority
from checker.reading.lines import intended_sign_off
from checker.reading.people import HONORIFICS, HONOURS

_HONORIFICS = frozenset(title.lower() for title in HONORIFICS)


def _words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in HONOURS.sub("", text.replace("’", "'")).split()]


def _fits(addressed: list[str], name: list[str]) -> bool:
    """'Ms Murphy', 'Alison', 'Alison Murphy' or 'Sal' (for Saleem) fit 'Ms Alison Murphy'."""
    honorific = name[0] if name and name[0] in _HONORIFICS else None
    given = [w for w in name if w not in _HONORIFICS]
    if not given or not addressed:
        return False
    if addressed[0] in _HONORIFICS:
        return addressed[-1] == given[-1] and (honorific is None or addressed[0] == honorific)
    if addressed == given or addressed[0] == given[0]:
        return True
    # a short form of the first name: "Dear Sal" to Saleem, "Dear Chris" to Christopher
    return len(addressed) == 1 and len(addressed[0]) >= 3 and given[0].startswith(addressed[0])


@check_kind("salutation_recipient")
def salutation_recipient(letter: Letter, params: dict):
    """'Dear Ms Murphy' or 'Dear Alison' fits the recipient 'Ms Alison Murphy';
    'Dear Ms Giles and Ms Taylor' fits a block that names both. Honours
    ('OBE') are not part of a name. Facts: {salutation}, {recipient}, {suggestion}."""
    if not (letter.salutation and letter.recipient and letter.recipient.name):
        return
    addressed = _words(letter.salutation.value)[1:]  # after "Dear"
    if not addressed or addressed[0] in ("sir", "madam", "colleague", "colleagues", "all"):
        return
    names = [_words(name) for name in letter.recipient.names or [letter.recipient.name]]
    people = _split_addressees(addressed)
    if all(any(_fits(person, name) for name in names) for person in people):
        return
    written = HONOURS.sub("", letter.recipient.name).split()
    if addressed[0] in _HONORIFICS:  # keep the writer's choice of form: correct the surname
        honorific = letter.salutation.value.split()[1]
        suggestion = f"Dear {honorific} {written[-1]}"
    else:
        given = [w for w in written if w.lower().strip(".") not in _HONORIFICS]
        suggestion = f"Dear {given[0]}" if given else f"Dear {written[0]}"
    yield Hit(
        letter.salutation.span(),
        {"salutation": letter.salutation.value, "recipient": letter.recipient.name, "suggestion": suggestion},
        Fix(suggestion, f"write '{suggestion}'"),
    )


def _split_addressees(words: list[str]) -> list[list[str]]:
    """['ms', 'giles', 'and', 'ms', 'taylor'] -> [['ms', 'giles'], ['ms', 'taylor']]."""
    people: list[list[str]] = [[]]
    for word in words:
        if word in ("and", "&") and people[-1]:
            people.append([])
        else:
            people[-1].append(word)
    return [person for person in people if person]


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
    if letter.type_spec is None:
        return
    expected = letter.type_spec.label
    places = [
        ("opening paragraph", letter.visit_paragraph.text if letter.opening else None),
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
    """The local authority the opening names ('...findings of a focused visit
    to X children's services': the first paragraph, or the one after the 2020-21
    letters' preamble on the pandemic) is the one in the title.
    Facts: {found}, {expected}."""
    if not (letter.local_authority and letter.opening):
        return
    text = letter.visit_paragraph.text
    match = _OPENING_AUTHORITY.search(text.value)
    if match and not same_authority(match.group("la"), letter.local_authority):
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
    meant = intended_sign_off(letter.sign_off.value) or letter.sign_off.value  # spelling is STR014's
    if meant.lower().rstrip(",.") != expected.lower():
        yield Hit(
            letter.sign_off.span(),
            {"sign_off": letter.sign_off.value, "expected": expected, "salutation": letter.salutation.value},
            Fix(expected, f"write '{expected}'"),
        )
