"""Date rules on published letters: a visit whose dates cannot be read is
said (DATE012), and a date written '15 and 16 of May 2018' is read and restyled."""

from __future__ import annotations

import json

from checker import api
from tests.conftest import FIXTURES, edited

CAMDEN = FIXTURES / "pdf" / "camden_focused_2018.pdf"
COVENTRY = FIXTURES / "real" / "coventry_focused_2018.txt"


def _rules(path, *rules):
    return [d for d in api.check_file(str(path)).diagnostics if d.rule in rules]


def test_visit_days_with_of_are_read_and_restyled_with_a_fix(cli):
    letter = api.load_file(str(CAMDEN)).letter
    assert [str(day) for day in letter.visit_dates] == ["2018-05-15", "2018-05-16"]
    result = cli("check", str(CAMDEN), "-f", "json")
    problems = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert [(d["rule"], d["page"], d["line"], d["column"]) for d in problems] == [("DATE008", 1, 15, 8)]
    assert problems[0]["message"] == (
        "'15 and 16 of May 2018' is not in gov.uk date style ('of' before the month); write '15 and 16 May 2018'"
    )
    assert problems[0]["fix"]["replacement"] == "15 and 16 May 2018"


def test_a_visit_dated_without_a_year_is_said_where_it_is():
    (problem,) = _rules(COVENTRY, "DATE012", "DATE001", "DATE007")
    assert problem.rule == "DATE012" and problem.severity == "warning"
    assert problem.message == "the opening paragraph does not date the visit: '30 and 31 January' has no year"
    line = COVENTRY.read_text(encoding="utf-8").splitlines()[problem.span.line - 1]
    assert line[problem.span.column - 1 : problem.span.end_column - 1] == "30 and 31 January"


def test_an_opening_without_visit_dates_is_said_once(tmp_path):
    path = tmp_path / "letter.md"
    path.write_text(
        edited("kent_focused_2019.md", ("on 14 and 15 January 2019", "in January")), encoding="utf-8"
    )
    (problem,) = _rules(path, "DATE012")
    assert problem.message == (
        "the opening paragraph does not date the visit: it names no visit dates lettercheck can read"
    )
    path.write_text(edited("kent_focused_2019.md"), encoding="utf-8")
    assert _rules(path, "DATE012") == []
