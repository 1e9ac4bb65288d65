"""The engine: selection, severities, per-file ignores, a time budget per rule, and a bug in one rule that never hides the others."""

from __future__ import annotations

from dataclasses import replace

from checker.checking.config import Config
from checker.checking.engine import Engine
from checker.checking.rule_packs import load_rule_file, load_rules
from tests.conftest import REPEATED, edited, read_letter, rules_found


def test_select_ignore_and_severity_override():
    letter = read_letter(REPEATED)
    assert ("DRAFT002", 41) in rules_found(letter)
    assert rules_found(letter, Config(ignore=("DRAFT002",))) == []
    assert rules_found(letter, Config(select=("draft",))) == [("DRAFT002", 41)]
    assert rules_found(letter, Config(select=("DATE",))) == []
    (diagnostic,) = Engine(Config(severity=(("DRAFT002", "warning"),))).check(letter)
    assert diagnostic.severity == "warning"


def test_per_file_ignores(tmp_path):
    config = Config(per_file_ignores=(("archive/*", ("DRAFT002",)),), root=str(tmp_path))
    assert rules_found(read_letter(REPEATED, str(tmp_path / "archive" / "old.md")), config) == []
    assert rules_found(read_letter(REPEATED, str(tmp_path / "new.md")), config) == [("DRAFT002", 41)]


SLOW_PACK = """
rules:
  - id: SLOW001
    category: style
    severity: error
    message: "slow"
    help: "none"
    check: {kind: pattern, scope: body, pattern: '(\\w+\\s?)+$'}
"""


def test_a_catastrophic_user_pattern_cannot_hang(tmp_path, monkeypatch):
    from checker.checking import engine

    monkeypatch.setattr(engine, "RULE_BUDGET", 0.2)  # the default (1 s) would only make the test slower
    pack = tmp_path / "slow.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    rules = load_rule_file(pack)
    text = edited("bcp_focused_2023.md", ("Caseloads have reduced,", "Caseloads " + "a " * 4000 + "!"))
    (diagnostic,) = Engine(Config(), rules=rules).check(read_letter(text))
    assert (diagnostic.rule, diagnostic.severity) == ("SLOW001", "warning")
    assert "SLOW001 skipped on this letter: its pattern used up its time" in diagnostic.message


def test_a_slow_pattern_over_many_paragraphs_is_reported_skipped_not_silent(tmp_path, monkeypatch):
    """Each search stays under any per-search limit, but the rule's budget
    for the letter runs out: the rule is reported skipped (it used to run
    for 30 s and say nothing)."""
    from checker.checking import engine

    monkeypatch.setattr(engine, "RULE_BUDGET", 0.1)
    pack = tmp_path / "slow.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    rules = load_rule_file(pack)
    paragraphs = "".join("a " * 400 + "!\n\n" for _ in range(60))  # some 15 ms each
    text = edited("bcp_focused_2023.md", ("Caseloads have reduced,", paragraphs + "Caseloads have reduced,"))
    (diagnostic,) = Engine(Config(), rules=rules).check(read_letter(text))
    assert diagnostic.rule == "SLOW001" and "skipped on this letter" in diagnostic.message
    assert "(0.1 s per letter) before it had searched the whole body" in diagnostic.message


def test_the_budget_is_per_rule_the_next_rule_still_runs(tmp_path, monkeypatch):
    from checker.checking import engine

    monkeypatch.setattr(engine, "RULE_BUDGET", 0.1)
    pack = tmp_path / "slow.yaml"
    pack.write_text(
        SLOW_PACK
        + SLOW_PACK.split("rules:")[1].replace("SLOW001", "FAST001").replace("'(\\w+\\s?)+$'", "'Caseloads'"),
        encoding="utf-8",
    )
    rules = load_rule_file(pack)
    text = edited("bcp_focused_2023.md", ("Caseloads have reduced,", "Caseloads " + "a " * 4000 + "!"))
    found = {d.rule: d.severity for d in Engine(Config(), rules=rules).check(read_letter(text))}
    assert found == {"SLOW001": "warning", "FAST001": "error"}


def test_core_rules_load_once_and_all_kinds_exist():
    from checker.checking.kinds import REGISTRY

    assert all(rule.kind in REGISTRY for rule in load_rules())


def test_a_bug_in_one_check_is_reported_and_the_other_rules_still_run(monkeypatch):
    from checker.checking.kinds import REGISTRY

    kind = REGISTRY["sign_off_fits"]

    def broken(letter, params):
        raise KeyError("boom")
        yield  # pragma: no cover - makes this a generator like the real checks

    monkeypatch.setitem(REGISTRY, kind.name, replace(kind, function=broken))
    diagnostics = Engine(Config()).check(read_letter(REPEATED))
    found = {(d.rule, d.message.split(":")[0]) for d in diagnostics}
    assert ("CONS004", "internal error in rule CONS004 (sign_off_fits)") in found
    assert ("DRAFT002", "repeated word 'Most'") in {(d.rule, d.message) for d in diagnostics}


def test_a_bug_in_a_check_exits_2_not_1_a_crash_is_no_verdict(cli, monkeypatch):
    from checker.checking.kinds import REGISTRY
    from tests.conftest import LETTERS

    kind = REGISTRY["sign_off_fits"]

    def broken(letter, params):
        raise KeyError("boom")
        yield  # pragma: no cover - makes this a generator like the real checks

    monkeypatch.setitem(REGISTRY, kind.name, replace(kind, function=broken))
    result = cli("check", str(LETTERS / "kent_focused_2019.md"), "-f", "concise")
    assert "CONS004 [error] internal error in rule CONS004" in result.stdout
    assert result.exit_code == 2


def test_a_rule_lists_at_most_200_problems_in_a_letter_then_says_where_it_stopped(tmp_path):
    """A hostile or broken file repeating one mistake a million times must not
    cost gigabytes nor bury the report: 200 listed, then one line saying so."""
    from checker.api import check_file
    from checker.checking.engine import MAX_PROBLEMS_PER_RULE
    from tests.conftest import edited

    repeated = " ".join(["the the"] * 300)
    path = tmp_path / "letter.md"
    path.write_text(
        edited("kent_focused_2019.md", ("Inspectors", f"{repeated}. Inspectors")), encoding="utf-8"
    )
    draft = [d for d in check_file(str(path)).diagnostics if d.rule == "DRAFT002"]
    assert len(draft) == MAX_PROBLEMS_PER_RULE + 1 == 201
    assert all(d.message == "repeated word 'the'" for d in draft[:200])
    assert (
        draft[200].message
        == "DRAFT002 found more than 200 problems in this letter; the rest, from here on, are not listed"
    )
    assert draft[200].span.column > draft[199].span.column  # at the first problem not listed


def test_a_fix_that_would_write_what_is_there_is_dropped(tmp_path):
    """A house rule that prefers 'Kent' to 'kent' also matches 'Kent': its
    problem stands, but a fix writing the same text is none (--fix would
    report a mend, and --diff a change, with nothing changed)."""
    pack = tmp_path / "house.yaml"
    pack.write_text(
        """\
rules:
  - id: HOUSE001
    name: house-kent
    category: style
    severity: warning
    message: "write '{replacement}' for '{match}'"
    help: "House style."
    check: {kind: substitution, scope: body, swap: {'[Kk]ent': Kent}}
""",
        encoding="utf-8",
    )
    text = edited("kent_focused_2019.md", ("Inspectors", "In kent and in Kent, inspectors"))
    found = Engine(Config(), rules=load_rule_file(pack)).check(read_letter(text))
    line = next(d.span.line for d in found if "'kent'" in d.message)
    fixes = [(d.span.column, d.fix.replacement if d.fix else None) for d in found if d.span.line == line]
    assert fixes == [(4, "Kent"), (16, None)]
    assert all(d.fix is None for d in found if d.message.endswith("for 'Kent'"))
