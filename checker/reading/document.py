"""What a PDF or Word reader returns: the letter as text lines, and where each came from.

The readers rebuild the letter into the plain-text shape the parser already
reads (paragraphs separated by blank lines, headings as `## ` lines, list
items as `• ` lines, letterhead and address lines one per line), so the rest
of the pipeline does not care where a letter came from. Positions in that text
are mapped back to the document with `Document.locate`: for a PDF the page
and the line on the page, for a Word file the paragraph and the character in
it. Both readers build their output from `Block`s with `render`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from checker.reading.source import Source, SourceError

PDF = "pdf"
DOCX = "docx"


class DocumentError(SourceError):
    """A PDF or Word file that cannot be read as a letter: damaged, encrypted,
    without a text layer, or not what its name says. One clear message."""

    def __init__(self, message: str, reason: str, unreadable: bool = False) -> None:
        super().__init__(message, unreadable=unreadable)
        self.reason = reason  # damaged | encrypted | no-text | corrupt | too-large | unreadable


def document_bytes(source, name: str | None, kind: str) -> tuple[bytes, str]:
    """The bytes of a PDF or Word file given as bytes or as a path, and the
    name to report it under (`<pdf>`, `<docx>` for bytes without a name)."""
    from pathlib import Path

    if isinstance(source, bytes):
        return source, name or f"<{kind}>"
    path = str(source)
    try:
        return Path(path).read_bytes(), name or path
    except FileNotFoundError:
        raise DocumentError("no such file", "unreadable", unreadable=True) from None
    except IsADirectoryError:
        raise DocumentError("is a directory", "unreadable", unreadable=True) from None
    except OSError as error:
        raise DocumentError(
            f"cannot read: {error.strerror or error}", "unreadable", unreadable=True
        ) from None


@dataclass(frozen=True, slots=True)
class Place:
    """A position in the document: 1-based.

    PDF: `page`, `line` on the page (text rows counted from the top), `column`
    in that row's text. Word: `line` is the paragraph number (body paragraphs,
    tables included, in document order) and `column` the character in it, as
    Word counts them (a manual line break is one);
    `part` names a header or footer ("header", "footer") and is "" for the body.
    """

    line: int
    column: int
    page: int | None = None
    part: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSpan:
    """Where a span of the rebuilt text is in the document: the Place of its
    first character and the Place just after its last (end exclusive, as
    `Span`). `kind` is the document's: pdf or docx."""

    kind: str
    start: Place
    end: Place


@dataclass(slots=True)
class Piece:
    """A run of text that is contiguous in the document, and where it starts."""

    text: str
    place: Place
    glue: str = " "  # what joins it to the piece before: "" after a line-end hyphen


HEADING = "heading"
ITEM = "item"
PARAGRAPH = "paragraph"
LINE = "line"  # a short line kept on its own: letterhead, address, signature


@dataclass(slots=True)
class Block:
    """One paragraph, heading, list item or kept line of the rebuilt letter.

    `attached` blocks follow the previous one without a blank line (the lines
    of an address); the others start a new paragraph.
    """

    kind: str
    pieces: list[Piece] = field(default_factory=list)
    attached: bool = False

    @property
    def text(self) -> str:
        return "".join((piece.glue if index else "") + piece.text for index, piece in enumerate(self.pieces))


PREFIX = {HEADING: "## ", ITEM: "• ", PARAGRAPH: "", LINE: ""}


# What a review mark's text says when it has no text of its own to quote.
PARAGRAPH_BREAK = "a paragraph break"
PARAGRAPH_FORMATTING = "paragraph formatting"
DESCRIBED_CHANGES = (PARAGRAPH_BREAK, PARAGRAPH_FORMATTING)


@dataclass(slots=True)
class ReviewMark:
    """A tracked change or comment left in a Word draft (must not be published).

    `place` is where it sits in the document; `line` and `column` (1-based)
    where it sits in the rebuilt text, so a diagnostic can point at it. A
    deletion's text is not in the rebuilt text: it points at where it was.
    """

    kind: str  # insertion | deletion | comment
    author: str
    text: str
    place: Place
    line: int = 0
    column: int = 0
    date: str | None = None
    anchor: str = ""  # for a comment: the text it is attached to


@dataclass(slots=True)
class Document:
    """A letter read from a PDF or Word file.

    `lines` is the letter as text (no line endings); `origins[i]` lists, for
    output line i+1, (0-based column where a piece starts, its Place).
    """

    path: str
    kind: str  # pdf | docx
    lines: list[str]
    origins: list[list[tuple[int, Place]]]
    pages: int = 0
    tagged: bool = False  # PDF: reading order and paragraphs came from structure tags
    review: list[ReviewMark] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def source(self) -> Source:
        """The rebuilt text as a `Source` for the text pipeline."""
        return Source(path=self.path, text=self.text, encoding=self.kind)

    def locate(self, line: int, column: int = 1) -> Place:
        """The document position of 1-based (line, column) in `lines`.

        A blank line (between paragraphs) maps to the end of the text before
        it, so every position the checker reports can be found.
        """
        index = min(max(line, 1), max(len(self.lines), 1)) - 1
        origins = self.origins[index] if index < len(self.origins) else []
        if not origins:
            return self._nearest(index)
        starts = [start for start, _ in origins]
        at = max(bisect.bisect_right(starts, column - 1) - 1, 0)
        start, place = origins[at]
        offset = max(column - 1 - start, 0)
        return Place(place.line, place.column + offset, place.page, place.part)

    def locate_span(self, line: int, column: int, end_line: int, end_column: int) -> DocumentSpan:
        """Where the span (1-based, end exclusive, in `lines`) is in the document."""
        if (end_line, end_column) <= (line, column):
            # A point: where a review mark with no text of its own sits (a
            # deleted paragraph is not in `lines`; its place still names it).
            start = next(
                (mark.place for mark in self.review if (mark.line, mark.column) == (line, column)),
                None,
            ) or self.locate(line, column)
            return DocumentSpan(self.kind, start, start)
        start = self.locate(line, column)
        last = self.locate(end_line, end_column - 1)
        return DocumentSpan(self.kind, start, Place(last.line, last.column + 1, last.page, last.part))

    def position_of(self, place: Place) -> tuple[int, int]:
        """The 1-based (line, column) in `lines` of a document position: the
        inverse of `locate`. A place whose text is not in `lines` (a deleted
        passage, an empty paragraph) maps to where the text after it starts."""
        same_part = [
            (origin, index, start)
            for index, origins in enumerate(self.origins)
            for start, origin in origins
            if (origin.part, origin.page) == (place.part, place.page)
        ]
        holding = [
            item for item in same_part if item[0].line == place.line and item[0].column <= place.column
        ]
        if holding:
            origin, index, start = max(holding, key=lambda item: item[0].column)
            column = min(start + place.column - origin.column, len(self.lines[index]))
            return index + 1, column + 1
        after = [item for item in same_part if (item[0].line, item[0].column) > (place.line, place.column)]
        if after:
            _, index, start = min(after, key=lambda item: (item[0].line, item[0].column))
            return index + 1, start + 1
        if not self.lines:
            return 1, 1
        return len(self.lines), len(self.lines[-1]) + 1

    def _nearest(self, index: int) -> Place:
        for before in range(index - 1, -1, -1):
            if self.origins[before]:
                return self.locate(before + 1, len(self.lines[before]))
        for after in range(index + 1, len(self.origins)):
            if self.origins[after]:
                return self.locate(after + 1, 1)
        return Place(1, 1, 1 if self.kind == PDF else None)


def render(path: str, kind: str, blocks: list[Block], **extra) -> Document:
    """Write blocks as text lines: a blank line between paragraphs, `## ` before
    a heading, `• ` before a list item; keep each piece's Place."""
    lines: list[str] = []
    origins: list[list[tuple[int, Place]]] = []
    for block in blocks:
        if not block.pieces:
            continue
        if lines and not block.attached:
            lines.append("")
            origins.append([])
        prefix = PREFIX[block.kind]
        parts = [prefix]
        line_origins = []
        column = len(prefix)
        for number, piece in enumerate(block.pieces):
            if number:
                parts.append(piece.glue)
                column += len(piece.glue)
            line_origins.append((column, piece.place))
            parts.append(piece.text)
            column += len(piece.text)
        lines.append("".join(parts))
        origins.append(line_origins)
    return Document(path=path, kind=kind, lines=lines, origins=origins, **extra)
