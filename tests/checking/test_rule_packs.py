"""Loading rule packs: a broken pack is a clear error with file and line."""

from __future__ import annotations

import textwrap

import pytest

from checker.checking.rule_packs import RulePackError, load_rule_file, load_rules

GOOD = """\
rules:
  - id: HOUSE001
    category: style
    severity: warning
    message: "write 'children looked after', not '{match}'"
    help: "House style."
    check:
      kind: pattern
      pattern: 'LAC'
"""


def _write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_user_rule_loads(tmp_path):
    (rule,) = load_rule_file(_write(tmp_path, GOOD))
    assert (rule.id, rule.kind, rule.severity) == ("HOUSE001", "pattern", "warning")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("rules:\n  - id: [unclosed\n", 3, "invalid YAML"),
        (GOOD.replace("severity: warning", "severity: fatal"), 4, "'fatal' is not one of"),
        (GOOD.replace("id: HOUSE001", "id: house-1"), 2, "does not match"),
        (GOOD.replace("kind: pattern", "kind: patern"), 8, "unknown check kind 'patern'"),
        (GOOD.replace("pattern: 'LAC'", "pattern: '(LAC'"), 9, "invalid regular expression"),
        (
            GOOD.replace("pattern: 'LAC'", "pattern: 'LAC'\n      scope: middle"),
            10,
            "'scope' is 'middle'; it must be one of letter,",
        ),
        (
            GOOD.replace("      pattern: 'LAC'\n", "      patterns: 'LAC'\n"),
            9,
            "unknown parameter 'patterns' (did you mean 'pattern'?",
        ),
        (GOOD.replace("      pattern: 'LAC'\n", ""), 8, "missing parameter 'pattern'"),
        (GOOD.replace('    help: "House style."\n', ""), 2, "'help' is a required property"),
        (
            GOOD.replace("    check:", "    applies_to: [focussed_visit]\n    check:"),
            7,
            "unknown letter type",
        ),
    ],
)
def test_broken_packs_name_the_line(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(RulePackError) as error:
        load_rule_file(path)
    assert message in error.value.message
    assert error.value.line == line
    assert str(error.value).startswith(f"{path}:{line}:")


def test_duplicate_rule_ids_across_packs(tmp_path):
    _write(tmp_path, GOOD.replace("HOUSE001", "DATE001"))
    with pytest.raises(RulePackError, match="duplicate rule id DATE001"):
        load_rules((str(tmp_path),))


def test_core_pack_ids_are_unique_and_categories_valid():
    from checker.diagnostics import CATEGORIES

    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert {r.category for r in rules} <= set(CATEGORIES)
    assert {r.category for r in rules} >= {
        "structure",
        "dates",
        "inspectors",
        "consistency",
        "draft",
        "style",
        "alignment",
    }


def test_published_schema_validates_the_core_pack():
    import jsonschema
    import yaml

    from checker.checking.rule_packs import core_dir, rule_files, schema

    for path in rule_files(core_dir()):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema())


def test_the_schema_describes_every_kind_from_its_contract():
    from checker.checking.rule_docs import update_schema
    from tests.conftest import ROOT

    text = (ROOT / "rules" / "schema.json").read_text(encoding="utf-8")
    assert update_schema(text) == text, "rules/schema.json is stale: run `bash dev.sh docs`"


def test_the_schema_catches_what_an_editor_should_flag():
    import jsonschema
    import yaml

    from checker.checking.rule_packs import schema

    def valid(check: dict) -> bool:
        rule = yaml.safe_load(GOOD)
        rule["rules"][0]["check"] = check
        return jsonschema.Draft202012Validator(schema()).is_valid(rule)

    assert valid({"kind": "pattern", "pattern": "LAC", "scope": "section:findings"})
    assert not valid({"kind": "pattern", "pattern": "LAC", "scope": "middle"})
    assert not valid({"kind": "pattern", "patterns": "LAC"})
    assert not valid({"kind": "sentence_length", "max_words": 30, "scope": "body"})
    assert not valid({"kind": "weekend", "which": "sunday"})


def test_readme_rule_tables_are_generated_from_the_yaml():
    from checker.checking.rule_docs import update_readme
    from tests.conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update_readme(text) == text, "README is stale: run `bash dev.sh docs`"
    assert "| DATE001 | letter-before-visit-end | dates | error |" in text


def test_the_parse_rules_are_data_read_by_the_same_loader():
    from checker.checking.rule_packs import parse_rules

    rules = load_rules()
    assert [r.id for r in rules[:5]] == ["PARSE001", "PARSE002", "PARSE003", "PARSE004", "PARSE005"]
    assert list(parse_rules()) == [r.id for r in rules[:5]]
    not_text = parse_rules()["PARSE002"]
    assert (not_text.name, not_text.category, not_text.kind) == ("not-text", "parse", "reading_problem")
    assert not_text.format({"problem": "binary data"}) == "binary data"
    assert not_text.reports.startswith("the file is not text")


def test_the_parse_rules_file_is_a_valid_rule_file_but_for_its_own_category():
    import jsonschema
    import yaml

    from checker.checking.rule_packs import parse_rules_file, schema

    own = json_copy(schema())
    own["$defs"]["rule"]["properties"]["category"]["enum"].append("parse")
    data = yaml.safe_load(parse_rules_file().read_text(encoding="utf-8"))
    jsonschema.validate(data, own)
    with pytest.raises(jsonschema.ValidationError, match="'parse' is not one of"):
        jsonschema.validate(data, schema())


def test_a_reading_problem_is_worded_by_its_rule(tmp_path):
    from checker.api import load_file

    (problem,) = load_file(str(tmp_path / "missing.md")).diagnostics
    assert (problem.rule, problem.category, problem.severity) == ("PARSE001", "parse", "error")
    assert (problem.message, problem.help) == ("no such file", "Check that the path exists and is readable.")


def json_copy(value):
    import json

    return json.loads(json.dumps(value))
