"""Build the Letter model from the grammar's rules, and read the facts in it.

`LetterBuilder` has one method per rule of grammar/letter.lark (lark's
`v_args(inline=True)` style: a rule's parts are its arguments), each
returning the model's object for that part; `letter` assembles them. The
parser calls them as it reads (lark's LALR transformer), so no parse tree is
built. `finish_letter` then says where the letter came from and reads what
its parts say: the letter type, the local authority, the section kinds, the
visit dates, the inspectors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Transformer, v_args

from checker.model import Block, DateMention, Letter, Recipient, Section, Text
from checker.reading import people
from checker.reading import written_dates as dates
from checker.reading.authorities import normalise_authority
from checker.reading.letter_types import LetterType, LetterTypes, heading_key
from checker.reading.lines import BOLD_LINE, MD_HEADING


def _text(*tokens) -> Text:
    """Join lines (or the lark tokens carrying them) into one positioned Text."""
    return Text([getattr(token, "value", token).piece for token in tokens])


@dataclass(slots=True)
class Head:
    """The head of a letter: letterhead lines, date line, recipient."""

    letterhead: list[Text] = field(default_factory=list)
    date_line: Text | None = None
    recipient: Recipient | None = None


@v_args(inline=True)
class LetterBuilder(Transformer):
    """One method per grammar rule, named after it, given the rule's parts."""

    __visit_tokens__ = False  # tokens are the lines themselves

    def start(self, letter: Letter) -> Letter:
        return letter

    def letter(self, head, salutation, title, opening, sections, closing, sign_off, signature) -> Letter:
        letter = Letter(path="", lines=[])  # where it was read from: finish_letter says
        _fill_head(letter, head or Head())
        letter.salutation = _text(salutation) if salutation else None
        letter.title, letter.opening, letter.closing = title, opening or [], closing
        letter.sign_off = _text(sign_off) if sign_off else None
        if signature is not None:
            letter.signature = signature
            letter.signatory = people.read_signature(signature)
        letter.sections = sections
        return letter

    def letter_without_salutation(self, head, title, *rest) -> Letter:
        return self.letter(head, None, _text(title), *rest)

    def letter_signed_off_only(self, title, *rest) -> Letter:
        return self.letter(None, None, _text(title) if title else None, *rest)

    def head(self, letterhead, date_line, recipient) -> Head:
        return Head(letterhead or [], date_line, recipient)

    def undated_head(self, letterhead, *recipient_lines) -> Head:
        return Head(letterhead or [], None, people.read_recipient(_text(*recipient_lines)))

    def letterhead_only(self, letterhead) -> Head:
        return Head(letterhead)

    def letterhead(self, *lines) -> list[Text]:
        return [_text(line) for line in lines]

    def date_line(self, line) -> Text:
        return _text(line)

    def recipient(self, *lines) -> Recipient:
        return people.read_recipient(_text(*lines))

    def title(self, line) -> Text:
        return _text(line)

    def opening(self, blocks: list[Block]) -> list[Block]:
        return blocks

    def sections(self, *sections: Section) -> list[Section]:
        return list(sections)

    def section(self, heading, blocks) -> Section:
        style = {MD_HEADING: "markdown", BOLD_LINE: "bold"}.get(heading.value.shape, "plain")
        return Section(_text(heading), "other", blocks or [], style)

    def blocks(self, *blocks: Block) -> list[Block]:
        return list(blocks)

    def paragraph(self, *lines) -> Block:
        return Block("note" if lines[0].value.note else "paragraph", _text(*lines))

    def item(self, first, *lines) -> Block:
        return Block("item", _text(first, *lines), marker=first.value.marker)

    def closing(self, *lines) -> Text:
        return _text(*lines)

    def signature(self, *lines) -> Text:
        return _text(*lines)


def _fill_head(letter: Letter, head: Head) -> None:
    letter.letterhead = head.letterhead
    if head.date_line is not None:
        letter.date_line = head.date_line
        letter.date = _date_mention(head.date_line)
    letter.recipient = head.recipient


def finish_letter(letter: Letter, path: str, lines: list[str], types: LetterTypes) -> Letter:
    """The letter read from `path` (its `lines`), with what its parts say:
    the letter type (one of `types`), the local authority, the sections'
    kinds, the visit dates, the inspectors; and the derived facts, on demand."""
    from checker.facts import LetterFacts

    letter.path, letter.lines, letter.types = path, lines, types
    letter_type = identify_type(letter, types)
    letter.letter_type = letter_type.name if letter_type else "unknown"
    letter.local_authority = _local_authority(letter, letter_type)
    letter.sections = _with_kinds(letter.sections, letter_type, types)
    opening_texts = [block.text for block in letter.opening]
    letter.visit = _visit_dates(opening_texts)
    letter.inspectors, letter.inspectors_sentence = people.find_inspectors(opening_texts)
    letter.facts = LetterFacts(letter)
    return letter


def _with_kinds(found: list[Section], letter_type: LetterType | None, types: LetterTypes) -> list[Section]:
    """Sections with their kinds. Inside a section that takes subheadings (the
    findings' 'Areas of strength', or a topic of their own), such a heading
    opens a part of the section, not a new one."""
    sections: list[Section] = []
    current = None  # the SectionSpec of the section the letter is in
    for section in found:
        heading = section.heading.value
        if current is not None and sections and _is_subheading(heading, current, letter_type, types):
            sections[-1].blocks.append(Block("subheading", section.heading))
            sections[-1].blocks.extend(section.blocks)
            continue
        kind = letter_type.section_kind(heading) if letter_type else None
        section.kind = kind or types.known_headings.get(heading_key(heading)) or "other"
        sections.append(section)
        current = letter_type.spec(section.kind) if letter_type else None
    return sections


def _is_subheading(heading: str, current, letter_type: LetterType | None, types: LetterTypes) -> bool:
    if current.takes_subheading(heading):
        return True
    if not current.other_subheadings or heading_key(heading) in types.known_headings:
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


def identify_type(letter: Letter, types: LetterTypes) -> LetterType | None:
    """The letter type its title names, else (in a letter with a salutation or
    a sign-off) the one its opening paragraphs name."""
    if letter.title:
        for letter_type in types.values():
            if any(p.search(letter.title.value) for p in letter_type.title):
                return letter_type
    if letter.opening and (letter.salutation or letter.sign_off):
        for block in letter.opening:  # the first, or the one after a preamble
            for letter_type in types.values():
                if any(p.search(block.text.value) for p in letter_type.opening):
                    return letter_type
    return None


def _local_authority(letter: Letter, letter_type: LetterType | None) -> str | None:
    if not (letter.title and letter_type):
        return None
    for pattern in letter_type.title:
        match = pattern.search(letter.title.value)
        if match and match.groupdict().get("la"):
            return normalise_authority(match.group("la"))
    return None
