"""Machine formats validated against their standards: SARIF 2.1.0 (the
official JSON schema, with `uri-reference` format checking), JUnit (the
Apache Ant XSD) and `--format json` (the JSON Schema shipped in the package)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.conftest import BROKEN, LETTERS, OTHER, ROOT

STANDARDS = ROOT / "tests" / "standards"


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads((STANDARDS / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    # Without a URI library jsonschema skips the format silently: that must fail here, not pass.
    assert {"uri", "uri-reference"} <= set(checker.checkers)
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


@pytest.fixture(scope="module")
def junit_schema():
    import xmlschema

    return xmlschema.XMLSchema(str(STANDARDS / "junit.xsd"))


@pytest.fixture(scope="module")
def json_validator():
    import checker  # the schema ships inside the package, beside its modules

    schema = json.loads(
        (Path(checker.__file__).parent / "schemas" / "check.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(validator, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture()
def awkward_names(tmp_path, monkeypatch):
    """Letters whose names need percent-encoding, checked by relative path."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "letters 2024"
    folder.mkdir()
    for name in ("a,b.md", "100%.md", "x:y.md"):
        (folder / name).write_bytes((BROKEN / "STR012_misspelt_heading.md").read_bytes())
    (folder / "binary.txt").write_bytes((OTHER / "binary.txt").read_bytes())
    return "letters 2024"


def test_sarif_is_valid_against_the_official_schema(cli, sarif_validator):
    result = cli("check", str(BROKEN), str(OTHER), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert _errors(sarif_validator, sarif) == []
    run = sarif["runs"][0]
    assert {r["ruleId"] for r in run["results"]} >= {"DATE001", "STR012", "PARSE002", "PARSE003"}


def test_sarif_uris_are_percent_encoded_references_and_stdin_is_a_valid_uri(
    cli, sarif_validator, awkward_names
):
    result = cli("check", awkward_names, "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert _errors(sarif_validator, sarif) == []
    run = sarif["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {
        "letters%202024/a%2Cb.md",
        "letters%202024/100%25.md",
        "letters%202024/x%3Ay.md",
        "letters%202024/binary.txt",
    }
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    piped = json.loads(
        cli(
            "check",
            "-",
            "--format",
            "sarif",
            input=(BROKEN / "DRAFT001_placeholder.md").read_text(encoding="utf-8"),
        ).stdout
    )
    assert _errors(sarif_validator, piped) == []
    location = piped["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "stdin", "description": {"text": "standard input"}}


def test_sarif_rule_metadata_is_complete_for_rules_and_parse_problems(cli):
    sarif = json.loads(cli("check", str(BROKEN), str(OTHER), "--format", "sarif").stdout)
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    for rule in rules.values():
        assert {"name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rule)
        assert "{" not in rule["shortDescription"]["text"], rule
        assert "helpUri" not in rule  # no page to point at: none is made up
    assert rules["DATE001"]["shortDescription"]["text"] == "letter is dated …, but the visit ended on …"
    assert "## How to fix it" in rules["DATE001"]["help"]["markdown"]
    assert rules["PARSE002"]["name"] == "not-text"
    assert rules["PARSE002"]["properties"]["category"] == "parse"
    assert rules["PARSE002"]["help"]["text"].startswith("lettercheck reads text (.md, .txt: UTF-8")


def test_sarif_carries_statistics_when_asked(cli, sarif_validator):
    sarif = json.loads(cli("check", str(BROKEN), "--format", "sarif", "--statistics").stdout)
    assert _errors(sarif_validator, sarif) == []
    assert sarif["runs"][0]["properties"]["statistics"]["DATE001"]["count"] == 2  # two broken fixtures


def test_junit_is_valid_against_the_xsd_and_its_counts_agree(cli, junit_schema):
    result = cli("check", str(BROKEN), str(OTHER), str(LETTERS / "kent_focused_2019.md"), "--format", "junit")
    junit_schema.validate(result.stdout)
    suite = ET.fromstring(result.stdout.encode("utf-8")).find("testsuite")
    cases = suite.findall("testcase")
    failed = [case for case in cases if case.find("failure") is not None]
    errored = [case for case in cases if case.find("error") is not None]
    assert (
        int(suite.get("tests")) == len(cases) == len(list(BROKEN.iterdir())) + len(list(OTHER.iterdir())) + 1
    )
    assert int(suite.get("failures")) == len(failed) == len(list(BROKEN.iterdir()))
    assert int(suite.get("errors")) == len(errored) == len(list(OTHER.iterdir()))
    assert float(suite.get("time")) >= sum(float(case.get("time")) for case in cases) - 0.01
    assert sum(float(case.get("time")) for case in cases) > 0  # each letter timed (ms resolution)
    by_name = {case.get("name").rsplit("/", 1)[-1]: case for case in cases}
    assert by_name["binary.txt"].find("error").get("type") == "PARSE002"
    assert list(by_name["kent_focused_2019.md"]) == []  # a clean letter passes


def test_junit_lists_every_problem_of_a_letter_in_one_failure(cli, junit_schema):
    result = cli("check", str(BROKEN / "ALIGN002_area_not_evaluated.md"), "--format", "junit")
    junit_schema.validate(result.stdout)
    case = ET.fromstring(result.stdout.encode("utf-8")).find("testsuite/testcase")
    (failure,) = case.findall("failure")
    assert failure.get("type") == "ALIGN002"
    assert failure.get("message") == "1 problem at or above error: ALIGN002"
    listed = failure.text.splitlines()
    assert any(": ALIGN002 [error]" in line for line in listed)
    assert any(": DATE005 [warning]" in line for line in listed)  # the lesser problems are listed too
    checked = json.loads(
        cli("check", str(BROKEN / "ALIGN002_area_not_evaluated.md"), "--format", "json").stdout
    )
    assert len(listed) == len(checked["files"][0]["diagnostics"])


def test_junit_fail_level_decides_which_letters_fail(cli, junit_schema):
    kirklees = str(LETTERS / "kirklees_monitoring_2017.md")  # one warning (a Sunday visit)
    passing = ET.fromstring(cli("check", kirklees, "-f", "junit").stdout.encode("utf-8")).find("testsuite")
    assert passing.get("failures") == "0" and "DATE005" in passing.find("system-out").text
    strict = cli("check", kirklees, "-f", "junit", "--fail-on", "warning").stdout
    junit_schema.validate(strict)
    assert ET.fromstring(strict.encode("utf-8")).find("testsuite").get("failures") == "1"


def test_json_output_matches_the_shipped_schema(cli, json_validator):
    for args in ([str(BROKEN), str(OTHER)], [str(LETTERS), "--statistics"], [str(BROKEN), "--statistics"]):
        document = json.loads(cli("check", *args, "--format", "json").stdout)
        assert _errors(json_validator, document) == [], args
    document = json.loads(cli("check", str(BROKEN), "-f", "json", "--statistics").stdout)
    assert document["statistics"]["DATE001"] == {
        "name": "letter-before-visit-end",
        "category": "dates",
        "count": 2,  # DATE001_dated_before_visit.md and DATE001_visit_in_wrong_year.md
        "fixable": 0,
        "by_severity": {"error": 2},
    }
    assert document["summary"]["fixable"] == sum(
        d["fix"] is not None for f in document["files"] for d in f["diagnostics"]
    )


def test_the_schema_command_prints_the_json_output_schema(cli):
    schema = json.loads(cli("schema", "check-json").stdout)
    assert schema["title"] == "lettercheck check --format json"
    assert set(schema["$defs"]["category"]["enum"]) == set(
        __import__("checker.diagnostics", fromlist=["CATEGORIES"]).CATEGORIES
    )


@pytest.fixture()
def documents(tmp_path):
    """A published PDF with a problem that has a fix, a Word draft with review
    marks, and a PDF that cannot be read."""
    from tests.docxmaker import draft

    pdf = ROOT / "fixtures" / "pdf" / "nottingham_focused_2021.pdf"
    (tmp_path / "draft.docx").write_bytes(draft())
    (tmp_path / "damaged.pdf").write_bytes(pdf.read_bytes()[:4000])
    return [str(pdf), str(tmp_path / "draft.docx"), str(tmp_path / "damaged.pdf")]


def test_pdf_and_word_problems_in_sarif_name_the_page_or_paragraph(cli, sarif_validator, documents):
    sarif = json.loads(cli("check", *documents, "-f", "sarif").stdout)
    assert _errors(sarif_validator, sarif) == []
    results = sarif["runs"][0]["results"]
    pdf = next(r for r in results if r["ruleId"] == "STR014")
    region = pdf["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 11,
        "startColumn": 1,
        "endLine": 11,
        "endColumn": 15,
        "properties": {"page": 5, "endPage": 5},
    }
    assert "fixes" not in pdf  # a PDF is never rewritten
    comment = next(r for r in results if r["ruleId"] == "DRAFT006")
    assert comment["locations"][0]["physicalLocation"]["region"]["properties"] == {
        "paragraph": 12,
        "part": "body",
    }
    damaged = next(r for r in results if r["ruleId"] == "PARSE002")
    assert "properties" not in damaged["locations"][0]["physicalLocation"]["region"]


def test_pdf_and_word_problems_in_json_and_junit(cli, json_validator, junit_schema, documents):
    document = json.loads(cli("check", *documents, "-f", "json").stdout)
    assert _errors(json_validator, document) == []
    pdf, word, damaged = document["files"]
    assert [(d["page"], d["end_page"]) for d in pdf["diagnostics"]] == [(5, 5)]
    assert {d["part"] for d in word["diagnostics"]} == {"body"}
    assert all(d["paragraph"] == d["line"] for d in word["diagnostics"])
    assert "page" not in damaged["diagnostics"][0]  # not read: no page to name
    junit = cli("check", *documents, "-f", "junit").stdout
    junit_schema.validate(junit)
    assert "nottingham_focused_2021.pdf:page 5:11:1: STR014 [error]" in junit
    assert "draft.docx:paragraph 12:98: DRAFT004 [error]" in junit
