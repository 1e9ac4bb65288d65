"""`rules` and `explain`: the configured rule packs, validated options, and
output that reads well on a terminal and whole when piped."""

from __future__ import annotations

import json

import pytest

from checker.checking.config import find_config

HOUSE_RULE = (
    "rules:\n  - id: HOUSE001\n    name: front-door-quotes\n    category: style\n    severity: warning\n"
    "    message: \"write front door without quotation marks: '{match}' (a deliberately long message so that "
    'a table at eighty columns would have to cut or wrap it)"\n'
    "    help: House style since 2024.\n"
    "    check: {kind: pattern, scope: body, pattern: \"'front door'\", ignore_case: true}\n"
)


@pytest.fixture()
def house(tmp_path, monkeypatch):
    """A folder whose configuration adds a rule pack; the tests run from inside it."""
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    find_config.cache_clear()
    yield tmp_path
    find_config.cache_clear()


def test_rules_lists_the_packs_of_the_nearest_configuration(cli, house, monkeypatch):
    monkeypatch.chdir(house)
    ids = [r["id"] for r in json.loads(cli("rules", "-f", "json").stdout)]
    assert "HOUSE001" in ids and "DATE001" in ids


def test_rules_and_explain_take_a_configuration(cli, house, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    config = str(house / ".lettercheck.yaml")
    assert "HOUSE001" not in cli("rules", "-f", "json").stdout
    listed = json.loads(cli("rules", "-f", "json", "--config", config).stdout)
    (house_rule,) = [r for r in listed if r["id"] == "HOUSE001"]
    assert house_rule["origin"].endswith("house.yaml:2")
    explained = cli("explain", "front-door-quotes", "--config", config)
    assert explained.exit_code == 0 and "# HOUSE001 (front-door-quotes)" in explained.stdout
    assert cli("explain", "HOUSE001").exit_code == 2  # not configured here


def test_a_broken_configured_pack_is_a_clear_error(cli, house, monkeypatch):
    (house / "house" / "house.yaml").write_text("rules:\n  - id: HOUSE001\n", encoding="utf-8")
    monkeypatch.chdir(house)
    result = cli("rules")
    assert result.exit_code == 2 and "house.yaml:2:5: 'category' is a required property" in result.stderr


def test_rules_rejects_unknown_formats_and_categories(cli):
    for args in (["-f", "yaml"], ["--category", "bogus"], ["--severity", "fatal"]):
        result = cli("rules", *args)
        assert result.exit_code == 2, args
        assert "is not one of" in result.stderr


def test_a_filter_no_rule_passes_says_so(cli):
    empty = cli("rules", "--category", "dates", "--severity", "info")
    assert (empty.exit_code, empty.stdout) == (0, "no rules of category dates and severity info\n")
    assert cli("rules", "--category", "dates", "--severity", "info", "-f", "json").stdout == "[]\n"


def test_piped_rules_output_is_neither_padded_nor_cut(cli, house, monkeypatch):
    monkeypatch.chdir(house)
    lines = cli("rules").stdout.splitlines()
    assert lines[0].split() == ["ID", "Name", "Category", "Severity", "Reports"]
    (house_line,) = [line for line in lines if line.startswith("HOUSE001")]
    assert house_line.endswith("a table at eighty columns would have to cut or wrap it)")
    assert not any(line != line.rstrip() for line in lines)
    columns = lines[0].index("Reports")
    assert all(line[columns - 2 : columns] == "  " for line in lines[1:])


def _rules_on_a_terminal(monkeypatch, columns: int) -> list[str]:
    """What `rules` shows on a terminal `columns` wide."""
    import io
    import sys

    from rich.console import Console

    from checker.cli import rules_command

    screen = io.StringIO()
    monkeypatch.setattr(sys, "stdout", type("Terminal", (io.StringIO,), {"isatty": lambda self: True})())
    monkeypatch.setattr(
        rules_command, "console", lambda: Console(file=screen, width=columns, color_system=None)
    )
    rules_command.run_rules(None, None, "table", None)
    return screen.getvalue().splitlines()


def test_rules_on_a_narrow_terminal_keeps_ids_whole_and_wraps_what_they_report(monkeypatch):
    """At 50 columns a table would cut the IDs ('DAT…') and squeeze the
    Reports column out: each rule gets its own line instead."""
    lines = _rules_on_a_terminal(monkeypatch, 50)
    assert all(len(line) <= 50 for line in lines)
    assert "DATE002  error  impossible-date (dates)" in lines
    reports = lines[lines.index("DATE002  error  impossible-date (dates)") + 1]
    assert reports.strip() == "'{date}' is not a real date ({problem})"
    assert not any("…" in line for line in lines)


def test_rules_on_a_wide_terminal_is_a_table(monkeypatch):
    lines = _rules_on_a_terminal(monkeypatch, 160)
    assert any(line.startswith("┃ ID") and "Reports" in line for line in lines)
    assert any("│ DATE002  │ impossible-date" in line for line in lines)


def test_explain_accepts_names_and_any_case_and_suggests(cli):
    for written in ("DATE008", "date008", "date-style", " Date-Style "):
        assert cli("explain", written).stdout.startswith("# DATE008 (date-style)"), written
    assert cli("explain", "not-text").stdout.startswith("# PARSE002 (not-text)")
    assert cli("explain", "parse003").stdout.startswith("# PARSE003 (not-a-letter)")
    missing = cli("explain", "date-styel")
    assert missing.exit_code == 2 and "did you mean date-style" in missing.stderr


def test_explain_check_section_reads_as_prose(cli):
    out = cli("explain", "STYLE002").stdout
    check = out.split("## Check")[1].split("##")[0]
    assert "Checked by the `substitution` check kind with these parameters:" in check
    assert "- **swap**: `whilst` → `while`; `amongst` → `among`" in check
    assert "{'" not in check and "':" not in check  # no Python dict
    assert "`params = {STYLE002 = {swap = ...}}`" in check
    none = cli("explain", "CONS001").stdout.split("## Check")[1]
    assert "check kind, which takes no parameters here" in none


def test_piped_explain_is_the_markdown_itself(cli):
    out = cli("explain", "DATE001").stdout
    assert out.startswith("# DATE001 (letter-before-visit-end)\n")
    assert "\n## How to fix it\n" in out and "```diff" in out
