"""Named parts of a letter that generic rules can search ("scope: findings").

Every scope is a list of `Text`s, so a match anywhere maps back to the file.
Most scopes are a part of the letter (`Letter.part`); the others gather
several parts, or one kind of section (`section:<kind>`).
"""

from __future__ import annotations

from checker.model import PARTS, Letter, Text

SCOPES = (
    "letter", "head", "date", "recipient", "salutation", "title", "opening", "body",
    "headings", "recommendations", "findings", "closing", "sign_off", "signature",
)  # fmt: skip


def section_kinds() -> tuple[str, ...]:
    """The section kinds that `section:<kind>` may name: those of every letter
    type, and `other` (a heading no letter type knows)."""
    from checker.reading.letter_types import load_letter_types

    return load_letter_types().section_kinds


def scope_texts(letter: Letter, scope: str) -> list[Text]:
    """The texts of a named scope, built once per letter (several rules share a scope)."""
    built = letter.facts.scopes
    if scope not in built:
        built[scope] = _build(letter, scope)
    return built[scope]


def _build(letter: Letter, scope: str) -> list[Text]:
    if scope.startswith("section:"):
        kind = scope.split(":", 1)[1]
        return [b.text for s in letter.sections if s.kind == kind for b in s.blocks]
    if scope in PARTS:
        return letter.part(scope)
    if scope == "letter":  # every non-blank line as one text: one search per rule, not one per line
        return [Text([(n, 1, line) for n, line in enumerate(letter.lines, start=1) if line.strip()])]
    if scope == "head":
        return letter.part("letterhead") + letter.part("date") + letter.part("recipient")
    if scope == "body":
        return [b.text for b in letter.body_blocks()] + letter.part("closing")
    if scope == "recommendations":
        return [b.text for b in letter.recommendations]
    if scope == "findings":
        return [b.text for b in letter.findings]
    raise KeyError(scope)
