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
