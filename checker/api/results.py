"""One file's outcome: what output needs of it, and what the report adds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.diagnostics import Diagnostic

if TYPE_CHECKING:
    from checker.checking.config import Config
    from checker.facts.evidence import Alignment
    from checker.model import Letter
    from checker.reading.document import Document


@dataclass(slots=True)
class FileResult:
    """A file read and checked. `lines` (shown by the text format and the
    HTML report) and `letter` (the model, for reports) are dropped once
    output no longer needs them, so that a run over many files keeps only
    the diagnostics."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the file's lines as read ([] when unread or dropped)
    letter_type: str = "unknown"
    letter: Letter | None = None
    alignment: Alignment | None = None  # `report` only: recommendation and area links
    config: Config | None = None  # `report` only: the configuration that applied
    seconds: float = 0.0  # time spent reading and checking it (JUnit's `time`)
    kind: str = "text"  # text | pdf | docx (reading.file_types): what the file is
    # A PDF or Word file: its text rebuilt, and where each piece came from
    # (the text format shows the printed lines); kept with `lines`.
    document: Document | None = None

    @property
    def rewritable(self) -> bool:
        """Can --fix write this file's fixes? Not a PDF or a Word file."""
        return self.kind == "text"

    def place_diagnostics(self) -> None:
        """Say where each diagnostic is in the PDF or Word file it came from
        (page and line, paragraph and character); nothing for a text file."""
        if self.document is None:
            return
        locate = self.document.locate_span
        for d in self.diagnostics:
            d.place = locate(d.span.line, d.span.column, d.span.end_line, d.span.end_column)

    @property
    def unreadable(self) -> bool:
        return any(d.category == "parse" for d in self.diagnostics)

    @property
    def incomplete(self) -> bool:
        """Not fully checked: unreadable, or a rule failed on it (exit code 2)."""
        return any(d.category == "parse" or d.internal for d in self.diagnostics)

    def keep_only_diagnostics(self, keep_lines: bool = False) -> None:
        """Drop the model (and the lines, unless `keep_lines`): the rest of
        the run needs only the diagnostics."""
        self.letter = None
        self.alignment = None
        if not keep_lines:
            self.lines = []
            self.document = None
