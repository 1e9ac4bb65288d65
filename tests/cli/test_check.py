"""`lettercheck check`: each broken letter caught at the right place, every
output format, exit codes, mixed folders."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import BROKEN, LETTERS, OTHER

# broken fixture -> the errors it must produce (rule, category, line, column)
BROKEN_EXPECTED = {
    "DATE001_dated_before_visit.md": [("DATE001", "dates", 9, 1)],
    "DATE002_impossible_date.md": [("DATE002", "dates", 9, 1)],
    "STR012_misspelt_heading.md": [("STR012", "structure", 27, 4)],
    "STR001_missing_findings.md": [("STR001", "structure", 36, 1)],
    "INSP003_wrong_signatory.md": [("INSP003", "inspectors", 71, 1)],
    "INSP006_her_majesty_after_2022.md": [("INSP006", "inspectors", 23, 150)],
    "CONS001_salutation_mismatch.md": [("CONS001", "consistency", 13, 1)],
    "DRAFT001_placeholder.md": [("DRAFT001", "draft", 18, 183)],
    "ALIGN001_adoption_recommendation.md": [("ALIGN001", "alignment", 32, 3)],
    "ALIGN002_area_not_evaluated.md": [("ALIGN002", "alignment", 23, 3)],
    "DATE009_previous_visit_after.md": [("DATE009", "dates", 13, 293)],
    "INSP002_inspector_without_role.md": [("INSP002", "inspectors", 13, 278)],
    "STR014_misspelt_sign_off.md": [("STR014", "structure", 70, 1)],
    "DATE001_visit_in_wrong_year.md": [("DATE001", "dates", 9, 1)],
}


def _json(cli, *args):
    result = cli("check", *args, "--format", "json")
    return result, json.loads(result.stdout)


def test_every_broken_fixture_has_expectations():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(BROKEN_EXPECTED)


def test_a_broken_fixture_is_named_by_the_rule_it_breaks():
    for name, expected in BROKEN_EXPECTED.items():
        assert name.split("_", 1)[0] == expected[0][0], name


@pytest.mark.parametrize("name", sorted(BROKEN_EXPECTED))
def test_broken_letter_is_caught_at_the_right_place(cli, name):
    result, data = _json(cli, str(BROKEN / name))
    assert result.exit_code == 1
    errors = [
        (d["rule"], d["category"], d["line"], d["column"])
        for d in data["files"][0]["diagnostics"]
        if d["severity"] == "error"
    ]
    assert errors == BROKEN_EXPECTED[name]


def test_a_visit_in_the_wrong_year_says_which_year_would_fit(cli):
    _, data = _json(cli, str(BROKEN / "DATE001_visit_in_wrong_year.md"))
    (d,) = data["files"][0]["diagnostics"]
    assert (
        d["message"] == "letter is dated 8 February 2019, but the visit ended on 15 January 2020 (in 2019?)"
    )


def test_the_underlined_text_is_the_offending_text(cli):
    _, data = _json(cli, str(BROKEN / "INSP006_her_majesty_after_2022.md"))
    (d,) = [d for d in data["files"][0]["diagnostics"] if d["rule"] == "INSP006"]
    line = (
        (BROKEN / "INSP006_her_majesty_after_2022.md").read_text(encoding="utf-8").split("\n")[d["line"] - 1]
    )
    assert line[d["column"] - 1 : d["end_column"] - 1] == "Her"
    assert d["fix"] == {"replacement": "His", "description": "write 'His'"}


def test_clean_fixtures_have_no_errors_and_exit_0(cli):
    result, data = _json(cli, str(LETTERS))
    assert result.exit_code == 0
    assert data["summary"]["errors"] == 0
    assert data["summary"]["files"] == len(list(LETTERS.iterdir()))
    warnings = sorted(
        (f["path"].rsplit("/", 1)[1], d["rule"])
        for f in data["files"]
        for d in f["diagnostics"]
        if d["severity"] == "warning"
    )
    # Only warnings an editor agrees with: a republished copy lacks its head,
    # and the Kirklees letter really does date its visit on a Sunday.
    assert warnings == [
        ("hillford_focused_2018_republished.md", "STR004"),
        ("hillford_focused_2018_republished.md", "STR005"),
        ("hillford_focused_2018_republished.md", "STR006"),
        ("kirklees_monitoring_2017.md", "DATE005"),
    ]


def test_fail_on_warning_tightens_the_exit_code(cli):
    kirklees = str(LETTERS / "kirklees_monitoring_2017.md")
    assert cli("check", kirklees, "-f", "concise").exit_code == 0
    assert cli("check", kirklees, "-f", "concise", "--fail-on", "warning").exit_code == 1


def test_mixed_folder_reports_every_file_and_exits_2(cli, tmp_path):
    for name in ("kent_focused_2019.md",):
        (tmp_path / name).write_bytes((LETTERS / name).read_bytes())
    (tmp_path / "bad.md").write_bytes((BROKEN / "DATE001_dated_before_visit.md").read_bytes())
    (tmp_path / "binary.txt").write_bytes((OTHER / "binary.txt").read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 cut short")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04 not walked")
    result, data = _json(cli, str(tmp_path))
    assert result.exit_code == 2
    by_name = {f["path"].rsplit("/", 1)[1]: [d["rule"] for d in f["diagnostics"]] for f in data["files"]}
    assert by_name["bad.md"] == ["DATE001"]
    assert by_name["binary.txt"] == ["PARSE002"]
    assert by_name["notes.pdf"] == ["PARSE002"]  # walked by default: a damaged PDF
    assert by_name["kent_focused_2019.md"] == []  # a published letter: clean
    assert set(by_name) == {"bad.md", "binary.txt", "kent_focused_2019.md", "notes.pdf"}


def test_text_output_shows_source_underline_and_help(cli):
    result = cli("check", str(BROKEN / "DATE001_dated_before_visit.md"))
    out = result.stdout
    assert "error[DATE001]: letter is dated 11 January 2019, but the visit ended on 15 January 2019" in out
    assert "--> " in out and "DATE001_dated_before_visit.md:9:1" in out
    assert " 9 | 11 January 2019" in out
    assert "^^^^^^^^^^^^^^^" in out
    assert "= help: The letter is written after the visit" in out
    assert ["Files", "Clean", "Errors", "Warnings", "Infos"] in [line.split() for line in out.splitlines()]
    summary = [line.split() for line in out.splitlines() if line.strip()][-1]
    assert summary == ["1", "0", "1", "0", "0"]


def test_github_annotations(cli):
    result = cli("check", str(BROKEN / "CONS001_salutation_mismatch.md"), "--format", "github")
    (line,) = [text for text in result.stdout.splitlines() if "CONS001" in text]
    assert line.startswith("::error file=")
    assert ",line=13,col=1,endLine=13,endColumn=15,title=CONS001::" in line


def test_sarif_is_2_1_0_with_code_point_columns(cli):
    result = cli("check", str(BROKEN / "STR012_misspelt_heading.md"), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (item,) = [r for r in run["results"] if r["ruleId"] == "STR012"]
    region = item["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (27, 4, 12)
    assert item["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Overview"
    assert run["tool"]["driver"]["rules"][item["ruleIndex"]]["id"] == "STR012"


def test_sarif_has_the_shape_code_scanning_requires(cli):
    """A subset of the SARIF 2.1.0 schema: the fields GitHub code scanning reads."""
    import jsonschema

    schema = {
        "type": "object",
        "required": ["version", "runs"],
        "properties": {
            "runs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["tool", "results"],
                    "properties": {
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["message", "ruleId", "level", "locations"],
                                "properties": {"level": {"enum": ["none", "note", "warning", "error"]}},
                            },
                        }
                    },
                },
            }
        },
    }
    result = cli("check", str(BROKEN), "--format", "sarif")
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "lettercheck"
    assert len(run["results"]) >= len(BROKEN_EXPECTED)
    for item in run["results"]:
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith(".md")
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert item["message"]["text"]


def test_junit(cli):
    result = cli("check", str(BROKEN / "DRAFT001_placeholder.md"), "--format", "junit")
    root = ET.fromstring(result.stdout.split("?>", 1)[1])
    suite = root.find("testsuite")
    assert suite.get("failures") == "1"
    assert suite.find("testcase/failure").get("type") == "DRAFT001"


def test_baseline_round_trip(cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = cli("check", str(BROKEN), "-f", "concise", "--write-baseline", str(baseline))
    assert first.exit_code == 0  # written: recording problems is not failing on them
    assert f"baseline written to {baseline}" in first.stderr
    counts = json.loads(baseline.read_text())["files"]
    assert any(path.endswith("DRAFT001_placeholder.md") for path in counts)
    again = cli("check", str(BROKEN), "-f", "concise", "--baseline", str(baseline))
    assert again.exit_code == 0


def test_select_and_ignore_options(cli):
    result, data = _json(cli, str(BROKEN / "DRAFT001_placeholder.md"), "--select", "DATE")
    assert data["files"][0]["diagnostics"] == [] and result.exit_code == 0
    result, data = _json(cli, str(BROKEN / "DRAFT001_placeholder.md"), "--ignore", "draft")
    assert result.exit_code == 0


def test_bad_rule_directory_in_config_is_exit_2(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [house-rules]\n", encoding="utf-8")
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.yaml").write_text("rules:\n  - id: HOUSE001\n    category: nonsense\n", encoding="utf-8")
    (tmp_path / "letter.md").write_bytes((LETTERS / "kent_focused_2019.md").read_bytes())
    result = cli("check", str(tmp_path / "letter.md"))
    assert result.exit_code == 2
    assert "house.yaml:2:5: 'severity' is a required property" in result.stderr


def test_user_rule_from_config_runs(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [house-rules]\n", encoding="utf-8")
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "rules:\n  - id: HOUSE001\n    category: style\n    severity: error\n"
        "    message: \"say 'front door' without quotes\"\n    help: House style.\n"
        "    check: {kind: pattern, scope: opening, pattern: \"'front door'\"}\n",
        encoding="utf-8",
    )
    (tmp_path / "letter.md").write_bytes((LETTERS / "kent_focused_2019.md").read_bytes())
    result, data = _json(cli, str(tmp_path / "letter.md"))
    assert result.exit_code == 1
    assert [(d["rule"], d["line"]) for d in data["files"][0]["diagnostics"] if d["rule"] == "HOUSE001"] == [
        ("HOUSE001", 19)
    ]


def test_rules_and_explain(cli):
    listing = cli("rules", "--format", "json")
    ids = [r["id"] for r in json.loads(listing.stdout)]
    assert {"DATE001", "STR001", "INSP006", "ALIGN001", "DRAFT002", "STYLE001", "CONS001"} <= set(ids)
    dates = json.loads(cli("rules", "--category", "dates", "--format", "json").stdout)
    assert {r["category"] for r in dates} == {"dates"}
    explained = cli("explain", "DATE001")
    assert explained.exit_code == 0
    for text in ("DATE001", "What it does", "How to fix it", "Examples", "14 March 2023"):
        assert text in explained.stdout
    assert cli("explain", "DATE01").exit_code == 2
    parse = cli("explain", "PARSE002")
    assert parse.exit_code == 0 and "not text" in parse.stdout


def test_schema_command_prints_the_published_schema(cli):
    schema = json.loads(cli("schema").stdout)
    rule = schema["$defs"]["rule"]["properties"]
    assert rule["category"]["enum"][0] == "structure"  # parse is lettercheck's own
    assert "pattern" in rule["check"]["properties"]["kind"]["enum"]


def test_parallel_and_serial_runs_report_the_same_in_the_same_order(cli):
    serial = json.loads(cli("check", str(LETTERS), str(BROKEN), "-f", "json", "-j", "1").stdout)
    parallel = json.loads(cli("check", str(LETTERS), str(BROKEN), "-f", "json", "-j", "2").stdout)
    assert len(serial["files"]) == len(list(LETTERS.iterdir())) + len(list(BROKEN.iterdir()))
    assert parallel == serial


def test_fix_rewrites_files_in_their_own_encoding_and_line_endings(cli, tmp_path):
    heading = tmp_path / "heading.md"
    heading.write_bytes((BROKEN / "STR012_misspelt_heading.md").read_bytes())
    crlf = tmp_path / "westbury.txt"
    original = (LETTERS / "westbury_focused_2015_crlf.txt").read_bytes()
    crlf.write_bytes(
        original.replace(b"16 December 2015", b"16th December 2015").replace(
            b"Joanna Price **Her", b"Joanna Price **His"
        )
    )
    cp1252 = tmp_path / "eastmoor.txt"
    eastmoor = (LETTERS / "eastmoor_monitoring_2021_cp1252.txt").read_bytes()
    cp1252.write_bytes(eastmoor.replace(b"Dear Mr O\x92Neill", b"Dear Mr O\x92Neil"))
    result = cli("check", str(tmp_path), "--fix", "-f", "concise")
    assert result.exit_code == 0, result.stdout
    assert "fixed 4 problems" in result.stderr
    assert "## Overview\n" in heading.read_text(encoding="utf-8")
    assert crlf.read_bytes() == original  # ordinal and monarch fixed, CRLF kept
    assert cp1252.read_bytes() == eastmoor  # salutation fixed, still Windows-1252
    again = cli("check", str(tmp_path), "--fix", "-f", "concise")
    assert "fixed 0 problems" in again.stderr


def test_fix_refuses_standard_input(cli):
    result = cli("check", "-", "--fix", input="Dear Ms Murphy\n")
    assert result.exit_code == 2
    assert "cannot rewrite standard input" in result.stderr


def test_fix_skips_a_file_it_cannot_rewrite_and_fixes_the_others(cli, tmp_path):
    stray = tmp_path / "a_stray_byte.md"
    utf8 = "\nthe ‘front door’ – “as written”\n".encode()
    stray.write_bytes((BROKEN / "STR012_misspelt_heading.md").read_bytes() + utf8 + b"caf\xe9\n")
    good = tmp_path / "b_heading.md"
    good.write_bytes((BROKEN / "STR012_misspelt_heading.md").read_bytes())
    result = cli("check", str(tmp_path), "--fix", "-f", "concise")
    assert "a_stray_byte.md: fixes not written" in result.stderr
    assert "fixed 1 problem" in result.stderr
    assert "## Overveiw" in stray.read_bytes().decode("utf-8", errors="replace")
    assert "## Overview\n" in good.read_text(encoding="utf-8")
    assert "a_stray_byte.md:27:4: STR012" in result.stdout


@pytest.mark.parametrize("argv", [["check", "-f", "json"], ["check", "-f", "json", "--select", "DATE"]])
def test_a_bug_is_one_line_and_exit_2_never_a_traceback_or_a_verdict(monkeypatch, capsys, argv):
    """A crash outside any one letter (here: writing the JSON) must not exit
    1 (a verdict) with a traceback; LETTERCHECK_DEBUG=1 lets it through."""
    import sys

    from checker import cli
    from checker.output import formats

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(formats, "render_check_json", broken)
    monkeypatch.setattr(sys, "argv", ["lettercheck", *argv, str(LETTERS / "kent_focused_2019.md")])
    monkeypatch.delenv("LETTERCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("lettercheck: internal error: ValueError: boom (a bug in lettercheck")
        and err.count("\n") == 1
    )
    monkeypatch.setenv("LETTERCHECK_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main()
