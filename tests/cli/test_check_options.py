"""`check`'s options, to the conventions ruff users know (issue 14)."""

from __future__ import annotations

import json
import os

import pytest

from checker.checking.config import find_config
from tests.conftest import BROKEN, OTHER, edited

HEADING = BROKEN / "STR012_misspelt_heading.md"  # STR012 at 27:4, fixable: '## Overveiw' -> '## Overview'


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    find_config.cache_clear()  # tests write configurations; a real run is one process
    yield
    find_config.cache_clear()


def _concise(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": " in line and "[" in line]


def test_diff_shows_what_fix_would_change_and_writes_nothing(cli, tmp_path):
    letter = tmp_path / "heading.md"
    letter.write_bytes(HEADING.read_bytes())
    result = cli("check", str(letter), "--diff")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [f"--- {letter}", f"+++ {letter}"]
    assert "-## Overveiw\n+## Overview\n" in result.stdout
    assert "would fix 1 problem in 1 file" in result.stderr
    assert letter.read_bytes() == HEADING.read_bytes()
    nothing_to_fix = cli("check", str(BROKEN / "DATE001_dated_before_visit.md"), "--diff")  # an error, no fix
    assert (nothing_to_fix.exit_code, nothing_to_fix.stdout) == (0, "")


def test_diff_reads_standard_input(cli):
    result = cli("check", "-", "--diff", input=HEADING.read_text(encoding="utf-8"))
    assert result.exit_code == 1 and "+## Overview" in result.stdout


def test_show_fixes_lists_what_fix_mended(cli, tmp_path):
    letter = tmp_path / "heading.md"
    letter.write_bytes(HEADING.read_bytes())
    result = cli("check", str(letter), "--fix", "--show-fixes", "-f", "concise")
    assert result.exit_code == 0
    assert f"Fixed 1 problem:\n- {letter}:\n    1 × STR012\n" in result.stderr
    assert "## Overview\n" in letter.read_text(encoding="utf-8")


def test_exit_zero_keeps_exit_2_for_unreadable_input(cli):
    assert cli("check", str(BROKEN), "--exit-zero", "-f", "concise").exit_code == 0
    assert cli("check", str(OTHER / "binary.txt"), "--exit-zero", "-f", "concise").exit_code == 2


def test_output_file_gets_the_whole_report_and_stdout_nothing(cli, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old report", encoding="utf-8")
    os.chmod(target, 0o640)
    result = cli("check", str(BROKEN), "-f", "json", "--output-file", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == len(list(BROKEN.iterdir()))
    assert os.stat(target).st_mode & 0o777 == 0o640  # replaced in place, its mode kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left
    text = tmp_path / "out.txt"
    cli("check", str(HEADING), "-o", str(text))
    written = text.read_text(encoding="utf-8")
    assert "error[STR012]" in written and "\x1b[" not in written  # plain text, no colour codes


def test_output_file_in_a_missing_folder_is_a_clear_error(cli, tmp_path):
    result = cli("check", str(HEADING), "-f", "json", "-o", str(tmp_path / "nowhere" / "out.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lettercheck: error: {tmp_path / 'nowhere' / 'out.json'}: cannot write")


def test_quiet_prints_problems_and_nothing_else(cli, tmp_path):
    concise = cli("check", str(BROKEN), "-f", "concise", "-q")
    assert not any(line.startswith("Found ") for line in concise.stdout.splitlines())
    assert len(concise.stdout.splitlines()) == len(_concise(concise)) > 0
    text = cli("check", str(HEADING), "-q").stdout
    assert "error[STR012]" in text and "Files" not in text and "--fix" not in text
    letter = tmp_path / "heading.md"
    letter.write_bytes(HEADING.read_bytes())
    assert "fixed" not in cli("check", str(letter), "--fix", "-q", "-f", "concise").stderr


def test_statistics_with_text_and_concise_print_only_the_table(cli):
    for fmt in ("text", "concise"):
        result = cli("check", str(BROKEN), "-f", fmt, "--statistics")
        lines = result.stdout.splitlines()
        assert result.exit_code == 1
        assert not any("-->" in line or "Found " in line or "letter is dated" in line for line in lines), fmt
        assert ["2", "DATE001", "error", "letter-before-visit-end"] in [line.split() for line in lines]
        assert any(line.split()[1:4] == ["STR012", "error", "[*]"] for line in lines)  # fixable
    github = cli("check", str(BROKEN), "-f", "github", "--statistics").stdout.splitlines()
    assert any(line.startswith("::error ") for line in github)
    assert any(line.split()[1:3] == ["DATE001", "error"] for line in github if not line.startswith("::"))


def test_select_takes_comma_lists_names_and_any_case(cli):
    def rules(*args):
        result = cli("check", str(BROKEN), "-f", "json", *args)
        assert result.exit_code in (0, 1), result.stderr
        return {d["rule"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]}

    assert rules("--select", "DATE001,placeholder") == {"DATE001", "DRAFT001"}
    assert rules("--select", "date001", "--select", "Placeholder") == {"DATE001", "DRAFT001"}
    assert rules("--select", "date") == rules("--select", "DATE") != set()
    assert rules("--select", "Dates") == rules("--select", "dates")
    assert "DATE001" not in rules("--ignore", "letter-before-visit-end,style")
    result = cli("check", str(BROKEN), "--select", "DATE001,no-such-rule")
    assert result.exit_code == 2 and "'no-such-rule' (--select) matches no rule" in result.stderr


def test_extend_select_adds_to_the_configured_selection(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("select: [dates]\n", encoding="utf-8")
    letter = tmp_path / "DRAFT001_placeholder.md"
    letter.write_bytes((BROKEN / "DRAFT001_placeholder.md").read_bytes())
    plain = json.loads(cli("check", str(letter), "-f", "json").stdout)
    assert "DRAFT001" not in {d["rule"] for d in plain["files"][0]["diagnostics"]}
    extended = json.loads(cli("check", str(letter), "-f", "json", "--extend-select", "draft001").stdout)
    assert "DRAFT001" in {d["rule"] for d in extended["files"][0]["diagnostics"]}


def test_configuration_accepts_rule_names(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text(
        "ignore: [placeholder]\nseverity: {repeated-word: warning}\nparams: {letter-long-after-visit: {offset_days: 10}}\n",
        encoding="utf-8",
    )
    letter = tmp_path / "letter.md"
    repeated = edited("bcp_focused_2023.md", ("Most children in need", "Most most children in need"))
    letter.write_text(repeated.replace("Daniel", "[INSERT NAME] Daniel", 1), encoding="utf-8")
    found = json.loads(cli("check", str(letter), "-f", "json").stdout)["files"][0]["diagnostics"]
    by_rule = {d["rule"]: d for d in found}
    assert "DRAFT001" not in by_rule
    assert by_rule["DRAFT002"]["severity"] == "warning"
    assert "(more than 10)" in by_rule["DATE007"]["message"]


def test_stdin_filename_names_the_input_and_picks_its_configuration(cli, tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / ".lettercheck.yaml").write_text("per_file_ignores: {'old/*': [DRAFT001]}\n", encoding="utf-8")
    text = (BROKEN / "DRAFT001_placeholder.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    named = cli("check", "--stdin-filename", "archive/new/draft.md", "-f", "concise", input=text)
    assert named.exit_code == 1
    assert named.stdout.startswith("archive/new/draft.md:18:183: DRAFT001")
    ignored = cli("check", "-", "--stdin-filename", "archive/old/draft.md", "-f", "concise", input=text)
    assert ignored.exit_code == 0 and "DRAFT001" not in ignored.stdout


def test_stdin_filename_with_paths_and_no_dash_says_it_is_ignored(cli):
    result = cli("check", str(HEADING), "--stdin-filename", "draft.md", "-f", "concise")
    assert result.stderr.startswith("lettercheck: warning: --stdin-filename is ignored:")
    assert result.stdout.startswith(f"{HEADING}:27:4: STR012")
    assert result.exit_code == 1


def test_show_settings_says_what_applies_to_a_file(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text(
        "rule_dirs: [house]\nignore: [STYLE003]\nper_file_ignores: {'drafts/*': [DRAFT001]}\n",
        encoding="utf-8",
    )
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(
        "rules:\n  - id: HOUSE001\n    name: front-door\n    category: style\n    severity: warning\n"
        "    message: m\n    help: h\n    check: {kind: pattern, pattern: 'x'}\n",
        encoding="utf-8",
    )
    target = tmp_path / "drafts" / "a.md"
    result = cli("check", "--show-settings", str(target))
    assert result.exit_code == 0
    out = result.stdout
    assert f"Configuration: {tmp_path / '.lettercheck.yaml'}" in out
    assert "per_file_ignores_here = DRAFT001" in out and "ignore = STYLE003" in out
    assert f"  {tmp_path / 'house'}\n    house.yaml" in out
    listed = [line.split()[0] for line in out.split("Rules that apply")[1].splitlines()[1:]]
    assert (
        "HOUSE001" in listed and "DRAFT001" not in listed and "STYLE003" not in listed and "DATE001" in listed
    )
    data = json.loads(cli("check", "--show-settings", str(target), "-f", "json").stdout)
    assert data["settings"]["per_file_ignores_here"] == ["DRAFT001"]


def test_show_settings_shows_the_configured_parameters(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("params:\n  DATE007: {offset_days: 90}\n", encoding="utf-8")
    result = cli("check", "--show-settings", str(tmp_path / "a.md"))
    assert result.exit_code == 0 and "params = DATE007: offset_days: 90" in result.stdout
    data = json.loads(cli("check", "--show-settings", str(tmp_path / "a.md"), "-f", "json").stdout)
    assert data["settings"]["params"] == {"DATE007": {"offset_days": 90}}


def test_no_paths_is_a_clear_usage_error(cli):
    result = cli("check")
    assert result.exit_code == 2 and "no letters to check" in result.stderr


def test_help_groups_options_with_clean_metavars_and_examples(cli):
    out = cli("check", "--help").stdout
    for heading in ("Output:", "Rule selection:", "Fixes:", "Configuration and baseline:", "Examples:"):
        assert heading in out
    assert "Usage: lettercheck check [OPTIONS] [PATH...]" in out
    assert "<list[str]>" not in out and "{paths}" not in out and "<str>" not in out
    assert "--select RULES" in out and "--output-file FILE" in out
    for command in ("rules", "explain", "schema"):
        assert "Examples:" in cli(command, "--help").stdout


@pytest.mark.parametrize("columns", ["80", "40"])
def test_root_help_lists_every_command_with_its_whole_summary(cli, monkeypatch, columns):
    from checker.cli.commands import app

    monkeypatch.setenv("COLUMNS", columns)
    out = cli("--help").stdout
    listing = " ".join(out.split("Commands:")[1].split("Examples:")[0].split())
    assert "..." not in listing  # click cuts a long docstring short; each command has a summary instead
    for command in app.registered_commands:
        assert f"{command.callback.__name__} {command.short_help}" in listing


def test_jobs_help_says_what_zero_means(cli):
    words = " ".join(cli("check", "--help").stdout.split())
    assert "0 (the default) is one per core" in words


def test_help_wraps_at_word_boundaries_on_a_narrow_terminal(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("check", "--help").stdout
    body = out.split("Examples:")[0]  # examples are commands: never broken
    assert max(len(line) for line in body.splitlines()) <= 40
    words = " ".join(body.split())
    assert "Show what --fix would change as a unified diff" in words  # no word cut in two


def test_bad_values_are_worded_plainly(cli):
    jobs = cli("check", "x.md", "--jobs", "many")
    assert jobs.exit_code == 2 and "'--jobs' / '-j': not a whole number" in jobs.stderr
    fmt = cli("check", "x.md", "--format", "yaml")
    assert fmt.exit_code == 2 and "'yaml' is not one of" in fmt.stderr
    for result in (jobs, fmt):
        assert "Value error" not in result.stderr and "Input should" not in result.stderr


@pytest.fixture()
def project(tmp_path):
    """A letters folder whose configuration excludes the README and an archive."""
    clean = (BROKEN.parent / "letters" / "hull_focused_2018.md").read_bytes()
    (tmp_path / ".lettercheck.yaml").write_text(
        'exclude: ["README.md", "letters/archive/*"]\n', encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("# Our letters\n\nNot a letter.\n", encoding="utf-8")
    archive = tmp_path / "letters" / "archive"
    archive.mkdir(parents=True)
    (tmp_path / "letters" / "hull.md").write_bytes(clean)
    (archive / "old.md").write_bytes(HEADING.read_bytes())
    return tmp_path


def test_exclude_applies_relative_to_the_configuration_when_a_subfolder_is_walked(cli, project):
    result = cli("check", str(project / "letters"), "--format", "concise")
    assert result.exit_code == 0, result.stdout + result.stderr
    walked = cli("check", str(project), "--format", "concise")  # the README and the archive are skipped
    assert walked.exit_code == 0, walked.stdout + walked.stderr


def test_a_file_named_is_checked_unless_force_exclude(cli, project):
    readme, old = str(project / "README.md"), str(project / "letters" / "archive" / "old.md")
    named = cli("check", readme, old, "--format", "concise")
    assert named.exit_code == 2  # the README is no letter; the archived letter has an error
    assert f"{readme}:1:3: PARSE003" in named.stdout and f"{old}:27:4: STR012" in named.stdout
    forced = cli(
        "check", readme, old, str(project / "letters" / "hull.md"), "--force-exclude", "-f", "concise"
    )
    assert (forced.exit_code, forced.stdout) == (0, "Found 0 errors, 0 warnings, 0 infos in 1 file.\n")


def test_show_settings_and_the_walk_agree_on_what_is_excluded(cli, project):
    settings = cli("check", "--show-settings", str(project / "letters" / "archive" / "old.md"), "-f", "json")
    assert json.loads(settings.stdout)["walked_by_folder_checks"] is False
    settings = cli("check", "--show-settings", str(project / "letters" / "hull.md"), "-f", "json")
    assert json.loads(settings.stdout)["walked_by_folder_checks"] is True


def test_a_walk_skips_the_repository_documents_but_not_other_non_letters(cli, tmp_path):
    """A letters repository has a README and a LICENCE beside its letters: `check .`
    (the GitHub action's default) must not fail on them; other text still gets PARSE003."""
    clean = (BROKEN.parent / "letters" / "hull_focused_2018.md").read_bytes()
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "hull.md").write_bytes(clean)
    for name in ("README.md", "CHANGELOG.md", "LICENCE.txt", "letters/readme.MD", "Code-of-Conduct.md"):
        (tmp_path / name).write_text("# About this repository\n\nNot a letter.\n", encoding="utf-8")
    walked = cli("check", str(tmp_path), "--format", "concise")
    assert (walked.exit_code, walked.stdout) == (0, "Found 0 errors, 0 warnings, 0 infos in 1 file.\n")

    (tmp_path / "letters" / "notes.md").write_text("Notes for the visit.\n", encoding="utf-8")
    walked = cli("check", str(tmp_path), "--format", "concise")
    assert walked.exit_code == 2 and "notes.md:1:1: PARSE003" in walked.stdout
    assert "README" not in walked.stdout and "in 2 files" in walked.stdout

    readme = str(tmp_path / "README.md")
    named = cli("check", readme, "--format", "concise")  # named, it is read: and it is no letter
    assert named.exit_code == 2 and f"{readme}:1:3: PARSE003" in named.stdout
    forced = cli("check", readme, "--force-exclude", "--format", "concise")  # as pre-commit names it
    assert forced.exit_code == 0
    assert (
        forced.stderr
        == "lettercheck: warning: nothing to check: every file named is excluded (--force-exclude)\n"
    )
    settings = cli("check", "--show-settings", readme, "-f", "json")
    assert json.loads(settings.stdout)["walked_by_folder_checks"] is False


def test_rules_help_names_the_categories_and_severities_it_filters_on(cli):
    from checker.diagnostics import CATEGORIES, SEVERITIES

    words = " ".join(cli("rules", "--help").stdout.split())
    assert all(name in words.split("--severity")[0].split("--category")[1] for name in CATEGORIES)
    assert "Only this severity: " + ", ".join(SEVERITIES[:-1]) + " or " + SEVERITIES[-1] in words
