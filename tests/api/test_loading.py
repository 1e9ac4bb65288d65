"""Reading a file into a letter or the one parse diagnostic that says why not."""

from __future__ import annotations

from tests.conftest import REPEATED


def test_a_bug_while_reading_is_one_parse_diagnostic(monkeypatch, tmp_path):
    from checker.api import load_file
    from checker.reading import builder as build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "finish_letter", broken)
    path = tmp_path / "letter.md"
    path.write_text(REPEATED, encoding="utf-8")
    (diagnostic,) = load_file(str(path)).diagnostics
    assert (diagnostic.rule, diagnostic.category) == ("PARSE004", "parse")
    assert "RuntimeError: boom" in diagnostic.message


def test_a_bug_in_a_pdf_or_word_reader_is_one_parse_diagnostic_and_the_run_goes_on(
    monkeypatch, tmp_path, cli
):
    from checker.api import load_file
    from checker.reading import docx
    from tests.docxmaker import draft as a_draft

    def broken(*args, **kwargs):
        raise KeyError("w:p")

    monkeypatch.setattr(docx, "read_docx", broken)
    draft = tmp_path / "draft.docx"
    draft.write_bytes(a_draft())
    (diagnostic,) = load_file(str(draft)).diagnostics
    assert diagnostic.rule == "PARSE004"
    assert diagnostic.message == "internal error while reading the file: KeyError: 'w:p'"
    letter = tmp_path / "letter.md"
    letter.write_text(REPEATED, encoding="utf-8")
    result = cli("check", str(draft), str(letter), "-f", "concise")
    assert result.exit_code == 2 and "Traceback" not in result.stdout + result.stderr
    assert "draft.docx:1:1: PARSE004" in result.stdout and "letter.md:41:" in result.stdout
