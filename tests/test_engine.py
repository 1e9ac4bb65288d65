"""Configuration, selection, suppressions, baseline, runaway patterns."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from checker.checking.baseline import Baseline
from checker.checking.config import Config, find_config, load_config_file
from checker.checking.engine import Engine
from checker.checking.rule_packs import load_rule_file, load_rules
from checker.reading import source
from checker.reading.letter_reader import letter_from_source
from tests.conftest import edited


def _letter(text: str, path: str = "draft.md"):
    return letter_from_source(source.from_bytes(path, text.encode("utf-8")))


def _rules(letter, config=Config()):
    return [(d.rule, d.span.line) for d in Engine(config).check(letter)]


REPEATED = edited(
    "bcp_focused_2023.md", ("Most children in need are visited", "Most most children in need are visited")
)


def test_select_ignore_and_severity_override():
    letter = _letter(REPEATED)
    assert ("DRAFT002", 41) in _rules(letter)
    assert _rules(letter, Config(ignore=("DRAFT002",))) == []
    assert _rules(letter, Config(select=("draft",))) == [("DRAFT002", 41)]
    assert _rules(letter, Config(select=("DATE",))) == []
    (diagnostic,) = Engine(Config(severity=(("DRAFT002", "warning"),))).check(letter)
    assert diagnostic.severity == "warning"


def test_per_file_ignores(tmp_path):
    config = Config(per_file_ignores=(("archive/*", ("DRAFT002",)),), root=str(tmp_path))
    assert _rules(_letter(REPEATED, str(tmp_path / "archive" / "old.md")), config) == []
    assert _rules(_letter(REPEATED, str(tmp_path / "new.md")), config) == [("DRAFT002", 41)]


def test_suppression_comment_silences_the_next_block_and_counts_as_used():
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable DRAFT002 -->\n- Most most")
    assert _rules(_letter(text)) == []


def test_unused_suppression_is_reported_where_it_is():
    text = edited(
        "bcp_focused_2023.md", ("## Findings\n", "## Findings\n\n<!-- lettercheck: disable DATE001 -->\n")
    )
    assert _rules(_letter(text)) == [("SUP001", 41)]


def test_disable_file_covers_every_line():
    text = "<!-- lettercheck: disable-file DRAFT002 -->\n" + REPEATED
    assert _rules(_letter(text)) == []


def test_config_from_pyproject_and_yaml(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent("""
        [tool.lettercheck]
        ignore = ["STYLE003"]
        severity = {DATE007 = "error"}
        params = {DATE007 = {offset_days = 10}}
        fail_on = "warning"
    """),
        encoding="utf-8",
    )
    nested = tmp_path / "letters" / "2023"
    nested.mkdir(parents=True)
    config = find_config(str(nested))
    assert config.ignore == ("STYLE003",) and config.fail_on == "warning"
    letter = _letter(edited("bcp_focused_2023.md"))
    diagnostics = Engine(config).check(letter)
    assert [(d.rule, d.severity) for d in diagnostics] == [("DATE007", "error")]
    assert "41 days after the visit ended" in diagnostics[0].message
    (tmp_path / "letters" / ".lettercheck.yaml").write_text("select: [draft]\n", encoding="utf-8")
    find_config.cache_clear()
    assert find_config(str(nested)).select == ("draft",)


def test_broken_config_is_an_error_with_its_file(tmp_path):
    import pytest

    from checker.checking.config import ConfigError

    path = tmp_path / ".lettercheck.yaml"
    path.write_text("select: [DATE]\nseverity: {DATE001: fatal}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must map rule IDs to error, warning or info") as error:
        load_config_file(str(path))
    assert str(error.value).startswith(f"{path}:2: ")
    path.write_text("ignore: [STYLE]\n\nselct: [DATE]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'selct'") as error:
        load_config_file(str(path))
    assert error.value.line == 3
    toml = tmp_path / "pyproject.toml"
    toml.write_text("[tool.lettercheck]\nselect = ['DATE']\nfail_on = 'fatal'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'fail_on' must be") as error:
        load_config_file(str(toml))
    assert error.value.line == 3
    toml.write_text("[tool.lettercheck]\nselect = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as error:
        load_config_file(str(toml))
    assert error.value.line == 2
    toml.write_text("[tool.lettercheck]\nselect = ['DATE'] x\nignore = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as error:
        load_config_file(str(toml))
    assert error.value.line == 2


def test_baseline_keeps_only_new_problems():
    letter = _letter(REPEATED)
    diagnostics = Engine(Config()).check(letter)
    baseline = Baseline("baseline.json", {"draft.md": {"DRAFT002": 1}})
    assert baseline.filter("draft.md", diagnostics) == []
    worse = REPEATED.replace("Caseloads have reduced", "Caseloads have have reduced")
    more = Engine(Config()).check(_letter(worse))
    kept = baseline.filter("draft.md", more)
    assert [(d.rule, d.span.line) for d in kept] == [("DRAFT002", 46)]


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
    (diagnostic,) = Engine(Config(), rules=rules).check(_letter(text))
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
    (diagnostic,) = Engine(Config(), rules=rules).check(_letter(text))
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
    found = {d.rule: d.severity for d in Engine(Config(), rules=rules).check(_letter(text))}
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
    diagnostics = Engine(Config()).check(_letter(REPEATED))
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


def test_a_format_spec_that_does_not_suit_the_fact_is_dropped_not_a_crash():
    from checker.checking.rules import fill as _fill

    assert (
        _fill("{words:.1f} words ({max_words:>4})", {"words": "many", "max_words": 40}) == "many words (40)"
    )
    assert _fill("{{literal}} {words:>4}", {"words": 7}) == "{literal}    7"


def test_a_bug_while_reading_is_one_parse_diagnostic(monkeypatch, tmp_path):
    from checker.api import load_file
    from checker.reading import builder as build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "build_letter", broken)
    path = tmp_path / "letter.md"
    path.write_text(REPEATED, encoding="utf-8")
    (diagnostic,) = load_file(str(path)).diagnostics
    assert (diagnostic.rule, diagnostic.category) == ("PARSE004", "parse")
    assert "RuntimeError: boom" in diagnostic.message


def test_a_selector_that_matches_no_rule_is_an_error_where_it_was_written(cli, tmp_path):
    empty = cli("check", str(tmp_path), "--select", "DATE")  # a prefix is fine
    assert empty.exit_code == 0
    assert "no letters (*.md, *.txt) found in" in empty.stderr
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


def _directive(comment: str) -> list[tuple[str, int]]:
    text = REPEATED.replace("- Most most", f"{comment}\n- Most most")
    return _rules(_letter(text))


def test_misspelt_suppression_comments_are_reported_and_suppress_nothing():
    for comment in (
        "<!-- lettercheck: disable-nextline DRAFT002 -->",  # once read as `disable` with rule '-nextline'
        "<!-- lettercheck: disble DRAFT002 -->",
        "<!-- lettercheck: enable DRAFT002 -->",
        "<!-- lettercheck disable DRAFT002 -->",
        "<!-- lettercheck: disable DRAFT02 -->",  # naming only unknown rules must not silence every rule
    ):
        assert _directive(comment) == [("SUP002", 41), ("DRAFT002", 42)], comment


def test_invalid_suppression_messages_point_at_the_word_and_suggest():
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable-nextline DRAFT002 -->\n- Most most")
    (problem,) = [d for d in Engine(Config()).check(_letter(text)) if d.rule == "SUP002"]
    assert (problem.span.line, problem.span.column, problem.span.end_column) == (41, 19, 35)
    assert problem.message == (
        "suppression comment not understood: unknown suppression directive 'disable-nextline' "
        "(known: disable, disable-next-line, disable-file); did you mean 'disable-next-line'?"
    )
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable DRAFT02, STYLE003 -->\n- Most most")
    found = Engine(Config()).check(_letter(text))
    assert [d.message for d in found if d.rule == "SUP002"] == [
        "suppression comment not understood: unknown rule 'DRAFT02'; did you mean 'DRAFT002'?"
    ]


def test_suppression_comments_accept_rule_names_in_any_case():
    for comment in ("<!-- lettercheck: disable repeated-word -->", "<!-- lettercheck: disable draft002 -->"):
        assert _directive(comment) == [], comment


def test_a_lettercheck_comment_is_not_also_a_comment_left_in_the_letter():
    found = _directive("<!-- lettercheck disable DRAFT002 -->")
    assert ("DRAFT003", 41) not in found and ("SUP002", 41) in found
