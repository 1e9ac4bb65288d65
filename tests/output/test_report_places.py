"""`report --format markdown` and the rich view of a PDF letter name its
sections, recommendations and findings where they are printed (page and
line), as its problems are: the rebuilt text's line numbers are nowhere in
the PDF."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT

PDF = str(ROOT / "fixtures" / "pdf" / "medway_focused_2019.pdf")


def _letter(cli) -> dict:
    return json.loads(cli("report", PDF, "--format", "json").stdout)["letters"][0]


def _rows(markdown: str, title: str) -> list[list[str]]:
    table = markdown.split(f"## {title}\n", 1)[1].lstrip("\n").split("\n\n", 1)[0]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in table.splitlines()[2:]]


def test_markdown_names_places_in_the_pdf(cli):
    letter = _letter(cli)
    markdown = cli("report", PDF, "--format", "markdown").stdout
    sections = _rows(markdown, "Sections")
    assert [row[0] for row in sections] == [
        f"page {s['page']}, line {s['page_line']}" for s in letter["sections"]
    ]
    findings = {f["line"]: f"page {f['page']}, line {f['page_line']}" for f in letter["findings"]}
    rows = _rows(markdown, "Recommendations and their support")
    assert len(rows) == len(letter["recommendations"]) == 3
    for row, rec in zip(rows, letter["recommendations"], strict=True):
        assert row[0] == f"page {rec['page']}, line {rec['page_line']}"
        named = re.findall(r"(page \d+, line \d+) \(", row[2])
        assert named == [findings[line] for line in rec["supported_by"]]
    assert not re.search(r"\bline \d+ \(", re.sub(r"page \d+, line \d+ \(", "", markdown))


def test_rich_view_names_places_in_the_pdf(cli):
    letter = _letter(cli)
    shown = cli("report", PDF).stdout
    for section in letter["sections"]:
        assert re.search(
            rf"page {section['page']}, line {section['page_line']}\s+{section['heading'][:8]}", shown
        )
