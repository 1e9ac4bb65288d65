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
    recipient = letter.recipient
    links = alignment.links if alignment else {}
    areas = alignment.areas if alignment else {}
    areas_section = letter.section("areas_covered")
    return {
        "path": letter.path,
        "letter_type": letter.letter_type,
        "layout": _layout(letter),
        "letter_date": letter.letter_date.isoformat() if letter.letter_date else None,
        "recipient": {
            "name": recipient.name,
            "job_title": recipient.job_title,
            "organisation": recipient.organisation,
            "postcode": recipient.postcode,
        }
        if recipient
        else None,
        "salutation": letter.salutation.value if letter.salutation else None,
        "title": letter.title.value if letter.title else None,
        "local_authority": letter.local_authority,
        "visit_dates": [day.isoformat() for day in letter.visit_dates],
        "inspectors": [_person(person) for person in letter.inspectors],
        "signatory": _person(letter.signatory),
        "sections": [
            {
                "heading": section.heading.value,
                "kind": section.kind,
                "line": section.line,
                "paragraphs": len(section.paragraphs),
                "bullets": len(section.bullets),
                "subheadings": [b.text.value for b in section.blocks if b.kind == "subheading"],
                "words": section.words,
            }
            for section in letter.sections
        ],
        "recommendations": [
            {
                "text": block.text.value,
                "line": block.line,
                "supported_by": [link.line for link in links.get(block.line, [])],
                "support": [
                    {"line": link.line, "score": round(link.score, 3), "shared_terms": link.terms}
                    for link in links.get(block.line, [])
                ],
            }
            for block in letter.recommendations
        ],
        "findings": [{"text": block.text.value, "line": block.line} for block in letter.findings],
        "areas": [
            {
                "text": block.text.value,
                "line": block.line,
                "evaluated_by": [link.line for link in areas.get(block.line, [])],
                "evidence": [
                    {"line": link.line, "score": round(link.score, 3), "shared_terms": link.terms}
                    for link in areas.get(block.line, [])
                ],
            }
            for block in (areas_section.bullets if areas_section else [])
        ],
        "closing": letter.closing.value if letter.closing else None,
        "sign_off": letter.sign_off.value if letter.sign_off else None,
    }
