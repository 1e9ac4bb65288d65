"""Inspectors: who is named, with which role, who signs, and the monarch."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from checker.checking.kinds import Hit, Param, check_kind
from checker.diagnostics import Fix
from checker.model import Letter, Person
from checker.reading.written_dates import format_date


def _name_key(name: str) -> str:
    """Compare names ignoring case, accents' absence, punctuation and the
    space PDF extraction leaves after a hyphen ("Jenny- ellen")."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"-\s+", "-", name)
    return " ".join(re.sub(r"[^\w\s'-]", "", name).lower().split())


def _find(letter: Letter, person: Person) -> Person | None:
    key = _name_key(person.name)
    return next((p for p in letter.inspectors if _name_key(p.name) == key), None)


@check_kind("inspectors_named")
def inspectors_named(letter: Letter, params: dict):
    """The opening paragraph names the inspectors ('The inspectors were ...')."""
    if letter.inspectors or not letter.opening:
        return
    text = letter.visit_paragraph.text
    yield Hit(text.span(0, min(80, len(text.value))), {})


@check_kind("inspector_roles")
def inspector_roles(letter: Letter, params: dict):
    """Each inspector named in the opening has a known role (HMI, Senior HMI,
    Ofsted Inspector). Facts: {name}, {role_text}."""
    for person in letter.inspectors:
        if person.role is None:
            target = person.name_text or letter.inspectors_sentence
            yield Hit(target.span(), {"name": person.name, "role_text": person.role_text or "no role"})


@check_kind("signatory_named")
def signatory_named(letter: Letter, params: dict):
    """The person who signs is one of the inspectors named in the opening.
    Facts: {name}, {inspectors}."""
    signer = letter.signatory
    if signer is None or not signer.name or not letter.inspectors:
        return
    if _find(letter, signer) is None:
        names = ", ".join(p.name for p in letter.inspectors)
        yield Hit((signer.name_text or letter.signature).span(), {"name": signer.name, "inspectors": names})


@check_kind("signatory_first")
def signatory_first(letter: Letter, params: dict):
    """The signatory is normally the first inspector named (the lead).
    Facts: {name}, {first}."""
    signer = letter.signatory
    if signer is None or not letter.inspectors:
        return
    match = _find(letter, signer)
    if match is not None and match is not letter.inspectors[0]:
        yield Hit(
            (signer.name_text or letter.signature).span(),
            {"name": signer.name, "first": letter.inspectors[0].name},
        )


@check_kind("signature_role")
def signature_role(letter: Letter, params: dict):
    """The signature gives a title, and it is the signatory's role in the
    opening. Facts: {name}, {signed_as}, {role}."""
    signer = letter.signatory
    if signer is None or not signer.name:
        return
    match = _find(letter, signer)
    if signer.role is None:
        role = match.role_text if match is not None and match.role_text else "a role"
        yield Hit(letter.signature.span(), {"name": signer.name, "signed_as": "no title", "role": role})
        return
    if match is not None and match.role and match.role != signer.role:
        target = signer.role_span_text or letter.signature
        yield Hit(
            target.span(), {"name": signer.name, "signed_as": signer.role_text, "role": match.role_text}
        )


@check_kind("signature_role_spelling")
def signature_role_spelling(letter: Letter, params: dict):
    """The role under the signature is spelt right ('Her Majesty’s Inspecter'
    is read as the role, and named once here with a fix). Facts: {written},
    {expected}."""
    signer = letter.signatory
    if signer is None or signer.role_meant is None or signer.role_span_text is None:
        return
    expected = signer.role_meant
    yield Hit(
        signer.role_span_text.span(),
        {"written": signer.role_text, "expected": expected},
        Fix(expected, f"write '{expected}'"),
    )


_MAJESTY = re.compile(r"\b(Her|His)(\s+Majesty['’]s)\b")
ACCESSION = dt.date(2022, 9, 8)


@check_kind(
    "majesty",
    params=(Param("change_date", "date", ACCESSION.isoformat(), doc="the first day of 'His Majesty's'"),),
)
def majesty(letter: Letter, params: dict):
    """'Her Majesty's Inspector' before 8 September 2022, 'His Majesty's'
    from then on (by the letter date, else the visit). Facts: {found}, {expected}, {date}."""
    change = dt.date.fromisoformat(str(params["change_date"]))
    when = letter.letter_date or (max(letter.visit_dates) if letter.visit_dates else None)
    if when is None:
        return
    expected = "His" if when >= change else "Her"
    texts = [b.text for b in letter.opening] + [t for t in (letter.signature,) if t]
    for text in texts:
        for match in _MAJESTY.finditer(text.value):
            if match.group(1) != expected:
                yield Hit(
                    text.span(*match.span(1)),
                    {
                        "found": match.group(1) + match.group(2),
                        "expected": expected + match.group(2),
                        "date": format_date(when),
                    },
                    Fix(expected, f"write '{expected}'"),
                )
