"""Columns between lettercheck and the editor.

lettercheck counts columns in Unicode characters from 1; LSP counts from 0
in the code units of the encoding agreed at start-up: UTF-16 by default (an
emoji or a rare CJK character is two), UTF-8 or UTF-32 when the client offers
them. Lines are split as LSP and lettercheck both split them: at CRLF, CR or LF.
"""

from __future__ import annotations

import re

from lsprotocol import types

from checker.lsp.engine_adapter import Problem

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as LSP and lettercheck both split lines
UTF8, UTF16, UTF32 = (
    types.PositionEncodingKind.Utf8,
    types.PositionEncodingKind.Utf16,
    types.PositionEncodingKind.Utf32,
)


def split_lines(text: str) -> list[str]:
    return LINE_BREAK.split(text)


def _units(text: str, encoding: str) -> int:
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def to_client(line: str, index: int, encoding: str = UTF16) -> int:
    """The client's column for the 0-based character `index` in `line`."""
    index = min(max(index, 0), len(line))
    return _units(line[:index], encoding)


def from_client(line: str, units: int, encoding: str = UTF16) -> int:
    """The 0-based character index in `line` at the client's column `units`
    (a column inside a character, or past the end, is moved to its start or the end)."""
    if encoding == UTF32 or line.isascii():
        return min(max(units, 0), len(line))
    counted = 0
    for index, char in enumerate(line):
        width = _units(char, encoding)
        if counted + width > units:
            return index
        counted += width
    return len(line)


def problem_range(problem: Problem, lines: list[str], encoding: str = UTF16) -> types.Range:
    """The LSP range of a problem in the text split into `lines`, kept inside
    the text and never ending before it starts."""
    start = _position(lines, problem.line, problem.column, encoding)
    end = _position(lines, problem.end_line, problem.end_column, encoding)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


def _position(lines: list[str], line: int, column: int, encoding: str) -> types.Position:
    number = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[number] if lines else ""
    return types.Position(line=number, character=to_client(text, column - 1, encoding))


def line_end(lines: list[str], number: int, encoding: str = UTF16) -> types.Position:
    """The position just after the last character of 0-based line `number`."""
    return types.Position(line=number, character=_units(lines[number], encoding))
