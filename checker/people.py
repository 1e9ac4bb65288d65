"""Read people from letter text: the recipient, the inspectors, the signatory.

Roles are normalised (`HMI`, `Senior HMI`, `Ofsted Inspector`) while the words
as written are kept in `role_text`.
"""

from __future__ import annotations

import re

from checker.model import Person, Recipient, Text

ROLE = re.compile(
    r"(?:Senior\s+)?(?:Her|His)\s+Majesty['’]s\s+Inspectors?"
    r"|Senior\s+HMI|SHMI|HMIs?|Ofsted\s+Inspectors?|\bOI\b"
    r"|(?:Social\s+Care\s+)?Regulatory\s+Inspector",
    re.IGNORECASE,
)
_WHOLE_ROLE = re.compile(rf"^\(?(?:{ROLE.pattern})\)?$", re.IGNORECASE)

_TRIGGERS = re.compile(
    r"(?:the\s+)?inspectors?\s+(?:were|was)\s+"
    r"|(?:this|the)\s+visit\s+was\s+(?:carried\s+out|conducted|undertaken|led)\s+by\s+"
    r"|(?P<lead>(?:Senior\s+)?(?:Her|His)\s+Majesty['’]s\s+Inspectors?|Ofsted\s+Inspectors?|HMIs?)"
    r"\s+(?:for|on)\s+this\s+visit\s+(?:were|was)\s+",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"\.(?=\s|$)|$")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")
_TRAILING_ROLE = re.compile(rf"^(?P<name>.+?)\s*[,(]?\s*(?P<role>{ROLE.pattern})\)?$", re.IGNORECASE)


def normalise_role(text: str) -> str | None:
    words = " ".join(text.lower().replace("’", "'").split())
    if words.endswith("s") and not words.endswith("'s"):
        words = words[:-1]
    if words in ("senior hmi", "shmi", "senior her majesty's inspector", "senior his majesty's inspector"):
        return "Senior HMI"
    if words in ("hmi", "her majesty's inspector", "his majesty's inspector"):
        return "HMI"
    if words in ("ofsted inspector", "oi"):
        return "Ofsted Inspector"
    if "regulatory inspector" in words:
        return "Regulatory Inspector"
    return None


def find_inspectors(paragraphs: list[Text]) -> tuple[list[Person], Text | None]:
    """The inspectors named in the opening, and the sentence naming them."""
    for paragraph in paragraphs:
        trigger = _TRIGGERS.search(paragraph.value)
        if not trigger:
            continue
        start = trigger.end()
        end = _LIST_END.search(paragraph.value, start).start()
        sentence = paragraph.slice(trigger.start(), end)
        lead_role = trigger.group("lead")
        return _people_in(paragraph, start, end, lead_role), sentence
    return [], None


def _people_in(text: Text, start: int, end: int, lead_role: str | None) -> list[Person]:
    chunks: list[tuple[int, int]] = []
    cursor = start
    for separator in _SEPARATOR.finditer(text.value, start, end):
        if separator.start() > cursor:
            chunks.append((cursor, separator.start()))
        cursor = separator.end()
    if cursor < end:
        chunks.append((cursor, end))

    people: list[Person] = []
    for chunk_start, chunk_end in chunks:
        chunk = text.value[chunk_start:chunk_end]
        if _WHOLE_ROLE.match(chunk.strip()):
            if people and people[-1].role_text is None:
                people[-1].role_text = chunk.strip("() ")
                people[-1].role = normalise_role(people[-1].role_text)
                people[-1].role_span_text = text.slice(chunk_start, chunk_end)
            continue
        inline = _TRAILING_ROLE.match(chunk)
        if inline and inline.group("name").strip():
            name_end = chunk_start + inline.end("name")
            role_start = chunk_start + inline.start("role")
            role_text = inline.group("role")
            people.append(
                Person(
                    name=inline.group("name").strip(),
                    role=normalise_role(role_text),
                    role_text=role_text,
                    name_text=text.slice(chunk_start, name_end),
                    role_span_text=text.slice(role_start, chunk_start + inline.end("role")),
                )
            )
            continue
        people.append(
            Person(
                name=chunk.strip(), role=None, role_text=None, name_text=text.slice(chunk_start, chunk_end)
            )
        )
    if lead_role:
        for person in people:
            if person.role_text is None:
                person.role_text = lead_role
                person.role = normalise_role(lead_role)
    return people


def read_signature(signature: Text | None) -> Person | None:
    """'Graham Reiter Her Majesty's Inspector', bold or on two lines."""
    if signature is None or not signature.value.strip():
        return None
    value = signature.value
    role = ROLE.search(value)
    name_end = role.start() if role else len(value)
    name = value[:name_end].replace("*", "").strip(" ,")
    name_start = value.index(name) if name and name in value else 0
    return Person(
        name=name,
        role=normalise_role(role.group()) if role else None,
        role_text=role.group() if role else None,
        name_text=signature.slice(name_start, name_start + len(name)),
        role_span_text=signature.slice(role.start(), role.end()) if role else None,
    )


_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Cllr|Councillor)\.?\s+)"
_JOB_WORDS = r"(?:Interim|Acting|Executive|Corporate|Strategic|Deputy|Assistant|Joint|Service)"
_JOB = (
    rf"(?:{_JOB_WORDS}\s+)*(?:Director|Chief\s+Executive|Head|Leader|Manager)\b"
    r"(?:.*?\b(?:Services|Care|Learning|Education|Families|Family|People|Officer|Executive|Council)\b(?!\s+Council))?"
)
_RECIPIENT = re.compile(
    rf"^(?P<name>{_HONORIFIC}?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,3}}?)\s*,?\s+"
    rf"(?P<job>{_JOB})\s*,?\s*"
    r"(?P<org>(?:[A-Z][\w'’\-]*,?\s+|upon\s+|on\s+|and\s+|of\s+|the\s+)*?(?:County\s+|City\s+|Borough\s+|District\s+)?Council\b)?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def read_recipient(text: Text) -> Recipient:
    value = text.value
    match = _RECIPIENT.match(value)
    postcodes = list(_POSTCODE.finditer(value))
    postcode = postcodes[-1].group() if postcodes else None
    if not match:
        return Recipient(name=None, job_title=None, organisation=None, postcode=postcode, text=text)
    org = match.group("org")
    return Recipient(
        name=match.group("name").strip(),
        job_title=" ".join(match.group("job").split()),
        organisation=" ".join(org.strip(" ,").split()) if org else None,
        postcode=postcode,
        text=text,
    )
