"""Named parts of a letter that generic rules can search ("scope: findings").

Every scope is a list of `Text`s, so a match anywhere maps back to the file.
"""

from __future__ import annotations

from checker.model import Letter, Text

SCOPES = (
    "letter", "head", "date", "recipient", "salutation", "title", "opening", "body",
    "headings", "recommendations", "findings", "closing", "sign_off", "signature",
)  # fmt: skip


def section_kinds() -> tuple[str, ...]:
    """The section kinds that `section:<kind>` may name: those of every letter
    type, and `other` (a heading no letter type knows)."""
    from checker.reading.letter_types import load_letter_types

    kinds = {spec.kind for t in load_letter_types().values() for spec in t.sections}
    return (*sorted(kinds), "other")


def scope_texts(letter: Letter, scope: str) -> list[Text]:
    """The texts of a named scope, built once per letter (several rules share a scope)."""
    key = ("scope", scope)
    if key not in letter.memo:
        letter.memo[key] = _build(letter, scope)
    return letter.memo[key]


def _build(letter: Letter, scope: str) -> list[Text]:
    if scope.startswith("section:"):
        kind = scope.split(":", 1)[1]
        return [b.text for s in letter.sections if s.kind == kind for b in s.blocks]
    if scope == "letter":  # every non-blank line as one text: one search per rule, not one per line
        return [Text([(n, 1, line) for n, line in enumerate(letter.lines, start=1) if line.strip()])]
    if scope == "head":
        parts = list(letter.letterhead)
        parts += [t for t in (letter.date_line, letter.recipient.text if letter.recipient else None) if t]
        return parts
    if scope == "date":
        return [letter.date_line] if letter.date_line else []
    if scope == "recipient":
        return [letter.recipient.text] if letter.recipient else []
    if scope == "opening":
        return [b.text for b in letter.opening]
    if scope == "body":
        texts = [b.text for b in letter.body_blocks()]
        return texts + ([letter.closing] if letter.closing else [])
    if scope == "headings":
        return [s.heading for s in letter.sections]
    if scope == "recommendations":
        return [b.text for b in letter.recommendations]
    if scope == "findings":
        return [b.text for b in letter.findings]
    single = {
        "salutation": letter.salutation,
        "title": letter.title,
        "closing": letter.closing,
        "sign_off": letter.sign_off,
        "signature": letter.signature,
    }
    if scope in single:
        return [single[scope]] if single[scope] else []
    raise KeyError(scope)
