"""The parameter contract of check kinds, and rule packs that try to break it:
each mistake is one error naming the file and line, found when the pack is
loaded, never an internal error on every letter."""

from __future__ import annotations

import textwrap
import time

import pytest

from checker.checking.kinds import REGISTRY, Params, load_all
from checker.checking.rule_packs import RulePackError, load_rule_file, load_rules
from tests.conftest import LETTERS

RULE = """\
rules:
  - id: HOUSE001
    category: style
    severity: warning
    message: "{message}"
    help: "House style."
    check:
      kind: pattern
      pattern: '(front) (door)'
"""


def _pack(tmp_path, text: str, name: str = "pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _with(extra: str = "", message: str = "write {match} plainly") -> str:
    """The rule above with extra lines in its `check`."""
    return RULE.replace("{message}", message) + "".join(f"      {line}\n" for line in extra.splitlines())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("scope: 7", "'scope' is 7; it must be one of letter,"),
        ("scope: section:nonsense", "'scope' is 'section:nonsense'; it must be one of letter,"),
        ("ignore_case: 'yes'", "'ignore_case' is 'yes'; it must be true or false"),
        ("group: x", "the pattern has no group 'x'"),
        ("group: 3", "the pattern has no group 3 (it has 2)"),
        ("replacement: 5", "'replacement' is 5; it must be a string"),
        ("replacement: '\\9'", "replacement '\\\\9': no such group"),
        ("replacement: '\\g<x>'", "replacement '\\\\g<x>': unknown group"),
        ("replacement: '\\q'", "replacement '\\\\q': bad escape"),
        ("replacement: 'a\\nb'", "may not contain a line break"),
    ],
)
def test_a_wrong_typed_field_is_an_error_at_its_line(tmp_path, extra, message):
    path = _pack(tmp_path, _with(extra))
    with pytest.raises(RulePackError) as error:
        load_rule_file(path)
    assert message in error.value.message
    assert error.value.line == 10  # the line of the parameter at fault
    assert str(error.value).startswith(f"{path}:10:")


def test_every_checked_value_is_accepted_when_right(tmp_path):
    path = _pack(
        tmp_path, _with("scope: section:findings\nignore_case: true\ngroup: 2\nreplacement: 'front \\1'")
    )
    (rule,) = load_rule_file(path)
    assert dict(rule.params) == {
        "pattern": "(front) (door)",
        "scope": "section:findings",
        "ignore_case": True,
        "group": 2,
        "replacement": "front \\1",
    }


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("{match:>99999999}", "the width in {match:>99999999} is over 200 characters"),
        ("{match:.99999999}", "is over 200 characters"),
        ("{match.__class__}", "{match.__class__} must name a fact"),
        ("{match[0]}", "must name a fact"),
        ("{}", "{} must name a fact"),
        ("{match:{group}}", "unsupported format"),
        ("unclosed {match", "expected '}'"),
    ],
)
def test_a_message_template_is_bounded(tmp_path, message, problem):
    path = _pack(tmp_path, _with(message=message))
    with pytest.raises(RulePackError) as error:
        load_rule_file(path)
    assert problem in error.value.message
    assert error.value.line == 5


def test_a_modest_format_spec_is_fine(tmp_path):
    (rule,) = load_rule_file(_pack(tmp_path, _with(message="{match:>10}|")))
    assert rule.format({"match": "door"}) == "      door|"


def test_a_yaml_alias_bomb_is_refused_quickly_with_its_line(tmp_path):
    """Nine levels of ten aliases stand for a billion strings: refused before
    anything walks them (it took a minute and 6 GB)."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    bomb = "x-anchors:\n" + "".join(f"  {line}\n" for line in levels)
    text = bomb + _with("").replace("kind: pattern", "kind: acronyms").replace(
        "      pattern: '(front) (door)'\n", "      allow: *i\n"
    )
    path = _pack(tmp_path, text)
    started = time.perf_counter()
    with pytest.raises(RulePackError) as error:
        load_rule_file(path)
    assert time.perf_counter() - started < 5  # a guard against hanging, not a benchmark
    assert "expands to more than 100,000 values" in error.value.message
    assert error.value.line == 6  # e: the first level past the limit


def test_a_value_that_contains_itself_is_refused(tmp_path):
    path = _pack(tmp_path, _with("").replace("rules:\n", "x: &loop [1, *loop]\nrules:\n"))
    with pytest.raises(RulePackError, match="contains itself"):
        load_rule_file(path)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("category: style", "category: parse", 3, "'parse' is not one of ['structure'"),  # the schema says so
        ("id: HOUSE001", "id: PARSE009", 2, "the parse category and PARSE IDs are lettercheck's own"),
        ("kind: pattern", "kind: reading_problem", 8, "check kind 'reading_problem' is lettercheck's own"),
    ],
)
def test_user_rules_may_not_claim_the_parse_category_or_ids(tmp_path, old, new, line, message):
    path = _pack(tmp_path, _with("").replace(old, new))
    with pytest.raises(RulePackError) as error:
        load_rules((str(tmp_path),))
    assert message in error.value.message
    assert (error.value.path, error.value.line) == (str(path), line)


def test_sentence_length_takes_no_scope_it_would_ignore(tmp_path):
    path = _pack(
        tmp_path,
        _with("")
        .replace("kind: pattern", "kind: sentence_length")
        .replace("      pattern: '(front) (door)'\n", "      scope: findings\n"),
    )
    with pytest.raises(RulePackError, match=r"unknown parameter 'scope' .*it takes: max_words"):
        load_rule_file(path)


def test_every_core_rule_holds_exactly_its_declared_parameters():
    """No `_compiled` keys riding in params: what a rule holds is what the
    contract declares (defaults filled in), and derived values live apart."""
    load_all()
    for rule in load_rules():
        kind = REGISTRY[rule.kind]
        assert isinstance(rule.params, Params)
        declared = {p.name for p in kind.params}
        assert set(rule.params) <= declared, rule.id
        assert {p.name for p in kind.params if p.default is not None} <= set(rule.params), rule.id


def test_every_kind_declares_documented_parameters():
    load_all()
    for kind in REGISTRY.values():
        for param in kind.params:
            assert param.doc, f"{kind.name}.{param.name} has no doc"
            if param.choices and not param.required:
                assert param.default in param.choices


def test_explain_shows_the_contract_and_the_rules_values(cli):
    shown = cli("explain", "DATE007").stdout
    assert "Checked by the `date_compare` check kind with these parameters:" in shown
    assert "- **offset_days**: `90` — days added to `right` (whole number, default `0`)" in " ".join(
        shown.split()
    )


def _config_project(tmp_path, config: str):
    (tmp_path / ".lettercheck.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "letter.md").write_bytes((LETTERS / "kent_focused_2019.md").read_bytes())
    from checker.checking.config import find_config

    find_config.cache_clear()  # one process per run in real use
    return tmp_path / "letter.md"


@pytest.mark.parametrize(
    ("config", "where", "message"),
    [
        ("fail_on: error\nparams:\n  STYLE003: {max_words: forty}\n", "3:14", "'max_words' is 'forty'"),
        (
            "params:\n  STYLE003:\n    max_word: 30\n",
            "3:5",
            "unknown parameter 'max_word' (did you mean 'max_words'?",
        ),
        (
            "params:\n  DATE007: {offset_days: 1.5}\n",
            "2:13",
            "'offset_days' is 1.5; it must be a whole number",
        ),
        ("params:\n  STR003: {min_words: -1}\n", "2:12", "'min_words' is -1; it must be at least 0"),
    ],
)
def test_a_params_error_points_at_the_users_config(cli, tmp_path, config, where, message):
    letter = _config_project(tmp_path, config)
    result = cli("check", str(letter))
    assert result.exit_code == 2
    assert f"{tmp_path / '.lettercheck.yaml'}:{where}: params for " in result.stderr
    assert message in result.stderr
    assert "rules/core" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_params_with_a_list_value_work(cli, tmp_path):
    letter = _config_project(tmp_path, "params:\n  STYLE001: {allow: [ABC, XYZ]}\n")
    result = cli("check", str(letter), "-f", "concise")
    assert result.exit_code == 0, result.stderr


def test_a_params_error_in_pyproject_points_at_its_line(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "letters"\n\n[tool.lettercheck]\nselect = ["DATE"]\n'
        "params = {DATE007 = {offset_days = 1.5}}\n",
        encoding="utf-8",
    )
    (tmp_path / "letter.md").write_bytes((LETTERS / "kent_focused_2019.md").read_bytes())
    from checker.checking.config import find_config

    find_config.cache_clear()
    result = cli("check", str(tmp_path / "letter.md"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}:6:22: params for DATE007" in result.stderr
