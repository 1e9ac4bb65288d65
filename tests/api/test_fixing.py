"""`--fix` never loses data: the write is atomic, it fixes exactly the bytes
that were checked, refuses a file that changed since, and keeps every line's
own ending, the encoding and the BOM."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import BROKEN, ROOT

MISSPELT = (BROKEN / "STR012_misspelt_heading.md").read_text(encoding="utf-8")  # '## Overveiw' on line 27
FIXED = MISSPELT.replace("## Overveiw", "## Overview")


def _fix(cli, *paths):
    return cli("check", *map(str, paths), "--fix", "-f", "concise")


def _ended(text: str, lines: set[int], ending: str) -> str:
    """`text` with the given lines (1-based) ended by `ending`, the others by LF."""
    *ended, last = text.split("\n")
    return "".join(part + (ending if n in lines else "\n") for n, part in enumerate(ended, 1)) + last


def test_a_write_that_fails_part_way_leaves_the_letter_untouched(tmp_path):
    """With a 1 kB file size limit (`ulimit -f`) the new text cannot be written:
    the letter keeps every byte and the run says so."""
    import resource

    letter = tmp_path / "letter.md"
    letter.write_text(MISSPELT, encoding="utf-8")
    original = letter.read_bytes()
    assert len(original) > 1024

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(letter), "--fix", "-f", "concise"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
    )
    assert letter.read_bytes() == original
    assert f"lettercheck: error: {letter}: fixes not written: File too large" in done.stderr
    assert f"{letter}:27:4: STR012" in done.stdout  # reported unfixed
    assert done.returncode == 2  # a failed write is no verdict
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]  # no half-written file left


def test_a_letter_changed_on_disk_after_it_was_checked_is_not_overwritten(cli, tmp_path, monkeypatch):
    """An editor saves the letter while lettercheck is checking it: the editor's
    text wins, nothing is written, and the warning names the file."""
    from checker.checking import engine

    letter = tmp_path / "letter.md"
    letter.write_text(MISSPELT, encoding="utf-8")
    saved_by_editor = ("New first line.\n" + MISSPELT).encode()
    check = engine.Engine.check

    def check_while_an_editor_saves(self, *args, **kwargs):
        letter.write_bytes(saved_by_editor)
        return check(self, *args, **kwargs)

    monkeypatch.setattr(engine.Engine, "check", check_while_an_editor_saves)
    result = _fix(cli, letter)
    assert letter.read_bytes() == saved_by_editor
    assert f"warning: {letter}: fixes not written: it changed on disk after it was checked" in result.stderr
    assert "fixed 0 problems" in result.stderr


@pytest.mark.parametrize(
    ("ending", "lines"),
    [
        ("\r", {5}),  # one stray CR in an LF file
        ("\r\n", {1, 2, 3, 10, 26, 27, 40}),  # mixed LF and CRLF
    ],
)
def test_each_line_keeps_its_own_ending(cli, tmp_path, ending, lines):
    letter = tmp_path / "letter.md"
    letter.write_bytes(_ended(MISSPELT, lines, ending).encode())
    result = _fix(cli, letter)
    assert "fixed 1 problem" in result.stderr
    assert letter.read_bytes() == _ended(FIXED, lines, ending).encode()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF8, "utf-8"),
        (b"", "cp1252"),
    ],
)
def test_the_encoding_and_bom_come_back_exactly(cli, tmp_path, bom, codec):
    letter = tmp_path / "letter.md"
    letter.write_bytes(bom + MISSPELT.replace("\n", "\r\n").encode(codec))
    result = _fix(cli, letter)
    assert "fixed 1 problem" in result.stderr
    assert letter.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(codec)


def test_a_fixed_file_keeps_its_mode_and_a_link_stays_a_link(cli, tmp_path):
    real = tmp_path / "real.md"
    real.write_text(MISSPELT, encoding="utf-8")
    os.chmod(real, 0o640)
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "link.md").symlink_to(real)
    result = _fix(cli, folder / "link.md")
    assert "fixed 1 problem" in result.stderr
    assert (folder / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters", "real.md"]


def test_a_read_only_letter_is_not_rewritten_and_the_others_are(cli, tmp_path):
    """The rename would be allowed (the folder is writable), but read-only
    says "keep this as it is": refused, exit 2, the other file still fixed."""
    kept, fixed = tmp_path / "a_published.md", tmp_path / "b_draft.md"
    kept.write_text(MISSPELT, encoding="utf-8")
    fixed.write_text(MISSPELT, encoding="utf-8")
    os.chmod(kept, 0o444)
    result = _fix(cli, kept, fixed)
    assert f"lettercheck: error: {kept}: fixes not written: the file is read-only" in result.stderr
    assert result.exit_code == 2
    assert kept.read_text(encoding="utf-8") == MISSPELT
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    assert fixed.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_published.md", "b_draft.md"]


def test_a_fix_that_the_encoding_cannot_carry_is_refused_and_nothing_is_written(tmp_path):
    from checker.reading import source

    letter = tmp_path / "letter.md"
    data = FIXED.replace("Dear ", "Dear – ", 1).encode("cp1252")
    letter.write_bytes(data)
    src = source.read(letter)
    assert src.encoding == "cp1252"
    with pytest.raises(source.WriteRefused, match="'Ł' cannot be written in its encoding"):
        source.write(src, src.text.replace("Dear ", "Dear Ł", 1))
    assert letter.read_bytes() == data
