"""Build the Letter model from the parse tree, and read the facts in it.

The Transformer has one method per grammar rule (lark's usual shape); the
fact extraction (dates, people, local authority, letter type) follows.
"""

from __future__ import annotations

import re
from functools import cache

from checker.model import Block, DateMention, Letter, Section, Text
from checker.reading import people
from checker.reading import written_dates as dates
from checker.reading.letter_types import LetterType, heading_key, known_headings
from checker.reading.lines import BOLD_LINE, MD_HEADING, Line


def _text(tokens) -> Text:
    """Join lines (or the lark tokens carrying them) into one positioned Text."""
    return Text([getattr(token, "value", token).piece for token in tokens])


@cache
def _transformer():
    """One stateless transformer per process (lark is imported lazily)."""
    from lark import Transformer

    class LetterTransformer(Transformer):
        """Turns the tree of typed lines into plain parts for `build_letter`."""

        def start(self, parts):
            found: dict = {"sections": []}
            for key, value in parts:
                if key == "section":
                    found["sections"].append(value)
                else:
                    found[key] = value
            return found

        def head(self, parts):
            return ("head", dict(parts))

        def letterhead(self, lines):
            return ("letterhead", [_text([token]) for token in lines])

        def date_line(self, lines):
            return ("date", _text(lines))

        def recipient(self, lines):
            return ("recipient", _text(lines))

        def salutation(self, lines):
            return ("salutation", _text(lines))

        def title(self, lines):
            return ("title", lines[0].value)

        def opening(self, parts):
            return ("opening", parts[0])

        def blocks(self, blocks):
            return blocks

        def paragraph(self, lines):
            return Block("paragraph", _text(lines))

        def item(self, lines):
            return Block("item", _text(lines), marker=lines[0].value.marker)

        def section(self, parts):
            return ("section", (parts[0].value, parts[1] if len(parts) > 1 else []))

        def closing(self, lines):
            return ("closing", _text(lines))

        def signature_block(self, lines):
            return ("signature", lines)

    return LetterTransformer()


def build_letter(path: str, source_lines: list[str], tree, types: dict[str, LetterType]) -> Letter:
    parts = _transformer().transform(tree)
    letter = Letter(path=path, lines=source_lines)
    head = parts.get("head", {})
    letter.letterhead = head.get("letterhead", [])
    if "date" in head:
        letter.date_line = head["date"]
        letter.date = _date_mention(head["date"])
    if "recipient" in head:
        letter.recipient = people.read_recipient(head["recipient"])
    letter.salutation = parts.get("salutation")
    title_line: Line | None = parts.get("title")
    if title_line is not None:
        letter.title = Text([title_line.piece])
    letter.opening = parts.get("opening", [])
    letter.closing = parts.get("closing")
    signature_lines = parts.get("signature", [])
    if signature_lines and signature_lines[0].type == "SIGN_OFF":
        letter.sign_off = Text([signature_lines[0].value.piece])
        signature_lines = signature_lines[1:]
    if signature_lines:
        letter.signature = _text(signature_lines)
        letter.signatory = people.read_signature(letter.signature)

    letter_type = identify_type(letter, types)
    letter.letter_type = letter_type.name if letter_type else "unknown"
    letter.local_authority = _local_authority(letter, letter_type)
    letter.sections = _sections(parts["sections"], letter_type, types)

    opening_texts = [block.text for block in letter.opening]
    letter.visit = _visit_dates(opening_texts)
    letter.inspectors, letter.inspectors_sentence = people.find_inspectors(opening_texts)
    return letter


def _sections(found: list, letter_type: LetterType | None, types: dict[str, LetterType]) -> list[Section]:
    """Sections with their kinds. Inside a section that takes subheadings (the
    findings' 'Areas of strength', or a topic of their own), such a heading
    opens a part of the section, not a new one."""
    all_headings = known_headings(types)
    sections: list[Section] = []
    current = None  # the SectionSpec of the section the letter is in
    for heading_line, blocks in found:
        heading = heading_line.content
        if current is not None and sections and _is_subheading(heading, current, letter_type, all_headings):
            sections[-1].blocks.append(Block("subheading", Text([heading_line.piece])))
            sections[-1].blocks.extend(blocks)
            continue
        kind = letter_type.section_kind(heading) if letter_type else None
        kind = kind or all_headings.get(heading_key(heading)) or "other"
        style = {MD_HEADING: "markdown", BOLD_LINE: "bold"}.get(heading_line.shape, "plain")
        sections.append(Section(Text([heading_line.piece]), kind, list(blocks), style))
        current = letter_type.spec(kind) if letter_type else None
    return sections


def _is_subheading(heading: str, current, letter_type: LetterType | None, all_headings: dict) -> bool:
    if current.takes_subheading(heading):
        return True
    if not current.other_subheadings or heading_key(heading) in all_headings:
        return False
    return letter_type is None or letter_type.section_kind(heading, fuzzy=0.8) is None


def _date_mention(text: Text) -> DateMention:
    match = dates.DATE_EXPRESSION.search(text.value)
    if not match:
        return DateMention(text=text, days=[], problems=["unreadable"])
    days, problems = dates.read_match(match)
    return DateMention(text=text.slice(match.start(), match.end()), days=days, problems=problems)


def _visit_dates(paragraphs: list[Text]) -> DateMention | None:
    for paragraph in paragraphs:
        if "visit" not in paragraph.value.lower():
            continue
        for match in dates.DATE_EXPRESSION.finditer(paragraph.value):
            days, problems = dates.read_match(match)
            if days:
                return DateMention(paragraph.slice(match.start(), match.end()), days, problems)
    return None


def identify_type(letter: Letter, types: dict[str, LetterType]) -> LetterType | None:
    if letter.title:
        for letter_type in types.values():
            if any(p.search(letter.title.value) for p in letter_type.title):
                return letter_type
    if letter.opening and (letter.salutation or letter.sign_off):
        first = letter.opening[0].text.value
        for letter_type in types.values():
            if any(p.search(first) for p in letter_type.opening):
                return letter_type
    return None


_COUNCIL_SUFFIX = re.compile(
    r"\s+(?:(?:county|city|borough|metropolitan borough|district)\s+)?council$|\s+local authority$",
    re.IGNORECASE,
)


def normalise_authority(name: str) -> str:
    """'the Wakefield local authority' -> 'Wakefield'; 'Kent County Council' -> 'Kent'."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return _COUNCIL_SUFFIX.sub("", _COUNCIL_SUFFIX.sub("", name).strip()).strip()


def _local_authority(letter: Letter, letter_type: LetterType | None) -> str | None:
    if not (letter.title and letter_type):
        return None
    for pattern in letter_type.title:
        match = pattern.search(letter.title.value)
        if match and match.groupdict().get("la"):
            return normalise_authority(match.group("la"))
    return None
