"""Every `examples:` entry of every rule in the YAML packs, as a test.

A rule author adds a rule and its examples in YAML; this collects them.
"""

from __future__ import annotations

import pytest

from checker.checking.rule_examples import run_example
from checker.checking.rule_packs import load_rules

RULES = [
    rule for rule in load_rules() if rule.category != "parse"
]  # the PARSE rules judge files, not letters
CASES = [(rule, index, example) for rule in RULES for index, example in enumerate(rule.examples)]


def test_every_rule_has_a_triggering_and_a_clean_example():
    for rule in RULES:
        kinds = {example["trigger"] for example in rule.examples}
        assert kinds == {True, False}, f"{rule.id} needs examples that trigger and that do not"
        for example in rule.examples:
            assert not example["trigger"] or "line" in example, (
                f"{rule.id}: say which line a trigger example flags"
            )


@pytest.mark.parametrize(("rule", "index", "example"), CASES, ids=[f"{r.id}-{i}" for r, i, _ in CASES])
def test_rule_example(rule, index, example):
    outcome = run_example(rule, example)
    assert outcome.ok, f"{rule.id} example {index}: {outcome.problem}"
