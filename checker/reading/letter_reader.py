"""The reading half of the pipeline: source -> lines -> parse -> Letter."""

from __future__ import annotations

from checker.model import Letter, Span
from checker.reading import builder as build
from checker.reading import lines, source
from checker.reading import parser as parse
from checker.reading.letter_types import LetterType, load_letter_types


class NotALetter(Exception):
    """Text that is not an inspection letter (empty, a press release...);
    `lines` are the text's lines, to show where it was read."""

    def __init__(self, message: str, span: Span, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.lines = lines or []


def letter_from_source(src: source.Source, types: dict[str, LetterType] | None = None) -> Letter:
    """Parse a decoded source into a Letter; raise ParseError or NotALetter."""
    types = types or load_letter_types()
    raw_lines = src.lines  # split once: the classifier and the model share them
    typed = lines.classify_all(raw_lines)
    if not any(line.shape != lines.BLANK for line in typed):
        raise NotALetter("empty file: there is no letter to check", Span(1, 1, 1, 1))
    tree = parse.parse_lines(typed, types)
    letter = build.build_letter(src.path, raw_lines, tree, types)
    if letter.letter_type == "unknown" and not (letter.salutation or letter.sign_off):
        first = next(line for line in typed if line.shape != lines.BLANK)
        raise NotALetter(
            "not an inspection letter: no salutation, sign-off or visit title "
            "(such as 'Focused visit to ...') was found",
            Span(first.number, first.column, first.number, first.column + len(first.content)),
            raw_lines,
        )
    return letter
