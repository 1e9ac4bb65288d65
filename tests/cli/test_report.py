"""`lettercheck report`: the JSON contract, the other formats, bad input."""

from __future__ import annotations

import json
import re

from tests.conftest import BROKEN, LETTERS, OTHER, edited, letter_path

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


def test_report_json_carries_every_diagnostic_and_the_areas_map(cli):
    for path in (letter_path("kirklees_monitoring_2017.md"), str(BROKEN / "ALIGN002_area_not_evaluated.md")):
        report = json.loads(cli("report", path, "--format", "json").stdout)["letters"][0]
        checked = json.loads(cli("check", path, "--format", "json").stdout)["files"][0]
        assert report["diagnostics"] == checked["diagnostics"] and report["diagnostics"]
        assert report["summary"]["warnings"] == sum(
            d["severity"] == "warning" for d in checked["diagnostics"]
        )
        assert [a["line"] for a in report["areas"]] == [19, 20, 21, 22, 23, 24]
        unevaluated = [a["text"] for a in report["areas"] if not a["evaluated_by"]]
        flagged = [d["line"] for d in checked["diagnostics"] if d["rule"] == "ALIGN002"]
        assert [a["line"] for a in report["areas"] if not a["evaluated_by"]] == flagged
        for area in report["areas"]:
            assert area["evaluated_by"] == [e["line"] for e in area["evidence"]]
            assert set(area["evaluated_by"]) <= {f["line"] for f in report["findings"]}
    assert unevaluated == ["application of thresholds"]
    focused = json.loads(cli("report", letter_path("hull_focused_2018.md"), "--format", "json").stdout)
    assert focused["letters"][0]["areas"] == []


def test_report_alignment_follows_the_configured_rule_parameters(cli, tmp_path):
    """The map and ALIGN001 use the same thresholds, from the user's config."""
    (tmp_path / ".lettercheck.yaml").write_text("params: {ALIGN001: {threshold: 0.3}}\n", encoding="utf-8")
    letter = tmp_path / "hull.md"
    letter.write_text((LETTERS / "hull_focused_2018.md").read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(cli("report", str(letter), "--format", "json").stdout)["letters"][0]
    flagged = {d["line"] for d in data["diagnostics"] if d["rule"] == "ALIGN001"}
    unsupported = {r["line"] for r in data["recommendations"] if not r["supported_by"]}
    assert flagged == unsupported and unsupported  # stricter than the default, which supports all four
    assert all(s["score"] >= 0.3 for r in data["recommendations"] for s in r["support"])


def test_report_select_and_config_errors(cli, tmp_path):
    data = json.loads(
        cli(
            "report", str(BROKEN / "DATE009_previous_visit_after.md"), "--format", "json", "--select", "DATE"
        ).stdout
    )
    assert {d["rule"] for d in data["letters"][0]["diagnostics"]} == {"DATE005", "DATE009"}
    result = cli("report", letter_path("hull_focused_2018.md"), "--select", "NOPE")
    assert result.exit_code == 2 and "'NOPE'" in result.stderr and "Traceback" not in result.stderr


def test_report_markdown_shows_full_recommendations_and_the_areas_map(cli):
    hull = cli("report", letter_path("hull_focused_2018.md"), "--format", "markdown").stdout
    data = json.loads(cli("report", letter_path("hull_focused_2018.md"), "--format", "json").stdout)[
        "letters"
    ][0]
    rows = [line for line in hull.splitlines() if re.match(r"\| (29|30|31|32) \|", line)]
    assert len(rows) == 4
    for row, rec in zip(rows, data["recommendations"], strict=True):
        assert rec["text"] in row.replace("\\", "")  # the whole text, not cut at 90
        assert all(f"line {line} (" in row for line in rec["supported_by"])
    kirklees = cli("report", str(BROKEN / "ALIGN002_area_not_evaluated.md"), "--format", "markdown").stdout
    assert "## Areas covered and the findings that evaluate them" in kirklees
    assert "| 23 | application of thresholds | **not evaluated** |" in kirklees
    assert "· monitoring visit · 1 error, 1 warning, 0 info\n" in kirklees  # counted in English
    assert "| 13:96 | warning | DATE005 | the visit is dated Sunday 8 October 2017, a weekend |" in kirklees


def test_report_markdown_escapes_raw_html_and_markup(cli, tmp_path):
    letter = tmp_path / "letter.md"
    letter.write_text(
        edited(
            "kent_focused_2019.md",
            ("Dear Mr Dunkley,", "Dear Mr Dunkley <script>alert(1)</script>,"),
            (
                "Focused visit to Kent",
                "Focused visit to Kent <img src=x onerror=alert(2)> [x](javascript:alert(3)) a|b",
            ),
        ),
        encoding="utf-8",
    )
    out = cli("report", str(letter), "--format", "markdown").stdout
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;img src=x onerror=alert(2)&gt;" in out
    assert "\\[x\\](javascript:alert(3))" in out  # not a link
    title_row = next(line for line in out.splitlines() if line.startswith("| Title |"))
    assert len(re.findall(r"(?<!\\)\|", title_row)) == 3  # the letter's '|' does not add a column


def test_rich_report_prints_markup_in_a_letter_as_text(cli, tmp_path):
    letter = tmp_path / "letter.md"
    letter.write_text(
        edited("kent_focused_2019.md", ("Dear Mr Dunkley,", "Dear Mr Dunkley [/bold] [red],")),
        encoding="utf-8",
    )
    result = cli("report", str(letter))
    assert result.exit_code == 0
    assert "Dear Mr Dunkley [/bold] [red]" in result.stdout


def test_report_output_file(cli, tmp_path):
    target = tmp_path / "report.json"
    result = cli("report", letter_path("hull_focused_2018.md"), "--format", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert (
        json.loads(target.read_text(encoding="utf-8"))["letters"][0]["local_authority"]
        == "Kingston upon Hull"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    text = tmp_path / "report.txt"
    assert cli("report", letter_path("hull_focused_2018.md"), "-o", str(text)).exit_code == 0
    assert "Graham Reiter" in text.read_text(encoding="utf-8") and "\x1b[" not in text.read_text(
        encoding="utf-8"
    )
    missing = tmp_path / "no" / "such" / "page.html"
    result = cli("report", letter_path("hull_focused_2018.md"), "--format", "html", "-o", str(missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lettercheck: error: {missing}: cannot write the report")


def test_a_bug_while_rendering_is_one_line_and_exit_2(cli, monkeypatch):
    from checker.output import html_report

    def broken(results):
        raise KeyError("severity")

    monkeypatch.setattr(html_report, "render_document", broken)
    result = cli("report", letter_path("hull_focused_2018.md"), "--format", "html")
    assert result.exit_code == 2
    assert result.stderr == (
        "lettercheck: error: internal error while writing the report: KeyError: 'severity' (please report it)\n"
    )


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


def _reader_leaves_early(*args: str) -> tuple[int, str]:
    """Run lettercheck with its output read by a reader that stops after a few
    bytes and closes the pipe, as `| head -1` does; the exit code and stderr."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    return process.wait(timeout=60), stderr


def test_a_reader_that_stops_early_gets_no_internal_error():
    # `report -f json | head` used to print "internal error ... BrokenPipeError"
    # and exit 2, which looks like an unreadable letter
    for command in (["report", "--format", "json"], ["report", "--format", "markdown"], ["check"]):
        code, stderr = _reader_leaves_early(*command, str(LETTERS))
        assert "Error" not in stderr and "Traceback" not in stderr, (command, stderr)
        assert code in (0, 1), (command, code)


# -- the HTML pack: written whole, or the folder left as it was --------------------


def _pack_run(folder, *letters, epoch: str, limit: int | None = None):
    """`lettercheck report LETTERS --format html -o FOLDER` in a process of its
    own, its file size limited to `limit` bytes (`ulimit -f`: a disk that fills up)."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    def limit_file_size():
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "report",
            *map(str, letters),
            "--format",
            "html",
            "-o",
            str(folder),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
        preexec_fn=limit_file_size if limit else None,
    )


def _contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_pack_that_cannot_be_written_whole_leaves_the_previous_one_untouched(tmp_path):
    folder = tmp_path / "qa"
    hull, kent = letter_path("hull_focused_2018.md"), letter_path("kent_focused_2019.md")
    first = _pack_run(folder, hull, kent, epoch="1700000000")
    assert first.returncode == 0, first.stderr
    before = _contents(folder)
    assert sorted(before) == ["hull_focused_2018.html", "index.html", "kent_focused_2019.html", "pack.html"]
    long = tmp_path / "long.md"  # a letter whose page is larger than the disk has room for
    text = (LETTERS / "kent_focused_2019.md").read_text(encoding="utf-8")
    long.write_text(text + "\nInspectors also found that plans are not yet consistently clear.\n" * 400)
    limit = 100_000
    assert max(len(page) for name, page in before.items() if name != "pack.html") < limit
    second = _pack_run(folder, hull, kent, long, epoch="1800000000", limit=limit)
    assert second.returncode == 2
    assert second.stderr == (
        f"lettercheck: error: {folder / 'long.html'}: cannot write the report: "
        f"File too large; nothing in {folder} was changed\n"
    )
    assert _contents(folder) == before  # the old pack, every byte, and no temporary file left


def test_a_read_only_page_stops_the_pack_before_anything_is_replaced(cli, tmp_path, monkeypatch):
    folder = tmp_path / "qa"
    hull, kent = letter_path("hull_focused_2018.md"), letter_path("kent_focused_2019.md")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert cli("report", hull, kent, "--format", "html", "-o", str(folder)).exit_code == 0
    (folder / "kent_focused_2019.html").chmod(0o444)
    before = _contents(folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    result = cli("report", hull, kent, "--format", "html", "-o", str(folder))
    assert result.exit_code == 2
    assert result.stderr == (
        f"lettercheck: error: {folder / 'kent_focused_2019.html'}: cannot write the report: "
        f"the file is read-only; nothing in {folder} was changed\n"
    )
    assert _contents(folder) == before


def test_a_pack_cut_short_while_renaming_leaves_no_index_to_old_pages(cli, tmp_path, monkeypatch):
    """Once pages are being replaced, the old index is gone: it would link a
    mix of old and new pages as if they were one report."""
    import os

    from checker.output import pack_files

    folder = tmp_path / "qa"
    hull, kent = letter_path("hull_focused_2018.md"), letter_path("kent_focused_2019.md")
    assert cli("report", hull, kent, "--format", "html", "-o", str(folder)).exit_code == 0
    renamed, rename = [], os.replace

    def replace_then_fail(source, target):
        if renamed:
            raise OSError(5, "Input/output error")
        renamed.append(target)
        rename(source, target)

    monkeypatch.setattr(pack_files.os, "replace", replace_then_fail)
    result = cli("report", hull, kent, "--format", "html", "-o", str(folder))
    assert result.exit_code == 2
    assert result.stderr == (
        f"lettercheck: error: {folder / 'kent_focused_2019.html'}: cannot write the report: Input/output error; "
        f"{folder} now holds only part of this report, and no index: write it again\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["hull_focused_2018.html", "kent_focused_2019.html"]


def test_a_pack_of_one_letter_removes_the_print_document_of_an_older_pack(cli, tmp_path):
    folder = tmp_path / "qa"
    hull, kent = letter_path("hull_focused_2018.md"), letter_path("kent_focused_2019.md")
    assert cli("report", hull, kent, "--format", "html", "-o", str(folder)).exit_code == 0
    assert (folder / "pack.html").exists()
    assert cli("report", kent, "--format", "html", "-o", str(folder)).exit_code == 0
    assert not (folder / "pack.html").exists()  # it held the older letters
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "kent_focused_2019.html" in index and "hull_focused_2018.html" not in index
