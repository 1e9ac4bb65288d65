"""Read people from letter text: the recipient, the inspectors, the signatory.

Roles are normalised (`HMI`, `Senior HMI`, `Ofsted Inspector`) while the words
as written are kept in `role_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import Person, Recipient, Text

_ROLE_WORDS = (
    r"(?:Senior\s+)?(?:Her|His)\s+Majesty['’]s\s+Inspectors?"
    r"|Senior\s+HMI|SHMI|HMIs?|Ofsted\s+Inspectors?|\bOI\b"
    r"|(?:Social\s+Care\s+)?Regulatory\s+Inspectors?"
)
ROLE = re.compile(_ROLE_WORDS, re.IGNORECASE)
# A role as letters write it around a name, with what may follow it:
# "Her Majesty’s Inspectors (HMI) Social Care", "HMI Schools",
# "Her Majesty’s Inspector (designate)", "Her Majesty’s Inspectors (HMIs)".
_ROLE_PHRASE = (
    rf"(?:{_ROLE_WORDS})(?:\s*\((?:HMIs?|SHMI|OI|designate)\))?"
    r"(?:\s+(?:Social\s+Care|Schools|Probation|Early\s+Years|(?:FE\s+and\s+)?Skills))?"
)
WHOLE_ROLE = re.compile(rf"^\(?(?P<role>{_ROLE_PHRASE})\)?$", re.IGNORECASE)
# "two of Her Majesty’s Inspectors", "all of whom are Her Majesty’s Inspectors"
_QUANTIFIER = re.compile(
    r"^(?:all\s+of\s+whom\s+(?:are|were)|all|both|each|two|three|four|five|six)\s+(?:of\s+)?", re.IGNORECASE
)
_LEADING_ROLE = re.compile(rf"^(?P<role>{_ROLE_PHRASE}),?\s+(?=[A-Z])", re.IGNORECASE)
_TRAILING_ROLE = re.compile(rf"\s*[,(]?\s*(?P<role>{_ROLE_PHRASE})\)?$", re.IGNORECASE)
# What an inspector did on the visit is not their role: "lead inspector",
# "team inspector(s)", "who observed the visit", "as a supernumerary inspector".
_DUTY = re.compile(r"^(?:the\s+)?(?:lead|team|shadow|supernumerary|link)\s+inspectors?\b\s*", re.IGNORECASE)
_DUTY_IN_BRACKETS = re.compile(r"\s*\((?:the\s+)?(?:lead|team)\s+inspector\)\s*$", re.IGNORECASE)
# A person's name: capitalised words, with hyphens and apostrophes, and the
# "Jenny- ellen" that PDF extraction makes of a hyphenated name.
_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.]*(?:(?:\s+|-\s*)[\w'’.]+){0,4}$")

_TRIGGERS = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:the\s+)?(?:lead\s+)?inspectors?\s+(?:(?:for|on)\s+this\s+visit\s+)?(?:were|was)\s+"
    r"|\b(?:carried\s+out|conducted|undertaken|led)\s+by\s+"
    rf"|(?P<lead>(?:{_ROLE_WORDS}))\s+(?:(?:for|on)\s+this\s+visit\s+)?(?:were|was)\s+",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"\.(?=\s|$)|$")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


_QUALIFIERS = re.compile(
    r"\s*\((?:hmis?|shmi|oi|designate)\)|\s+(?:social\s+care|schools|probation|early\s+years|(?:fe\s+and\s+)?skills)$",
    re.IGNORECASE,
)


def normalise_role(text: str) -> str | None:
    words = " ".join(text.lower().replace("’", "'").split())
    words = _QUALIFIERS.sub("", words)
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


def _plural(role_text: str) -> bool:
    """'Her Majesty’s Inspectors', 'HMIs', '... (HMIs)' name several people."""
    if re.search(r"\bHMIs\b", role_text):
        return True
    return _QUALIFIERS.sub("", role_text).rstrip().lower().endswith("inspectors")


def find_inspectors(paragraphs: list[Text]) -> tuple[list[Person], Text | None]:
    """The inspectors named in the opening, and the sentence naming them.

    Every phrasing letters use: "The inspectors were A, HMI, and B, HMI",
    "Her Majesty’s Inspectors for this visit were A and B", "The visit was
    carried out by Her Majesty’s Inspectors A and B", "A and B, Her Majesty’s
    Inspectors (HMIs)", "A, lead inspector, B, team inspector"..."""
    for paragraph in paragraphs:
        for trigger in _TRIGGERS.finditer(paragraph.value):
            start = trigger.end()
            end = _LIST_END.search(paragraph.value, start).start()
            found = _people_in(paragraph, start, end, trigger.group("lead"))
            if found:
                return found, paragraph.slice(trigger.start(), end)
    return [], None


@dataclass(slots=True)
class _Role:
    text: str
    span: Text

    @property
    def plural(self) -> bool:
        return _plural(self.text)


def _give(person: Person, role: _Role) -> None:
    person.role_text = role.text
    person.role = normalise_role(role.text)
    person.role_span_text = role.span


def _people_in(text: Text, start: int, end: int, lead_role: str | None) -> list[Person]:
    value = text.value
    chunks: list[tuple[int, int]] = []
    cursor = start
    for separator in _SEPARATOR.finditer(value, start, end):
        if separator.start() > cursor:
            chunks.append((cursor, separator.start()))
        cursor = separator.end()
    if cursor < end:
        chunks.append((cursor, end))

    people: list[Person] = []
    pending: _Role | None = None  # a role named before the people it belongs to
    if lead_role:
        lead_start = value.rfind(lead_role, 0, start)
        pending = _Role(lead_role, text.slice(lead_start, lead_start + len(lead_role)))
    # A role named before people is theirs unless their own follows them
    # ("Her Majesty’s Inspectors ..., A, B and C, Senior HMI"): decided at the end.
    leading: dict[int, _Role] = {}
    for chunk_start, chunk_end in chunks:
        chunk = value[chunk_start:chunk_end]
        quantifier = _QUANTIFIER.match(chunk)
        bare = chunk[quantifier.end() :] if quantifier else chunk
        whole = WHOLE_ROLE.match(bare.strip())
        if whole:  # a role on its own: for the people before it, else those after it
            offset = chunk_start + (quantifier.end() if quantifier else 0) + bare.index(whole.group("role"))
            role = _Role(whole.group("role"), text.slice(offset, offset + len(whole.group("role"))))
            unroled = [p for p in people if p.role_text is None]
            last = len(people) - 1
            if not role.plural:  # the last person's, unless a role before them was already theirs alone
                alone = last in leading and not leading[last].plural
                unroled = [people[last]] if people and people[last].role_text is None and not alone else []
            for person in unroled:
                _give(person, role)
            if not unroled:
                pending = role
            continue
        person = _person(text, chunk_start, chunk_end)
        if person is None:
            continue  # "who observed the visit", "lead inspector"
        if person.role_text is None and pending is not None:
            leading[len(people)] = pending
            if not pending.plural:
                pending = None
        elif person.role_text is not None and _plural(person.role_text) and person.role_span_text is not None:
            pending = _Role(person.role_text, person.role_span_text)  # "Her Majesty’s Inspectors A and B"
        people.append(person)
    for index, role in leading.items():
        if people[index].role_text is None:
            _give(people[index], role)
    return people


def _person(text: Text, start: int, end: int) -> Person | None:
    """One name from a list, with the role written before or after it."""
    value = text.value
    duty = _DUTY.match(value[start:end])
    if duty:
        start += duty.end()
    role_text, role_span = None, None
    leading = _LEADING_ROLE.match(value[start:end])
    if leading:
        role_text = leading.group("role")
        role_span = text.slice(start, start + len(role_text))
        start += leading.end()
    bracketed = _DUTY_IN_BRACKETS.search(value, start, end)
    if bracketed:
        end = bracketed.start()
    trailing = _TRAILING_ROLE.search(value, start, end)
    if trailing and trailing.start() > start:
        role_text = trailing.group("role")
        role_span = text.slice(trailing.start("role"), trailing.end("role"))
        end = trailing.start()
    name = value[start:end].strip(" ,()")
    if not _NAME.match(name):
        return None
    name_start = value.index(name, start)
    return Person(
        name=name,
        role=normalise_role(role_text) if role_text else None,
        role_text=role_text,
        name_text=text.slice(name_start, name_start + len(name)),
        role_span_text=role_span,
    )


# 'Lead inspector' beside the signing name: what they did, not their role.
_SIGNATURE_DUTY = re.compile(r"[,(]?\s*\(?(?:the\s+)?lead\s+inspector\)?[,.]?", re.IGNORECASE)


def read_signature(signature: Text | None) -> Person | None:
    """'Graham Reiter Her Majesty's Inspector', bold or on two lines, with a
    'Lead inspector' beside the name or a full stop after the role."""
    if signature is None or not signature.value.strip():
        return None
    value = signature.value
    role = ROLE.search(value)
    if role is None:
        return _signed_with_misspelt_role(signature)
    name_end = role.start()
    duty = _SIGNATURE_DUTY.search(value[:name_end])
    if duty:
        name_end = duty.start()
    name = value[:name_end].replace("*", "").strip(" ,.")
    name_start = value.index(name) if name and name in value else 0
    return Person(
        name=name,
        role=normalise_role(role.group()),
        role_text=role.group(),
        name_text=signature.slice(name_start, name_start + len(name)),
        role_span_text=signature.slice(role.start(), role.end()),
    )


# The roles a signature gives, as they are spelt: a last line close to one
# ('Her Majesty’s Inspecter') is that role misspelt (INSP007), not part of the name.
SIGNATURE_ROLES = (
    "Her Majesty's Inspector",
    "His Majesty's Inspector",
    "Senior Her Majesty's Inspector",
    "Senior His Majesty's Inspector",
    "Ofsted Inspector",
    "Social Care Regulatory Inspector",
)


def _signed_with_misspelt_role(signature: Text) -> Person:
    """A signature with no role read: its last line may be a role misspelt."""
    import difflib

    value = signature.value
    bounds = signature.piece_bounds()
    start, end = bounds[-1]
    written = value[start:end].strip(" .")
    straight = written.replace("’", "'")
    close = difflib.get_close_matches(straight, SIGNATURE_ROLES, n=1, cutoff=0.85) if len(bounds) > 1 else []
    duty = _SIGNATURE_DUTY.search(value)
    name_end = start if close else (duty.start() if duty else len(value))
    name = value[:name_end].replace("*", "").strip(" ,.")
    name_start = value.index(name) if name and name in value else 0
    person = Person(
        name=name,
        role=None,
        role_text=duty.group().strip(" ,.()") if duty and not close else None,
        name_text=signature.slice(name_start, name_start + len(name)),
    )
    if close:
        role_start = start + value[start:end].index(written)
        person.role = normalise_role(close[0])
        person.role_text = written
        person.role_span_text = signature.slice(role_start, role_start + len(written))
        person.role_meant = close[0].replace("'", "’") if "’" in written else close[0]
    return person


# Titles before a name ("Ms", "Dr", "Councillor"), as letters write them.
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Professor", "Prof", "Sir", "Dame", "Cllr", "Councillor")
_HONORIFIC = rf"(?:(?:{'|'.join(HONORIFICS)})\.?\s+)"
_JOB_WORDS = r"(?:Interim|Acting|Executive|Corporate|Strategic|Deputy|Assistant|Joint|Service)"
_JOB = (
    rf"(?:{_JOB_WORDS}\s+)*(?:Directors?|Chief\s+Executive|Head|Leader|Manager)\b"
    r"(?:.*?\b(?:Services|Care|Learning|Education|Families|Family|People|Officer|Executive|Council)\b(?!\s+Council))?"
)
_RECIPIENT = re.compile(
    rf"^(?P<name>{_HONORIFIC}?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,3}}?)\s*,?\s+"
    rf"(?P<job>{_JOB})\s*,?\s*"
    r"(?P<org>(?:[A-Z][\w'’\-]*,?\s+|upon\s+|on\s+|and\s+|of\s+|the\s+)*?(?:County\s+|City\s+|Borough\s+|District\s+)?Council\b)?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


# Letters after a name that are not part of it: honours and degrees.
HONOURS_AFTER_NAMES = (
    "OBE", "CBE", "MBE", "KBE", "DBE", "CB", "BEM", "QPM", "QFSM", "DL", "JP", "FRSA",
    "FCA", "MA", "MSc", "MBA", "BA", "BSc", "PhD", "CQSW",
)  # fmt: skip
HONOURS = re.compile(rf"\s+(?:{'|'.join(HONOURS_AFTER_NAMES)})\b\.?", re.IGNORECASE)
# A line of the recipient block that is only a name (or two: "A and B"),
# perhaps with honours and then the job title after a comma.
_HONOUR_WORDS = rf"(?:{'|'.join(HONOURS_AFTER_NAMES)})"
_PERSON = rf"{_HONORIFIC}?[A-Z][\w'’]*(?:(?:\s+-?|-)(?!{_HONOUR_WORDS}\b)[A-Z][\w'’\-]*){{1,3}}"
_NAME_LINE = re.compile(
    rf"^(?P<names>{_PERSON}(?:\s+and\s+{_PERSON})?)"
    rf"(?P<honours>(?:,?\s+{_HONOUR_WORDS})*)"
    r"(?:\s*,\s*(?P<job>.+)|\s*,)?$"
)
_NOT_A_NAME = re.compile(
    r"\b(?:Council|Borough|County|City|Services?|Director|Directorate|Executive|Officer|Trust|Children|Copy|"
    r"Ofsted|Department|People|Education)\b"
)
# Words of an address that are surnames too ("Kevin Hall", "Jo Street"): an
# address line below the name, but on the block's first line a name, unless
# the words around them make a building ("Town Hall", "Civic Centre").
_PLACE = re.compile(r"\b(?:Hall|House|Street|Road|Centre|Floor|Buildings|Offices?)\b")
_BUILDING = re.compile(
    r"\b(?:Town|County|City|Civic|Council|Municipal|Shire|Guild)\s+(?:Hall|House|Centre|Buildings|Offices?)\b"
)
_JOB_LINE = re.compile(rf"\b{_JOB}", re.IGNORECASE)
_ORGANISATION = re.compile(r"\b(?:Council|Borough|Trust|Children First|Achieving for Children)\b")


def read_recipient(text: Text) -> Recipient:
    """Name, job title, organisation and postcode of the recipient block: line
    by line when it has lines (the usual layout), else from one merged line."""
    value = text.value
    postcodes = list(_POSTCODE.finditer(value))
    postcode = postcodes[-1].group() if postcodes else None
    lines = [value[start:end].strip() for start, end in text.piece_bounds()]
    if len(lines) > 1:
        found = _recipient_from_lines(lines)
        if found is not None:
            name, job, organisation, names = found
            return Recipient(name, job, organisation, postcode, text, names)
    match = _RECIPIENT.match(value)
    if not match:
        return Recipient(name=None, job_title=None, organisation=None, postcode=postcode, text=text)
    org = match.group("org")
    name = match.group("name").strip()
    return Recipient(
        name=name,
        job_title=" ".join(match.group("job").split()),
        organisation=" ".join(org.strip(" ,").split()) if org else None,
        postcode=postcode,
        text=text,
        names=[name],
    )


def _could_be_names(words: str, first_line: bool) -> bool:
    if _NOT_A_NAME.search(words) or _BUILDING.search(words):
        return False
    return first_line or not _PLACE.search(words)


def _recipient_from_lines(lines: list[str]) -> tuple[str, str | None, str | None, list[str]] | None:
    name = job = organisation = None
    names: list[str] = []
    for index, line in enumerate(lines):
        match = _NAME_LINE.match(line)
        if (
            match
            and _could_be_names(match.group("names"), first_line=index == 0)
            and (name is None or match.group("job"))
        ):
            # the first name line, or another person with their job ("B, Chief Executive")
            names += [p.strip() for p in re.split(r"\s+and\s+", match.group("names"))]
            if name is None:
                name = (match.group("names") + match.group("honours")).strip()
                job = match.group("job")
                if job is None and index + 1 < len(lines) and _JOB_LINE.search(lines[index + 1]):
                    job = lines[index + 1]
            continue
        if name is not None and organisation is None and line != job:
            organisation = _organisation_in(line)
    if name is None:
        return None
    return name, job and " ".join(job.split()), organisation, names


def _organisation_in(line: str) -> str | None:
    """The organisation an address line names: 'Leeds City Council' in 'Leeds
    City Council, Merrion House' (a building after it is dropped), none in
    'The Council House' (a building alone)."""
    if not _ORGANISATION.search(line):
        return None
    parts = line.split(", ")
    while len(parts) > 1 and (_BUILDING.search(parts[-1]) or _PLACE.search(parts[-1])):
        parts.pop()
    found = ", ".join(parts)
    if not _ORGANISATION.search(_BUILDING.sub("", found)):
        return None  # the council's building, not the council
    if len(parts) > 1 and _NAME_LINE.match(found):
        return parts[-1]  # "A Person, Their Council"
    return found
