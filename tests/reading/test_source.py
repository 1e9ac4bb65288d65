"""Reading bytes: encodings, BOMs, line endings, binary input, exact positions."""

from __future__ import annotations

import pytest

from checker.reading import source
from checker.reading.source import SourceError


def test_utf8_bom_is_dropped_without_shifting_columns():
    src = source.from_bytes("x", b"\xef\xbb\xbfDear Ms Murphy\n")
    assert src.text == "Dear Ms Murphy\n"
    assert src.encoding == "utf-8-sig"


def test_utf16_with_bom_little_and_big_endian():
    text = "Dear Amanda\r\nYours sincerely\r\n"
    for data in (text.encode("utf-16-le"), text.encode("utf-16-be")):
        bom = b"\xff\xfe" if data == text.encode("utf-16-le") else b"\xfe\xff"
        src = source.from_bytes("x", bom + data)
        assert src.lines[:2] == ["Dear Amanda", "Yours sincerely"]


def test_windows_1252_fallback_keeps_curly_quotes():
    src = source.from_bytes("x", "Dear Mr O’Neill – “front door”".encode("cp1252"))
    assert src.encoding == "cp1252"
    assert src.text == "Dear Mr O’Neill – “front door”"


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_every_line_ending_counts_as_one_line(newline):
    src = source.from_bytes("x", newline.join([b"one", b"", b"three"]))
    assert src.lines == ["one", "", "three"]


def test_nul_byte_is_binary_with_its_line():
    with pytest.raises(SourceError) as error:
        source.from_bytes("x", b"line one\nline\x00two")
    assert "binary" in error.value.message
    assert error.value.line == 2


def test_control_character_is_reported_with_line_and_column():
    with pytest.raises(SourceError) as error:
        source.from_bytes("x", b"ok\nab\x07c")
    assert (error.value.line, error.value.column) == (2, 3)


def test_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        source.read(tmp_path / "nope.md")


def test_utf8_with_a_stray_byte_keeps_its_other_characters():
    data = "Dear Mr O’Neill – “front door”\n".encode() + b"caf\xe9 line\n"
    src = source.from_bytes("x", data)
    assert src.encoding == source.REPLACED
    assert src.lines[0] == "Dear Mr O’Neill – “front door”"
    assert src.lines[1] == "caf\ufffd line"


def test_fixes_are_not_written_into_a_file_with_invalid_bytes(tmp_path):
    path = tmp_path / "letter.md"
    path.write_bytes("Dear Mr O’Neill – “front door”\n".encode() + b"caf\xe9\n")
    src = source.read(path)
    with pytest.raises(source.WriteRefused, match="not UTF-8"):
        source.write(src, src.text)
