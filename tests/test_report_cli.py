"""`lettercheck report`: the JSON contract, the other formats, bad input."""

from __future__ import annotations

import json

from tests.conftest import LETTERS, OTHER, letter_path

CONTRACT_FIELDS = {
    "path",
    "letter_type",
    "letter_date",
    "recipient",
    "salutation",
    "title",
    "local_authority",
    "visit_dates",
    "inspectors",
    "signatory",
    "sections",
    "recommendations",
    "findings",
    "closing",
    "sign_off",
}


def test_report_json_matches_the_contract(cli):
    result = cli("report", letter_path("hull_focused_2018.md"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1
    letter = data["letters"][0]
    assert set(letter) >= CONTRACT_FIELDS
    assert letter["letter_type"] == "focused_visit"
    assert letter["letter_date"] == "2018-03-01"
    assert letter["recipient"] == {
        "name": "Ms Alison Murphy",
        "job_title": "Director of Children's Services",
        "organisation": "Kingston upon Hull Council",
        "postcode": "HU1 2AA",
    }
    assert letter["salutation"] == "Dear Ms Murphy"
    assert letter["title"] == "Focused visit to Kingston upon Hull children's services"
    assert letter["local_authority"] == "Kingston upon Hull"
    assert letter["visit_dates"] == ["2018-02-06", "2018-02-07"]
    assert letter["inspectors"] == [
        {"name": "Graham Reiter", "role": "HMI", "role_text": "HMI"},
        {"name": "Matt Reed", "role": "HMI", "role_text": "HMI"},
    ]
    assert letter["signatory"] == {
        "name": "Graham Reiter",
        "role": "HMI",
        "role_text": "Her Majesty's Inspector",
    }
    assert letter["sections"][0] == {
        "heading": "Overview",
        "kind": "overview",
        "line": 19,
        "paragraphs": 1,
        "bullets": 0,
        "subheadings": [],
        "words": 160,
    }
    assert letter["layout"] == "overview format"
    assert [r["line"] for r in letter["recommendations"]] == [29, 30, 31, 32]
    assert all(r["supported_by"] for r in letter["recommendations"])
    assert letter["findings"][0]["line"] == 36
    assert letter["closing"].startswith("Ofsted will take the findings from this focused visit")
    assert letter["sign_off"] == "Yours sincerely"


def test_report_of_a_folder_lists_every_letter_in_order(cli):
    result = cli("report", str(LETTERS), "--format", "json")
    paths = [entry["path"] for entry in json.loads(result.stdout)["letters"]]
    assert paths == sorted(str(p) for p in LETTERS.iterdir())


def test_report_markdown_and_rich(cli):
    markdown = cli("report", letter_path("kent_focused_2019.md"), "--format", "markdown")
    assert markdown.exit_code == 0
    assert "| Local authority | Kent |" in markdown.stdout
    assert "| 42 | Findings | findings | 0 | 13 | 914 |" in markdown.stdout
    rich = cli("report", letter_path("kirklees_monitoring_2017.md"))
    assert rich.exit_code == 0
    for text in (
        "Monitoring visit of Kirklees children's services",
        "Rachel Holden",
        "Cath McEvoy",
        "Findings and evaluation of progress",
        "Areas covered",
    ):
        assert text in rich.stdout


def test_press_release_empty_and_binary_exit_2_with_one_parse_diagnostic(cli):
    for name, message in [
        ("hull_press_release.txt", "not an inspection letter"),
        ("empty.txt", "empty file"),
        ("binary.txt", "binary data"),
    ]:
        result = cli("report", str(OTHER / name), "--format", "json")
        assert result.exit_code == 2, name
        letter = json.loads(result.stdout)["letters"][0]
        assert letter["letter_type"] == "unknown"
        assert len(letter["diagnostics"]) == 1
        diagnostic = letter["diagnostics"][0]
        assert diagnostic["category"] == "parse" and message in diagnostic["message"]
        assert f"{name}:1:1:" in result.stderr


def test_report_reads_stdin(cli):
    text = (LETTERS / "bcp_focused_2023.md").read_text(encoding="utf-8")
    result = cli("report", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["letters"][0]["local_authority"] == "Bournemouth, Christchurch and Poole"


def test_missing_file_is_a_clear_error(cli, tmp_path):
    result = cli("report", str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert "missing.md:1:1: PARSE001 no such file" in result.stderr


def test_version(cli):
    from checker import __version__

    result = cli("--version")
    assert result.stdout.strip() == f"lettercheck {__version__}"


def test_report_html_is_one_escaped_page(cli, tmp_path):
    from tests.conftest import edited

    letter = tmp_path / "letter.md"
    letter.write_text(
        edited("kent_focused_2019.md", ("Dear Mr Dunkley,", "Dear Mr Dunkley <b>&</b>,")), encoding="utf-8"
    )
    result = cli("report", str(letter), str(OTHER / "hull_press_release.txt"), "--format", "html")
    page = result.stdout
    assert result.exit_code == 2  # the press release
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<td>Dear Mr Dunkley &lt;b&gt;&amp;&lt;/b&gt;</td>" in page
    assert "<td>42</td><td>Findings</td><td>findings</td>" in page
    assert "<b>PARSE003</b> line 1: not an inspection letter" in page
    assert page.count("<h2>Letter</h2>") == 1  # no model tables for the press release


def test_report_names_the_format_and_the_findings_subheadings(cli):
    from tests.conftest import FIXTURES

    result = cli("report", str(FIXTURES / "real" / "essex_focused_2025.txt"), "--format", "json")
    letter = json.loads(result.stdout)["letters"][0]
    assert letter["layout"] == "headline findings format"
    assert letter["sections"][2]["subheadings"] == [
        "Identifying and responding to children’s needs and appropriate thresholds"
    ]
    rich = cli("report", str(FIXTURES / "real" / "essex_focused_2025.txt"))
    assert "format: headline findings format" in rich.stdout
