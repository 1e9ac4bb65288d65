"""The letter model as plain data: the JSON contract of `report --format json`.

Field names here are a published contract (../shared/SPEC.md): add, never rename.
"""

from __future__ import annotations

from checker.model import Letter, Person

REPORT_VERSION = 1


def _person(person: Person | None) -> dict | None:
    if person is None:
        return None
    return {"name": person.name, "role": person.role, "role_text": person.role_text}


def _layout(letter: Letter) -> str | None:
    """The format of its letter type the letter fits best (rules/letter_types.yaml)."""
    found = letter.facts.format_fit
    return found.layout.name if found else None


def letter_dict(letter: Letter, alignment=None) -> dict:
    links = alignment.links if alignment else {}
    areas = alignment.areas if alignment else {}
    areas_section = letter.section("areas_covered")
    return {
        "path": letter.path,
        "letter_type": letter.letter_type,
        "layout": _layout(letter),
        "letter_date": letter.letter_date.isoformat() if letter.letter_date else None,
        "recipient": _recipient(letter.recipient),
        "salutation": letter.salutation.value if letter.salutation else None,
        "title": letter.title.value if letter.title else None,
        "local_authority": letter.local_authority,
        "visit_dates": [day.isoformat() for day in letter.visit_dates],
        "inspectors": [_person(person) for person in letter.inspectors],
        "signatory": _person(letter.signatory),
        "sections": [_section(section) for section in letter.sections],
        "recommendations": [
            _linked(block, links.get(block.line, []), "supported_by", "support")
            for block in letter.recommendations
        ],
        "findings": [{"text": block.text.value, "line": block.line} for block in letter.findings],
        "areas": [
            _linked(block, areas.get(block.line, []), "evaluated_by", "evidence")
            for block in (areas_section.bullets if areas_section else [])
        ],
        "closing": letter.closing.value if letter.closing else None,
        "sign_off": letter.sign_off.value if letter.sign_off else None,
    }


def _recipient(recipient) -> dict | None:
    if recipient is None:
        return None
    return {
        "name": recipient.name,
        "job_title": recipient.job_title,
        "organisation": recipient.organisation,
        "postcode": recipient.postcode,
    }


def _section(section) -> dict:
    return {
        "heading": section.heading.value,
        "kind": section.kind,
        "line": section.line,
        "paragraphs": len(section.paragraphs),
        "bullets": len(section.bullets),
        "subheadings": [b.text.value for b in section.blocks if b.kind == "subheading"],
        "words": section.words,
    }


def _linked(block, links: list, lines_key: str, detail_key: str) -> dict:
    """A recommendation (or an area covered) with the lines that support it
    (evaluate it), and for each its score and the terms they share."""
    return {
        "text": block.text.value,
        "line": block.line,
        lines_key: [link.line for link in links],
        detail_key: [
            {"line": link.line, "score": round(link.score, 3), "shared_terms": link.terms, "kind": link.kind}
            for link in links
        ],
    }
