"""The LALR parser of grammar/letter.lark, over the lexer's tokens.

The parser is made once per process (forked workers inherit it) from the
tables built ahead of time (checker.prebuilt, plain JSON) while they are the
grammar's, else from the grammar itself (some 30 ms). Nothing is cached at
run time: lark's own cache is a pickle, which runs code when it is loaded
from a folder someone else can write to.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from checker.resources import resource_path

if TYPE_CHECKING:
    from lark import Lark, Token

    from checker.model import Letter

# A letter has at least one of these; text without any is not a letter.
ANCHORS = frozenset({"SALUTATION", "TITLE", "SIGN_OFF"})


class ParseError(Exception):
    """The grammar refused tokens that hold a letter's anchor: the lexer and
    the grammar disagree, which is a bug in lettercheck, not in the letter."""

    def __init__(self, message: str, line: int, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class NoLetterShape(Exception):
    """The grammar refused tokens with no salutation, title or sign-off."""


def build_parser(transformer=None) -> Lark:
    """The parser built from grammar/letter.lark. The lexer is lettercheck's
    own (checker.reading.lexer): the tokens are fed to the parser one by one,
    so lark's is never used; `basic` only satisfies lark's options."""
    from lark import Lark

    grammar = (resource_path("grammar") / "letter.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="basic",
        propagate_positions=False,
        maybe_placeholders=True,
        transformer=transformer,
    )


@cache
def parser() -> Lark:
    """The LALR parser, made once per process; it builds the letter's parts
    as it reads (checker.reading.builder), with no parse tree between."""
    import lark

    from checker.prebuilt import load
    from checker.reading.builder import LetterBuilder

    tables = load("letter_parser")
    if tables is not None and tables["lark"] == lark.__version__:  # lark's serialised form is its own
        # lark's standalone parsers load their tables with this same call
        return lark.Lark._load_from_dict(tables["data"], tables["memo"], transformer=LetterBuilder())
    return build_parser(transformer=LetterBuilder())


def parse_tokens(tokens: list[Token]) -> Letter:
    """The letter a letter's tokens hold, its parts built (not yet finished:
    checker.reading.builder.finish_letter); NoLetterShape when they are no
    letter, ParseError when the grammar refuses a letter's tokens."""
    from lark.exceptions import UnexpectedInput

    reading = parser().parse_interactive()
    try:
        for token in tokens:
            reading.feed_token(token)
        return reading.feed_eof(tokens[-1] if tokens else None)
    except UnexpectedInput as error:
        if not any(token.type in ANCHORS for token in tokens):
            raise NoLetterShape from None
        token = getattr(error, "token", None)
        line = getattr(token, "line", None) or 1
        raise ParseError(f"unexpected {getattr(token, 'type', 'end of letter')} here", line) from None
