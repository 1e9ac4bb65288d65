"""Read a letter's text: lines typed by shape (lines.py), tokens (lexer.py),
the letter's parts as the parser reads them (parser.py, grammar/letter.lark,
builder.py), the Letter finished with the facts its parts state."""

from __future__ import annotations

from checker.model import Letter, Span
from checker.reading import builder, lexer, lines, parser, source
from checker.reading.letter_types import LetterTypes, load_letter_types

NOT_A_LETTER = "not an inspection letter: no salutation, sign-off or visit title (such as 'Focused visit to ...') was found"


class NotALetter(Exception):
    """Text that is not an inspection letter (empty, a press release...);
    `lines` are the text's lines, to show where it was read."""

    def __init__(self, message: str, span: Span, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.lines = lines or []


def letter_from_source(src: source.Source, types: LetterTypes | None = None) -> Letter:
    """Parse a decoded source into a Letter; raise NotALetter, or ParseError (a bug)."""
    types = types or load_letter_types()
    raw_lines = src.lines  # split once: the classifier and the model share them
    typed = lines.classify_all(raw_lines)
    first = next((line for line in typed if line.shape != lines.BLANK), None)
    if first is None:
        raise NotALetter("empty file: there is no letter to check", Span(1, 1, 1, 1))
    try:
        letter = parser.parse_tokens(lexer.tokenise(typed, types))
    except parser.NoLetterShape:
        span = Span(first.number, first.column, first.number, first.column + len(first.content))
        raise NotALetter(NOT_A_LETTER, span, raw_lines) from None
    return builder.finish_letter(letter, src.path, raw_lines, types)
