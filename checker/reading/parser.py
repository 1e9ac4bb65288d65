"""Parse a letter: type its lines, then arrange them with the Lark grammar.

`tokenise` is the context-sensitive part (where the head ends, which short
line is a heading, which paragraph is the closing statement, which blank
lines are a page break inside a paragraph). The LALR grammar in
grammar/letter.lark then groups the typed lines into the letter's blocks.
The parser is built once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from lark.lexer import Lexer

from checker.reading import lines as L
from checker.reading import people
from checker.reading.letter_types import LetterType, heading_key, known_headings
from checker.resources import resource_path

if TYPE_CHECKING:
    from lark import Lark, Token, Tree


class ParseError(Exception):
    def __init__(self, message: str, line: int, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class TokenListLexer(Lexer):
    """Hands lark the tokens `tokenise` made: the parser's input is the token list."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, tokens):  # type: ignore[override]
        return iter(tokens)


@cache
def parser() -> Lark:
    """The LALR parser, built once per process (forked workers inherit it).

    Nothing is cached on disk: building the tables takes about 20 ms, and a
    cached parser would be a pickle, which runs code when it is loaded from a
    folder someone else can write to."""
    from lark import Lark

    grammar = (resource_path("grammar") / "letter.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=TokenListLexer, propagate_positions=False)


def _token(kind: str, line: L.Line) -> Token:
    from lark import Token

    return Token(kind, line, line=line.number, column=line.column)


def _title_index(lines: list[L.Line], start: int, types: dict[str, LetterType]) -> int | None:
    """The first line from `start` that reads as a letter type's title."""
    for index in range(start, len(lines)):
        line = lines[index]
        if line.shape in (L.BLANK, L.ITEM):
            continue
        if any(p.search(line.content) for t in types.values() for p in t.title):
            return index
    return None


def _trailing_blocks(lines: list[L.Line], end: int, start: int, most: int) -> list[tuple[int, int]]:
    """The last `most` blocks of text before `end`, last first: (first, last) line indices."""
    blocks: list[tuple[int, int]] = []
    index = end - 1
    while index >= start and len(blocks) < most:
        while index >= start and lines[index].shape == L.BLANK:
            index -= 1
        if index < start or lines[index].shape not in (L.TEXT, L.ITEM):
            break
        last = index
        while index > start and lines[index - 1].shape == L.TEXT:
            index -= 1
        blocks.append((index, last))
        index -= 1
    return blocks


def _closing_start(lines: list[L.Line], start: int, end: int, types: dict[str, LetterType]) -> int | None:
    """Index of the first line of the closing statement ("Ofsted will take the
    findings ... into account"), which the copy and publication notes may
    follow; a letter that ends with a notification to the Department for
    Education instead has that as its closing."""
    notes_from = None
    for first, last in _trailing_blocks(lines, end, start, most=4):
        text = " ".join(line.content for line in lines[first : last + 1])
        if any(p.search(text) for t in types.values() for p in t.closing):
            return first
        if not any(p.search(text) for t in types.values() for p in t.after_closing):
            break
        notes_from = first
    return notes_from


def is_continuation(previous: L.Line | None, line: L.Line) -> bool:
    """A paragraph broken by a page break: no end stop, then a lowercase start."""
    if previous is None or previous.shape not in (L.TEXT, L.ITEM) or line.shape != L.TEXT:
        return False
    return not L.ends_sentence(previous) and line.content[:1].islower()


def tokenise(lines: list[L.Line], types: dict[str, LetterType]) -> list[Token]:
    """Type every line for the grammar: head, salutation, title, body, sign-off, signature."""
    salutation = next((i for i, line in enumerate(lines) if line.shape == L.SALUTATION), None)
    body_start = salutation + 1 if salutation is not None else 0
    sign_off = next(
        (i for i in range(len(lines) - 1, body_start - 1, -1) if lines[i].shape == L.SIGN_OFF), None
    )
    if salutation is not None:
        head_end = salutation
    else:  # no "Dear ...": the head, if any, ends at the title
        head_end = body_start = _title_index(lines, 0, types) or 0
    signed = sign_off if sign_off is not None else _unsigned_off_signature(lines, body_start)
    body_end = signed if signed is not None else len(lines)

    tokens = _head_tokens(lines[:head_end])
    if salutation is not None:
        tokens.append(_token("SALUTATION", lines[salutation]))
    tokens += _body_tokens(lines, body_start, body_end, types)
    if sign_off is not None:
        tokens += _signature_tokens(lines, sign_off)
    elif signed is not None:
        tokens += [_token("SIGNATURE", line) for line in lines[signed:] if line.shape != L.BLANK]
    return tokens


_NAME_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _unsigned_off_signature(lines: list[L.Line], start: int) -> int | None:
    """Without a sign-off, the letter may still end with its signature: a
    name, then the role on its own line ("Her Majesty’s Inspector", perhaps
    with a full stop). Index of the name line."""
    filled = [i for i in range(start, len(lines)) if lines[i].shape != L.BLANK]
    if len(filled) < 2:
        return None
    role, name = lines[filled[-1]], lines[filled[-2]]
    if not people.WHOLE_ROLE.match(role.content.rstrip(".")):
        return None
    return filled[-2] if _NAME_LINE.match(name.content) and name.shape == L.TEXT else None


def _head_tokens(head: list[L.Line]) -> list[Token]:
    """Letterhead lines, the first date line, then the recipient's lines.

    Without a date line, the head's last block (after a blank line) is the
    recipient when it names a job title, so that a missing date does not
    also lose the recipient."""
    date = next((i for i, line in enumerate(head) if line.shape == L.DATE), None)
    recipient_from = date + 1 if date is not None else _undated_recipient(head)
    tokens = []
    for index, line in enumerate(head):
        if line.shape == L.BLANK:
            continue
        if index == date:
            tokens.append(_token("DATE", line))
        elif recipient_from is not None and index >= recipient_from:
            tokens.append(_token("RECIPIENT", line))
        else:
            tokens.append(_token("LETTERHEAD", line))
    return tokens


_JOB_TITLE = re.compile(r"\b(?:Director|Chief Executive|Head of)\b")
# The last line of Ofsted's letterhead (its web address, email or phone numbers).
_LETTERHEAD_LINE = re.compile(r"\bofsted\b|www\.|@|\bTextphone\b|\b0300\s?123", re.IGNORECASE)


def _undated_recipient(head: list[L.Line]) -> int | None:
    letterhead = [i for i, line in enumerate(head) if _LETTERHEAD_LINE.search(line.content)]
    if letterhead and letterhead[-1] + 1 < len(head):
        after = letterhead[-1] + 1
        while after < len(head) and head[after].shape == L.BLANK:
            after += 1
        if after < len(head):
            return after
    end = len(head)
    while end > 0 and head[end - 1].shape == L.BLANK:
        end -= 1
    start = end
    while start > 0 and head[start - 1].shape != L.BLANK:
        start -= 1
    if start < end and any(_JOB_TITLE.search(line.content) for line in head[start:end]):
        return start
    return None


def _body_tokens(lines: list[L.Line], start: int, end: int, types: dict[str, LetterType]) -> list[Token]:
    """The title, then headings, paragraphs and items with _BREAKs between
    blocks (none across a page break inside a paragraph), then the closing."""
    headings = known_headings(types)
    first_words = frozenset(key.split()[0] for key in headings if key)  # of every known heading
    tokens = []
    index = start
    while index < end and lines[index].shape == L.BLANK:
        index += 1
    if index < end:  # the title: the body's first line, when it is heading-shaped
        first = lines[index]
        is_title = any(p.search(first.content) for t in types.values() for p in t.title)
        if is_title or (L.looks_like_heading(first) and heading_key(first.content) not in headings):
            tokens.append(_token("TITLE", first))
            index += 1

    closing = _closing_start(lines, index, end, types)
    previous: L.Line | None = None  # the last content line of the current block
    blank_before = True
    for position in range(index, end):
        line = lines[position]
        if line.shape == L.BLANK:
            blank_before = True
            continue
        if closing is not None and position >= closing:
            tokens.append(_token("CLOSING", line))
            previous = None
        elif line.shape == L.TEXT and (split := _footnoted_heading(line, headings, first_words)):
            heading, note = split  # "What needs to improve ...?11 The areas for ..."
            tokens.append(_token("HEADING", heading))
            tokens.append(_token("TEXT", note))
            previous = note
        elif _is_heading(
            line, blank_before, position + 1 >= len(lines) or lines[position + 1].shape == L.BLANK, headings
        ):
            tokens.append(_token("HEADING", line))
            previous = None
        else:
            kind = "ITEM" if line.shape == L.ITEM else "TEXT"
            new_block = kind == "ITEM" or (blank_before and not is_continuation(previous, line))
            if previous is not None and new_block:
                tokens.append(_token("_BREAK", line))
            tokens.append(_token(kind, line))
            previous = line
        blank_before = False
    return tokens


# "<heading><footnote mark><the footnote's text>" with no digit in the heading.
_FOOTNOTED = re.compile(r"^(?P<heading>[^\d]{3,120}?[A-Za-z?:])\s?\d{1,2}\s*(?P<note>\S.*)$")


def _footnoted_heading(
    line: L.Line, headings: dict, first_words: frozenset[str]
) -> tuple[L.Line, L.Line] | None:
    """A known heading with its footnote mark and the footnote's text run into
    one line by PDF extraction: the heading and the note as two lines."""
    first = line.content.split(None, 1)[0].lower().rstrip("?:0123456789")
    if first not in first_words:
        return None  # most lines: no heading starts with their first word
    match = _FOOTNOTED.match(line.content)
    if match is None or heading_key(match.group("heading")) not in headings:
        return None
    heading_end, note_start = match.end("heading"), match.start("note")
    return (
        L.Line(line.number, line.raw, L.TEXT, line.content[:heading_end], line.start),
        L.Line(line.number, line.raw, L.TEXT, line.content[note_start:], line.start + note_start),
    )


def _signature_tokens(lines: list[L.Line], sign_off: int) -> list[Token]:
    """The sign-off and every non-blank line after it (a name on the same line counts)."""
    line = lines[sign_off]
    tokens = [_token("SIGN_OFF", line)]
    if line.rest:
        tokens.append(_token("SIGNATURE", L.Line(line.number, line.raw, L.TEXT, line.rest, line.rest_start)))
    tokens += [_token("SIGNATURE", line) for line in lines[sign_off + 1 :] if line.shape != L.BLANK]
    return tokens


def _is_heading(line: L.Line, blank_before: bool, next_blank: bool, headings: dict) -> bool:
    """Markdown and bold lines are headings; a plain line is one when it is a
    known heading (even with a trailing colon) or a short capitalised line
    standing alone between blank lines."""
    if line.shape in (L.MD_HEADING, L.BOLD_LINE):
        return True
    if line.shape != L.TEXT:
        return False
    if heading_key(line.content) in headings and line.words() <= 14:
        return True
    return L.looks_like_heading(line) and blank_before and next_blank


def parse_lines(lines: list[L.Line], types: dict[str, LetterType]) -> Tree:
    from lark.exceptions import UnexpectedInput

    tokens = tokenise(lines, types)
    try:
        return parser().parse(tokens)
    except UnexpectedInput as error:
        token = getattr(error, "token", None)
        line = getattr(token, "line", None) or 1
        raise ParseError(f"unexpected {getattr(token, 'type', 'end of letter')} here", line) from None
