"""Turn a letter's typed lines into the grammar's tokens: one per line.

The grammar (grammar/letter.lark) states the letter's shape; this lexer
tells it what each line is. Most of that is the line's own shape (a
heading, a bullet, a date) or its neighbours' (a short line standing alone
between blank lines is a heading; a paragraph broken by a page break goes
on). Three landmarks need the whole letter, which a left-to-right LALR
grammar cannot see ahead to, so they are found here first:

- the salutation, the first "Dear ..." line: the head is what comes before
  it (with none, the head ends at the title that names a letter type);
- the sign-off, the last "Yours sincerely" after it (with none, a
  signature standing alone at the end: a name, then a role);
- the closing statement, the last paragraphs before the sign-off that say
  what Ofsted will do with the findings, with the notes that may follow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from checker.reading import lines as L
from checker.reading.letter_types import LetterTypes, heading_key
from checker.reading.people import WHOLE_ROLE


def token(kind: str, line: L.Line) -> Token:
    """A lark token carrying its line (lark makes its text with str(line))."""
    return Token(kind, line, line=line.number, column=line.column)


@dataclass(frozen=True, slots=True)
class Landmarks:
    """Where the head ends and the body begins and ends (line indices)."""

    salutation: int | None
    head_end: int
    body_start: int
    sign_off: int | None  # the sign-off line, else
    signature: int | None  # a signature with no sign-off before it
    body_end: int


def tokenise(lines: list[L.Line], types: LetterTypes) -> list[Token]:
    """The tokens of a letter: head, salutation, body, sign-off, signature."""
    marks = find_landmarks(lines, types)
    tokens = _head_tokens(lines[: marks.head_end])
    if marks.salutation is not None:
        tokens.append(token("SALUTATION", lines[marks.salutation]))
    tokens += BodyLexer(lines, types).tokens(marks.body_start, marks.body_end)
    if marks.sign_off is not None:
        tokens += _signed_tokens(lines, marks.sign_off)
    elif marks.signature is not None:
        tokens += [token("SIGNATURE", line) for line in lines[marks.signature :] if line.shape != L.BLANK]
    return tokens


def find_landmarks(lines: list[L.Line], types: LetterTypes) -> Landmarks:
    salutation = next((i for i, line in enumerate(lines) if line.shape == L.SALUTATION), None)
    if salutation is not None:
        head_end, body_start = salutation, salutation + 1
    else:  # no "Dear ...": the head, if any, ends at the title
        head_end = body_start = _title_index(lines, types) or 0
    sign_off = next(
        (i for i in range(len(lines) - 1, body_start - 1, -1) if lines[i].shape == L.SIGN_OFF), None
    )
    signature = _unsigned_off_signature(lines, body_start) if sign_off is None else None
    body_end = next((i for i in (sign_off, signature) if i is not None), len(lines))
    return Landmarks(salutation, head_end, body_start, sign_off, signature, body_end)


def _title_index(lines: list[L.Line], types: LetterTypes) -> int | None:
    """The first line that reads as a letter type's title."""
    for index, line in enumerate(lines):
        if line.shape not in (L.BLANK, L.ITEM) and types.reads_as_title(line.content):
            return index
    return None


_NAME_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _unsigned_off_signature(lines: list[L.Line], start: int) -> int | None:
    """Without a sign-off, the letter may still end with its signature: a
    name, then the role on its own line ("Her Majesty’s Inspector", perhaps
    with a full stop). Index of the name line."""
    filled = [i for i in range(start, len(lines)) if lines[i].shape != L.BLANK]
    if len(filled) < 2:
        return None
    role, name = lines[filled[-1]], lines[filled[-2]]
    if not WHOLE_ROLE.match(role.content.rstrip(".")):
        return None
    return filled[-2] if _NAME_LINE.match(name.content) and name.shape == L.TEXT else None


def _head_tokens(head: list[L.Line]) -> list[Token]:
    """HEAD_LINE for each line, DATE for the first date line. Without a date
    line, nothing in the order tells the letterhead from the recipient: the
    recipient's lines, known by their content, are RECIPIENT_LINEs."""
    date = next((i for i, line in enumerate(head) if line.shape == L.DATE), None)
    recipient_from = _undated_recipient(head) if date is None else None
    tokens = []
    for index, line in enumerate(head):
        if line.shape == L.BLANK:
            continue
        if index == date:
            tokens.append(token("DATE", line))
        elif recipient_from is not None and index >= recipient_from:
            tokens.append(token("RECIPIENT_LINE", line))
        else:
            tokens.append(token("HEAD_LINE", line))
    return tokens


_JOB_TITLE = re.compile(r"\b(?:Director|Chief Executive|Head of)\b")
# The last line of Ofsted's letterhead (its web address, email or phone numbers).
_LETTERHEAD_LINE = re.compile(r"\bofsted\b|www\.|@|\bTextphone\b|\b0300\s?123", re.IGNORECASE)


def _undated_recipient(head: list[L.Line]) -> int | None:
    """Where the recipient starts in a head with no date line: after Ofsted's
    letterhead, else the head's last block when it names a job title."""
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


def _signed_tokens(lines: list[L.Line], sign_off: int) -> list[Token]:
    """The sign-off and every non-blank line after it (a name on the same line counts)."""
    line = lines[sign_off]
    tokens = [token("SIGN_OFF", line)]
    if line.rest:
        tokens.append(token("SIGNATURE", L.Line(line.number, line.raw, L.TEXT, line.rest, line.rest_start)))
    tokens += [token("SIGNATURE", line) for line in lines[sign_off + 1 :] if line.shape != L.BLANK]
    return tokens


class BodyLexer:
    """The body's tokens: the title, then HEADING, TEXT and ITEM lines with a
    _BREAK between blocks (none across a page break inside a paragraph), then
    the closing statement's lines (CLOSING)."""

    def __init__(self, lines: list[L.Line], types: LetterTypes) -> None:
        self.lines = lines
        self.types = types

    def tokens(self, start: int, end: int) -> list[Token]:
        lines = self.lines
        index = start
        while index < end and lines[index].shape == L.BLANK:
            index += 1
        tokens = []
        title = self._title(lines[index]) if index < end else None
        if title:
            tokens.append(token(title, lines[index]))
            index += 1
        closing = self._closing_start(index, end)
        previous: L.Line | None = None  # the last content line of the current block
        blank_before = True
        for position in range(index, end):
            line = lines[position]
            if line.shape == L.BLANK:
                blank_before = True
                continue
            if closing is not None and position >= closing:
                tokens.append(token("CLOSING", line))
                previous = None
            else:
                previous = self._content(line, position, blank_before, previous, tokens)
            blank_before = False
        return tokens

    def _title(self, first: L.Line) -> str | None:
        """TITLE for a line naming a letter type, OTHER_TITLE for one shaped
        like a title that names none (a misspelt 'Focussed visit to ...')."""
        if self.types.reads_as_title(first.content):
            return "TITLE"
        if L.looks_like_heading(first) and heading_key(first.content) not in self.types.known_headings:
            return "OTHER_TITLE"
        if self.types.reads_as_misspelt_title(first.content) and first.words() <= 16:
            return "OTHER_TITLE"  # 'Focussed visit to Oldham children's services.' (a full stop after it too)
        return None

    def _content(
        self, line: L.Line, position: int, blank_before: bool, previous: L.Line | None, tokens: list
    ) -> L.Line | None:
        """Tokens for one line of a paragraph, a list or a heading; returns
        the line a following one may continue (None after a heading)."""
        if line.shape == L.TEXT and (split := self._footnoted_heading(line)):
            heading, note = split  # "What needs to improve ...?11 The areas for ..."
            tokens += [token("HEADING", heading), token("TEXT", note)]
            return note
        next_blank = position + 1 >= len(self.lines) or self.lines[position + 1].shape == L.BLANK
        if self._is_heading(line, blank_before, next_blank):
            tokens.append(token("HEADING", line))
            return None
        kind = "ITEM" if line.shape == L.ITEM else "TEXT"
        new_block = kind == "ITEM" or (blank_before and not is_continuation(previous, line))
        if previous is not None and new_block:
            tokens.append(token("_BREAK", line))
        tokens.append(token(kind, line))
        return line

    def _closing_start(self, start: int, end: int) -> int | None:
        """Index of the first line of the closing statement ("Ofsted will take
        the findings ... into account"), which the copy and publication notes
        may follow (a 2018 letter with priority actions follows it with a few
        paragraphs on the action plan); a letter that ends with a notification
        to the Department for Education instead has that as its closing."""
        blocks = [
            (first, " ".join(line.content for line in self.lines[first : last + 1]))
            for first, last in _trailing_blocks(self.lines, end, start, most=_CLOSING_SEARCH)
        ]
        for first, text in blocks:
            if self.types.reads_as_closing(text):
                return first
        notes_from = None
        for first, text in blocks[:_NOTES_SEARCH]:
            if not self.types.reads_as_after_closing(text):
                break
            notes_from = first
        return notes_from

    def _is_heading(self, line: L.Line, blank_before: bool, next_blank: bool) -> bool:
        """Markdown and bold lines are headings; a plain line is one when it is
        a known heading (even with a trailing colon) or a short capitalised
        line standing alone between blank lines."""
        if line.shape in (L.MD_HEADING, L.BOLD_LINE):
            return True
        if line.shape != L.TEXT:
            return False
        if heading_key(line.content) in self.types.known_headings and line.words() <= 14:
            return True
        if L.looks_like_heading(line, max_words=6) and self.types.near_known_heading(line.content):
            return True  # a misspelt heading run into its first paragraph ('Findngs')
        return L.looks_like_heading(line) and blank_before and next_blank

    def _footnoted_heading(self, line: L.Line) -> tuple[L.Line, L.Line] | None:
        """A known heading with its footnote mark and the footnote's text run
        into one line by PDF extraction: the heading and the note as two lines."""
        first = line.content.split(None, 1)[0].lower().rstrip("?:0123456789")
        if first not in self.types.heading_first_words:
            return None  # most lines: no heading starts with their first word
        match = _FOOTNOTED.match(line.content)
        if match is None or heading_key(match.group("heading")) not in self.types.known_headings:
            return None
        heading_end, note_start = match.end("heading"), match.start("note")
        return (
            L.Line(line.number, line.raw, L.TEXT, line.content[:heading_end], line.start),
            L.Line(
                line.number, line.raw, L.TEXT, line.content[note_start:], line.start + note_start, note=True
            ),
        )


# "<heading><footnote mark><the footnote's text>" with no digit in the heading.
_FOOTNOTED = re.compile(r"^(?P<heading>[^\d]{3,120}?[A-Za-z?:])\s?\d{1,2}\s*(?P<note>\S.*)$")


_CLOSING_SEARCH = 6  # blocks before the sign-off searched for the closing statement
_NOTES_SEARCH = 4  # blocks of notes (copy, publication, DfE) that may end a letter without one


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


def is_continuation(previous: L.Line | None, line: L.Line) -> bool:
    """A paragraph broken by a page break: no end stop, then a lowercase start."""
    if previous is None or previous.shape not in (L.TEXT, L.ITEM) or line.shape != L.TEXT:
        return False
    return not L.ends_sentence(previous) and line.content[:1].islower()
