"""A baseline keeps only the problems beyond the recorded counts."""

from __future__ import annotations

from checker.checking.baseline import Baseline
from checker.checking.config import Config
from checker.checking.engine import Engine
from tests.conftest import REPEATED, read_letter


def test_baseline_keeps_only_new_problems():
    letter = read_letter(REPEATED)
    diagnostics = Engine(Config()).check(letter)
    baseline = Baseline("baseline.json", {"draft.md": {"DRAFT002": 1}})
    assert baseline.filter("draft.md", diagnostics) == []
    worse = REPEATED.replace("Caseloads have reduced", "Caseloads have have reduced")
    more = Engine(Config()).check(read_letter(worse))
    kept = baseline.filter("draft.md", more)
    assert [(d.rule, d.span.line) for d in kept] == [("DRAFT002", 46)]
