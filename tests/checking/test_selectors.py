"""Rule selectors: one that matches no rule is an error where it was written."""

from __future__ import annotations

from checker.checking.config import find_config
from tests.conftest import REPEATED


def test_a_selector_that_matches_no_rule_is_an_error_where_it_was_written(cli, tmp_path):
    empty = cli("check", str(tmp_path), "--select", "DATE")  # a prefix is fine
    assert empty.exit_code == 0
    assert "no letters (*.md, *.txt, *.pdf, *.docx) found in" in empty.stderr
    result = cli("check", str(tmp_path), "--select", "DATEE")
    assert result.exit_code == 2
    assert "command line: 'DATEE' (--select) matches no rule" in result.stderr
    (tmp_path / ".lettercheck.yaml").write_text(
        "fail_on: warning\n\nignore: [style, DATE09]\n", encoding="utf-8"
    )
    (tmp_path / "letter.md").write_text(REPEATED, encoding="utf-8")
    find_config.cache_clear()  # one process per run in real use; this test wrote the file after a run
    result = cli("check", str(tmp_path / "letter.md"))
    assert result.exit_code == 2
    assert f"{tmp_path / '.lettercheck.yaml'}:3: 'DATE09' in ignore matches no rule" in result.stderr
