"""The categories and severities the code names are the ones the published
schemas name: rule packs (rules/schema.json) and `check --format json`
(checker/schemas/check.schema.json)."""

from __future__ import annotations

import json

from checker.diagnostics import CATEGORIES, SEVERITIES
from tests.conftest import ROOT


def _schema(path: str) -> dict:
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def test_the_schemas_name_the_categories_the_code_names():
    rule = _schema("rules/schema.json")["$defs"]["rule"]["properties"]
    # a rule pack may use every category but `parse`, lettercheck's own (rules/parse.yaml)
    assert tuple(rule["category"]["enum"]) == tuple(c for c in CATEGORIES if c != "parse")
    check = _schema("checker/schemas/check.schema.json")["$defs"]
    assert tuple(check["category"]["enum"]) == CATEGORIES


def test_the_schemas_name_the_severities_the_code_names():
    rule = _schema("rules/schema.json")["$defs"]["rule"]["properties"]
    assert tuple(rule["severity"]["enum"]) == SEVERITIES
    check = _schema("checker/schemas/check.schema.json")["$defs"]
    assert tuple(check["severity"]["enum"]) == SEVERITIES


def test_the_command_line_offers_the_categories_and_severities():
    from checker.cli import Category, Level

    assert [c.value for c in Category] == list(CATEGORIES)
    assert [level.value for level in Level] == list(SEVERITIES)
