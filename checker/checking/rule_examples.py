"""Run a rule's `examples:` from its YAML: the rule author's tests.

An example edits a base letter from rules/examples/ (`replace: [[old, new]]`)
and says whether the rule must trigger on the result. `lettercheck explain`
shows them and one pytest runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.checking.rules import Rule
from checker.diagnostics import Diagnostic
from checker.resources import resource_path


@dataclass(slots=True)
class ExampleOutcome:
    ok: bool
    problem: str
    diagnostics: list[Diagnostic]
    text: str


@cache
def base_letter(name: str) -> str:
    return (resource_path("rules") / "examples" / f"{name}.md").read_text(encoding="utf-8")


def example_text(example: dict) -> str:
    text = base_letter(example.get("base", "focused"))
    for old, new in example.get("replace", []):
        if old not in text:
            raise ValueError(f"example replaces text that is not in the base letter: {old!r}")
        text = text.replace(old, new)
    return text


def review_marks(example: dict, text: str) -> list:
    """The example's `review` marks, as a Word draft of the letter would
    carry them: each at the first place its `at` text (by default its own
    text) is in the letter."""
    from checker.reading.document import Place, ReviewMark

    marks = []
    for given in example.get("review", []):
        at = given.get("at", given["text"])
        if at not in text:
            raise ValueError(f"example's review mark is at text that is not in the letter: {at!r}")
        offset = text.index(at)
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        anchor = at if given["kind"] == "comment" else ""
        place = Place(line, column)
        marks.append(
            ReviewMark(given["kind"], given["author"], given["text"], place, line, column, anchor=anchor)
        )
    return marks


def run_example(rule: Rule, example: dict) -> ExampleOutcome:
    from checker.reading import source
    from checker.reading.letter_reader import letter_from_source

    text = example_text(example)
    letter = letter_from_source(source.from_bytes(f"example:{rule.id}", text.encode("utf-8")))
    letter.review = review_marks(example, text)
    from checker.checking.rule_packs import load_rules

    others = [r for r in load_rules() if r.id != rule.id]
    found = Engine(Config(), rules=[*others, rule]).check(letter)
    mine = [d for d in found if d.rule == rule.id]
    if example["trigger"] and not mine:
        return ExampleOutcome(False, "expected the rule to trigger, but it did not", mine, text)
    if not example["trigger"] and mine:
        return ExampleOutcome(
            False, f"expected no problem, got: {mine[0].message} (line {mine[0].span.line})", mine, text
        )
    if example["trigger"] and "line" in example and not any(d.span.line == example["line"] for d in mine):
        lines = ", ".join(str(d.span.line) for d in mine)
        return ExampleOutcome(
            False, f"expected a problem on line {example['line']}, got line(s) {lines}", mine, text
        )
    return ExampleOutcome(True, "", mine, text)
