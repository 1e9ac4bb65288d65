"""The letter model: plain dataclasses, facts only, no rendering.

Every piece of letter text is a `Text`, which remembers where each of its
characters came from so that a rule can point at any substring exactly.
What is worked out from a letter once read (the format it fits, the dates
it mentions...) is in `Letter.facts` (checker.facts).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from checker.facts import LetterFacts
    from checker.reading.document import ReviewMark
    from checker.reading.letter_types import LetterType, LetterTypes


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based, end-exclusive range in the original file."""

    line: int
    column: int
    end_line: int
    end_column: int


class Text:
    """A run of letter text joined from one or more pieces of lines.

    `pieces` are (line, column, string) with 1-based line/column; pieces are
    joined with a single space, and `span(start, end)` maps offsets in the
    joined `value` back to the file.
    """

    __slots__ = ("_offsets", "_origins", "value")

    def __init__(self, pieces: list[tuple[int, int, str]]) -> None:
        parts: list[str] = []
        self._offsets: list[int] = []
        self._origins: list[tuple[int, int]] = []
        offset = 0
        for line, column, string in pieces:
            if parts:
                parts.append(" ")
                offset += 1
            self._offsets.append(offset)
            self._origins.append((line, column))
            parts.append(string)
            offset += len(string)
        self.value = "".join(parts)

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Text({self.value!r} @ {self.line})"

    def __bool__(self) -> bool:
        return bool(self.value)

    @property
    def line(self) -> int:
        return self._origins[0][0] if self._origins else 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of the character at `offset` in `value`."""
        index = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        if not self._origins:
            return (1, 1)
        line, column = self._origins[index]
        return line, column + offset - self._offsets[index]

    def span(self, start: int = 0, end: int | None = None) -> Span:
        if end is None:
            end = len(self.value)
        line, column = self.position(start)
        if end <= start:
            return Span(line, column, line, column)
        end_line, end_column = self._end_position(end)
        return Span(line, column, end_line, end_column)

    def _end_position(self, end: int) -> tuple[int, int]:
        """(line, column) just after the character before `end`. The space
        that joins two lines is no character of the file: a span ending on
        it ends with the line before it."""
        index = max(bisect.bisect_right(self._offsets, end - 1) - 1, 0)
        if not self._origins:
            return (1, 1)
        line, column = self._origins[index]
        piece_end = self._offsets[index + 1] - 1 if index + 1 < len(self._offsets) else len(self.value)
        return line, column + min(end, piece_end) - self._offsets[index]

    def piece_bounds(self) -> list[tuple[int, int]]:
        """(start, end) in `value` of each piece: the lines the text was joined from."""
        ends = [offset - 1 for offset in self._offsets[1:]] + [len(self.value)]
        return list(zip(self._offsets, ends, strict=True))

    def slice(self, start: int, end: int) -> Text:
        """A sub-Text keeping positions (used for sentences and list parts)."""
        line, column = self.position(start)
        sub = Text([])
        sub.value = self.value[start:end]
        sub._offsets = [0]
        sub._origins = [(line, column)]
        for offset, origin in zip(self._offsets, self._origins, strict=True):
            if start < offset < end:
                sub._offsets.append(offset - start)
                sub._origins.append(origin)
        return sub


@dataclass(slots=True)
class Block:
    """A paragraph or a list item (bullet or numbered) of the letter body."""

    kind: str  # "paragraph" | "item" | "subheading" | "note" (a footnote run into its heading)
    text: Text
    marker: str = ""

    @property
    def line(self) -> int:
        return self.text.line


@dataclass(slots=True)
class Section:
    heading: Text
    kind: str
    blocks: list[Block] = field(default_factory=list)
    heading_style: str = "plain"  # markdown | bold | plain

    @property
    def line(self) -> int:
        return self.heading.line

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def bullets(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "item"]

    @property
    def content(self) -> list[Block]:
        """The section's own blocks: not a footnote to its heading."""
        return [b for b in self.blocks if b.kind != "note"]

    @property
    def words(self) -> int:
        return sum(len(b.text.value.split()) for b in self.content)

    @property
    def points(self) -> list[Block]:
        """The section's statements: its bullets, or its paragraphs when prose."""
        return self.bullets or self.paragraphs


@dataclass(slots=True)
class DateMention:
    """A date written in the letter: the days it names, each None when it
    cannot exist (31 February), and its problems of style."""

    text: Text  # the exact words, e.g. "6 and 7 February 2018"
    days: list[dt.date | None]
    problems: list[str] = field(default_factory=list)  # e.g. "ordinal", "impossible"


@dataclass(slots=True)
class Person:
    name: str
    role: str | None  # normalised: HMI | Senior HMI | Ofsted Inspector | None
    role_text: str | None
    name_text: Text | None = None
    role_span_text: Text | None = None
    role_meant: str | None = None  # a misspelt role's right spelling ('Her Majesty's Inspecter')


@dataclass(slots=True)
class Recipient:
    name: str | None
    job_title: str | None
    organisation: str | None
    postcode: str | None
    text: Text
    names: list[str] = field(default_factory=list)  # everyone addressed ("A and B", one per line)


# The parts of a letter, in order: each is a list of texts (`Letter.part`).
Part = Literal[
    "letterhead", "date", "recipient", "salutation", "title", "opening",
    "headings", "closing", "sign_off", "signature",
]  # fmt: skip
PARTS: tuple[Part, ...] = get_args(Part)


@dataclass(slots=True)
class Letter:
    path: str
    lines: list[str]
    letter_type: str = "unknown"
    letterhead: list[Text] = field(default_factory=list)
    date: DateMention | None = None
    date_line: Text | None = None
    recipient: Recipient | None = None
    salutation: Text | None = None
    title: Text | None = None
    local_authority: str | None = None
    opening: list[Block] = field(default_factory=list)
    visit: DateMention | None = None
    inspectors: list[Person] = field(default_factory=list)
    inspectors_sentence: Text | None = None
    sections: list[Section] = field(default_factory=list)
    closing: Text | None = None
    sign_off: Text | None = None
    signature: Text | None = None
    signatory: Person | None = None
    # Tracked changes and comments left in a Word draft (reading.document.ReviewMark);
    # their line and column are in `lines`. Empty for text and PDF letters.
    review: list[ReviewMark] = field(default_factory=list)
    types: LetterTypes | None = field(default=None, repr=False)  # the letter types it was read with
    facts: LetterFacts = field(init=False, repr=False)  # worked out on first use (set by the reader)

    @property
    def type_spec(self) -> LetterType | None:
        """Its letter type's definition (None when the type is unknown)."""
        return self.types.get(self.letter_type) if self.types is not None else None

    def part(self, name: Part) -> list[Text]:
        """The texts of one part of the letter, in order; [] when it has none."""
        match name:
            case "letterhead":
                return list(self.letterhead)
            case "date":
                found = self.date_line
            case "recipient":
                found = self.recipient.text if self.recipient else None
            case "salutation":
                found = self.salutation
            case "title":
                found = self.title
            case "opening":
                return [block.text for block in self.opening]
            case "headings":
                return [section.heading for section in self.sections]
            case "closing":
                found = self.closing
            case "sign_off":
                found = self.sign_off
            case "signature":
                found = self.signature
            case _:
                raise KeyError(name)
        return [found] if found else []

    @property
    def letter_date(self) -> dt.date | None:
        if self.date and self.date.days and self.date.days[0]:
            return self.date.days[0]
        return None

    @property
    def visit_dates(self) -> list[dt.date]:
        return [d for d in (self.visit.days if self.visit else []) if d]

    @property
    def visit_paragraph(self) -> Block | None:
        """The opening paragraph that states the visit ('This letter summarises
        the findings of a focused visit to ...'): the first, or the one after a
        preamble (2020-21 letters open with a paragraph on the pandemic)."""
        if not self.opening:
            return None
        if self.types is not None:
            for block in self.opening:
                if self.types.reads_as_visit_statement(block.text.value):
                    return block
        return self.opening[0]

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def recommendations(self) -> list[Block]:
        section = self.section("recommendations")
        return section.points if section else []

    @property
    def findings(self) -> list[Block]:
        section = self.section("findings")
        return section.points if section else []

    def body_blocks(self) -> list[Block]:
        blocks = list(self.opening)
        for section in self.sections:
            blocks.extend(section.blocks)
        return blocks
