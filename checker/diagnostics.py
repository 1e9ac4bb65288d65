"""A diagnostic: one problem found in one file, at one exact position."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.model import Span

if TYPE_CHECKING:
    from checker.reading.document import DocumentSpan, Place

CATEGORIES = ("parse", "structure", "dates", "inspectors", "alignment", "consistency", "style", "draft")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(slots=True)
class Fix:
    """Replace the diagnostic's span with `replacement`."""

    replacement: str
    description: str

    def to_dict(self) -> dict:
        return {"replacement": self.replacement, "description": self.description}


@dataclass(slots=True)
class Diagnostic:
    rule: str
    category: str
    severity: str
    span: Span
    message: str
    help: str = ""
    fix: Fix | None = None
    internal: bool = False  # lettercheck failed here (a bug): exit code 2, never a verdict
    # In a PDF or Word file, where the span is in the document (`span` is in
    # the text rebuilt from it, which the rules read); None for a text file.
    place: DocumentSpan | None = None

    def sort_key(self) -> tuple:
        return (self.span.line, self.span.column, self.rule)

    @property
    def file_span(self) -> Span:
        """The span in the file's own terms: line and column in a text file;
        the line on the page and the column in a PDF; the paragraph and the
        character in it in a Word file."""
        if self.place is None:
            return self.span
        start, end = self.place.start, self.place.end
        return Span(start.line, start.column, end.line, end.column)

    @property
    def location(self) -> str:
        """Where it starts, after the file name: `14:5`; in a PDF
        `page 2:14:5` (so `path:line:col` still ends the prefix); in a Word
        file `paragraph 12:40` (`header paragraph 1:3` in the letterhead)."""
        if self.place is None:
            return f"{self.span.line}:{self.span.column}"
        start = self.place.start
        if self.place.kind == "pdf":
            return f"page {start.page}:{start.line}:{start.column}"
        return f"{_part(start)}paragraph {start.line}:{start.column}"

    @property
    def location_words(self) -> str:
        """Where it starts, in words: `line 14, column 5`, `page 2, line 14,
        column 5`, `paragraph 12, character 40`."""
        if self.place is None:
            return f"line {self.span.line}, column {self.span.column}"
        return place_words(self.place.kind, self.place.start)

    def to_dict(self) -> dict:
        """The SPEC's diagnostic. In a PDF, `line`/`column` are on the page
        `page` (the end on `end_page`); in a Word file `line` is the paragraph
        (also `paragraph`, with `part`: body, header or footer) and `column`
        the character in it."""
        where = self.file_span
        data = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": where.line,
            "column": where.column,
            "end_line": where.end_line,
            "end_column": where.end_column,
            "message": self.message,
            "help": self.help,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.place is not None:
            data.update(self.place_fields())
        return data

    def place_fields(self) -> dict:
        """The document fields of `to_dict`: page and end_page for a PDF;
        paragraph and part for a Word file ({} for a text file)."""
        if self.place is None:
            return {}
        start, end = self.place.start, self.place.end
        if self.place.kind == "pdf":
            return {"page": start.page, "end_page": end.page}
        return {"paragraph": start.line, "part": start.part or "body"}


def place_words(kind: str, place: Place, column: bool = True) -> str:
    """A place in a PDF ("page 2, line 14, column 5") or Word file
    ("paragraph 12, character 40"), in words; without the column if asked."""
    if kind == "pdf":
        return f"page {place.page}, line {place.line}" + (f", column {place.column}" if column else "")
    return f"{_part(place)}paragraph {place.line}" + (f", character {place.column}" if column else "")


def _part(place: Place) -> str:
    return f"{place.part} " if place.part else ""
