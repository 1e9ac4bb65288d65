"""The LALR parser of grammar/letter.lark, over the lexer's tokens.

The parser is built once per process (forked workers inherit it). Nothing
is cached on disk: building the tables takes about 20 ms, and lark's cache
is a pickle, which runs code when it is loaded from a folder someone else
can write to.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from lark.lexer import Lexer

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


class TokenListLexer(Lexer):
    """Hands lark the tokens the lexer made: the parser's input is the token list."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, tokens):  # type: ignore[override]
        return iter(tokens)


@cache
def parser() -> Lark:
    """The LALR parser, built once per process; it builds the letter's parts
    as it reads (checker.reading.builder), with no parse tree between."""
    from lark import Lark

    from checker.reading.builder import LetterBuilder

    grammar = (resource_path("grammar") / "letter.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer=TokenListLexer,
        propagate_positions=False,
        maybe_placeholders=True,
        transformer=LetterBuilder(),
    )


def parse_tokens(tokens: list[Token]) -> Letter:
    """The letter a letter's tokens hold, its parts built (not yet finished:
    checker.reading.builder.finish_letter); NoLetterShape when they are no
    letter, ParseError when the grammar refuses a letter's tokens."""
    from lark.exceptions import UnexpectedInput

    try:
        return parser().parse(tokens)
    except UnexpectedInput as error:
        if not any(token.type in ANCHORS for token in tokens):
            raise NoLetterShape from None
        token = getattr(error, "token", None)
        line = getattr(token, "line", None) or 1
        raise ParseError(f"unexpected {getattr(token, 'type', 'end of letter')} here", line) from None
