"""STYLE001 (undefined-acronym) where a letter opens a bracket for the
acronym and never closes it, as Redbridge's 2019 letter does."""

from __future__ import annotations

import json

from checker import api
from tests.conftest import FIXTURES, edited

REDBRIDGE = FIXTURES / "pdf" / "redbridge_focused_2019.pdf"
SPELT_OUT = "care leavers not in employment, education or training"


def _style001(tmp_path, text: str):
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    return [d for d in api.check_file(str(path)).diagnostics if d.rule == "STYLE001"]


def test_an_acronym_spelt_out_with_its_bracket_left_open_is_reported_as_such(cli):
    result = cli("check", str(REDBRIDGE), "-f", "json")
    (problem,) = [d for d in json.loads(result.stdout)["files"][0]["diagnostics"] if d["rule"] == "STYLE001"]
    assert problem["message"] == "'NEET' is spelt out, but the bracket before it is never closed"
    assert (problem["page"], problem["line"], problem["column"], problem["end_column"]) == (2, 32, 44, 48)
    assert problem["fix"]["replacement"] == "NEET)"


def test_the_fix_closes_the_bracket_and_the_warning_goes(tmp_path, cli):
    text = edited("kent_focused_2019.md", ("Inspectors", f"Of {SPELT_OUT} (NEET numbers rise. Inspectors"))
    (problem,) = _style001(tmp_path, text)
    assert problem.message == "'NEET' is spelt out, but the bracket before it is never closed"
    assert cli("check", str(tmp_path / "letter.md"), "--fix", "-f", "concise").exit_code == 0
    fixed = (tmp_path / "letter.md").read_text(encoding="utf-8")
    assert f"{SPELT_OUT} (NEET) numbers rise." in fixed
    assert _style001(tmp_path, fixed) == []


def test_an_acronym_not_spelt_out_is_still_reported_as_not_spelt_out(tmp_path):
    for written in ("the NEET numbers rise", "the numbers (NEET and others) rise"):
        (problem,) = _style001(
            tmp_path, edited("kent_focused_2019.md", ("Inspectors", f"Of {written}. Inspectors"))
        )
        assert problem.message == "'NEET' is not spelt out at first use", written


def test_an_acronym_spelt_out_earlier_is_not_reported_at_an_open_bracket_later(tmp_path):
    text = edited(
        "kent_focused_2019.md",
        ("This letter", f"Of {SPELT_OUT} (NEET), few. This letter"),
        ("Inspectors", "The numbers (NEET rise. Inspectors"),
    )
    assert _style001(tmp_path, text) == []
