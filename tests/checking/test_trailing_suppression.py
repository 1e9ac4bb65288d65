"""A suppression comment at the end of a line is read as no part of the line."""

from __future__ import annotations

import pytest

from checker.api import check_file
from tests.conftest import BROKEN


@pytest.mark.parametrize(
    ("name", "line", "rule"),
    [
        ("DATE001_dated_before_visit.md", 9, "DATE001"),  # the date line stays the date
        ("STR012_misspelt_heading.md", 27, "STR012"),  # the heading stays a heading
        ("CONS001_salutation_mismatch.md", 13, "CONS001"),  # the salutation stays one
        ("STR014_misspelt_sign_off.md", 70, "STR014"),  # the sign-off keeps its signature after it
    ],
)
def test_a_trailing_comment_silences_its_rule_and_nothing_else_changes(tmp_path, name, line, rule):
    lines = (BROKEN / name).read_text(encoding="utf-8").split("\n")
    before = [(d.rule, d.span) for d in check_file(str(BROKEN / name)).diagnostics]
    assert rule in [found for found, _ in before]
    lines[line - 1] += f"  <!-- lettercheck: disable {rule} -->"
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    after = [(d.rule, d.span) for d in check_file(str(path)).diagnostics]
    assert after == [(found, span) for found, span in before if found != rule]


def test_a_misspelt_trailing_comment_is_reported_and_suppresses_nothing(tmp_path):
    lines = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8").split("\n")
    lines[8] += " <!-- lettercheck disable DATE001 -->"
    path = tmp_path / "letter.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = [(d.rule, d.span.line, d.span.column) for d in check_file(str(path)).diagnostics]
    assert found == [("DATE001", 9, 1), ("SUP002", 9, 17)]
