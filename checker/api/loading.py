"""Read one file into a letter, or into the one `parse` diagnostic that says
why it cannot be checked (rules/parse.yaml); never an exception."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.api.results import FileResult
from checker.diagnostics import Diagnostic
from checker.model import Span
from checker.reading import source

if TYPE_CHECKING:
    from checker.reading.document import Document
    from checker.reading.letter_types import LetterTypes


def reading_problem(rule_id: str, problem: str, span: Span) -> Diagnostic:
    """The diagnostic of PARSE rule `rule_id` for a file that could not be read."""
    from checker.checking.rule_packs import parse_rules

    rule = parse_rules()[rule_id]
    facts = {"problem": problem}
    return Diagnostic(
        rule.id, rule.category, rule.severity, span, rule.format(facts), rule.format_help(facts)
    )


def load_file(path: str, name: str | None = None, types: LetterTypes | None = None) -> FileResult:
    """Read and parse one file (text, PDF or Word) into a letter, or a single
    `parse` diagnostic.

    `name` is the path to report standard input under (`--stdin-filename`);
    `types` the letter types of its configuration (default: lettercheck's own)."""
    from checker.reading.file_types import read_letter_file

    shown = name or (path if path != "-" else "<stdin>")
    try:
        src, document = read_letter_file(path, name)
    except source.SourceError as error:
        return unreadable(shown, error)
    except Exception as error:  # a bug in a reader must not stop the other files, nor pass for a verdict
        message = f"internal error while reading the file: {type(error).__name__}: {error}"
        return FileResult(shown, [reading_problem("PARSE004", message, Span(1, 1, 1, 1))])
    return load_read(src, document, types)


def load_read(src: source.Source, document: Document | None, types: LetterTypes | None = None) -> FileResult:
    """Parse a file already read: its text, and the PDF or Word document the
    text was rebuilt from (None for a text file), whose review marks the
    letter keeps and whose pages or paragraphs the diagnostics name."""
    result = load_source(src, types)
    if document is not None:
        result.kind, result.document = document.kind, document
        if result.letter is not None:
            result.letter.review = document.review
        result.place_diagnostics()
    return result


def unreadable(path: str, error: source.SourceError) -> FileResult:
    rule_id = "PARSE001" if error.unreadable else "PARSE002"
    span = Span(error.line, error.column, error.line, error.column)
    return FileResult(path, diagnostics=[reading_problem(rule_id, error.message, span)])


def load_source(src: source.Source, types: LetterTypes | None = None) -> FileResult:
    """Parse decoded text into a letter (knowing `types`, default lettercheck's
    own letter types), or a single `parse` diagnostic."""
    from checker.reading.letter_reader import NotALetter, letter_from_source
    from checker.reading.parser import ParseError

    try:
        letter = letter_from_source(src, types)
    except NotALetter as error:
        problem = reading_problem("PARSE003", error.message, error.span)
        return FileResult(src.path, [problem], error.lines)
    except ParseError as error:  # the grammar refused a letter's tokens: a bug, not the letter's fault
        message = f"internal error while reading the letter: {error.message}"
        span = Span(error.line, error.column, error.line, error.column)
        return FileResult(src.path, [reading_problem("PARSE004", message, span)])
    except Exception as error:  # a bug while reading must not stop the other files
        message = f"internal error while reading the letter: {type(error).__name__}: {error}"
        return FileResult(src.path, [reading_problem("PARSE004", message, Span(1, 1, 1, 1))])
    return FileResult(src.path, lines=letter.lines, letter_type=letter.letter_type, letter=letter)
