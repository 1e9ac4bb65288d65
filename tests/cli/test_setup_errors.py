"""Every mistake in a baseline or a configuration is one clear line naming the
file (and line), exit code 2 — never a traceback, never exit 1 (which says
"problems found")."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from checker.checking.config import find_config
from tests.conftest import BROKEN, LETTERS

LETTER = LETTERS / "kent_focused_2019.md"


def _one_error_line(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lettercheck: error: "), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0].removeprefix("lettercheck: error: ")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("[1, 2, 3]", 1, "a baseline is an object"),
        ('{"files": []}', 1, "a baseline is an object"),
        ('{\n  "version": 9,\n  "files": {}\n}', 2, "unknown baseline version 9"),
        (
            '{\n  "version": 2,\n  "files": {\n    "a.md": {"DATE001": "3"}\n  }\n}',
            4,
            "'a.md' must map rule IDs",
        ),
        ('{"version": 2, "files": {"a.md": {"DATE001": -1}}}', 1, "'a.md' must map rule IDs"),
        ('{"version": 2,\n "files": {', 2, "not JSON"),
    ],
)
def test_a_baseline_of_the_wrong_shape(cli, tmp_path, content, line, message):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    error = _one_error_line(cli("check", str(LETTER), "--baseline", str(baseline)))
    assert error.startswith(f"{baseline}:{line}: ")
    assert message in error


def test_write_baseline_into_a_missing_folder_fails_before_any_work(cli, tmp_path):
    target = tmp_path / "no" / "such" / "baseline.json"
    error = _one_error_line(cli("check", str(BROKEN), "--write-baseline", str(target)))
    assert error == f"{target}: cannot write baseline: the folder {target.parent} does not exist"
    assert not (tmp_path / "no").exists()


def test_baseline_entries_are_keyed_relative_to_the_baseline_file(cli, tmp_path, monkeypatch):
    """Written from one folder as `./letters/x.md`, read from another as an
    absolute path: the same file, so no problem is new."""
    letters = tmp_path / "repo" / "letters"
    letters.mkdir(parents=True)
    shutil.copy(BROKEN / "DRAFT001_placeholder.md", letters / "x.md")
    baseline = tmp_path / "repo" / "baseline.json"
    monkeypatch.chdir(tmp_path / "repo")
    first = cli("check", "./letters/x.md", "-f", "concise", "--write-baseline", "baseline.json")
    assert first.exit_code == 0  # written: the problems are now the baseline
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert written["version"] == 2 and list(written["files"]) == ["letters/x.md"]
    monkeypatch.chdir(letters)
    again = cli("check", str(letters / "x.md"), "-f", "concise", "--baseline", str(baseline))
    assert again.exit_code == 0, again.stdout
    from_here = cli("check", "x.md", "-f", "concise", "--baseline", "../baseline.json")
    assert from_here.exit_code == 0, from_here.stdout


def test_a_version_1_baseline_is_read_from_the_current_folder(cli, tmp_path, monkeypatch):
    shutil.copy(BROKEN / "DRAFT001_placeholder.md", tmp_path / "x.md")
    (tmp_path / "old").mkdir()
    baseline = tmp_path / "old" / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "files": {"./x.md": {"DRAFT001": 1}}}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "x.md", "--baseline", str(baseline)).exit_code == 0


@pytest.fixture()
def project(tmp_path):
    shutil.copy(LETTER, tmp_path / "letter.md")
    find_config.cache_clear()  # one process per run in real use; each test writes its own config
    yield tmp_path
    find_config.cache_clear()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[tool]\nlettercheck = "x"\n', 2, "[tool.lettercheck] must be a table of settings"),
        ('tool = "x"\n[project]\nname = "lettercheck-letters"\n', 1, "[tool] must be a table"),
        ("[tool.lettercheck]\nselect = 'DATE'\nseverity = {DATE001 = 3}\n", 3, "'severity' must map"),
        ("[tool.lettercheck]\nparams = {DATE007 = 90}\n", 2, "'params' must map rule IDs to tables"),
        ("[tool.lettercheck]\nfail_on = ['error']\n", 2, "'fail_on' must be error, warning or info"),
    ],
)
def test_a_bad_pyproject_shape(cli, project, text, line, message):
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    error = _one_error_line(cli("check", str(project / "letter.md")))
    assert error.startswith(f"{project / 'pyproject.toml'}:{line}: ")
    assert message in error


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "cannot read configuration: is a directory"),
        (lambda path: path.symlink_to("nowhere.yaml"), "cannot read configuration: dangling symbolic link"),
        (lambda path: path.symlink_to(path.name), "cannot read configuration: symbolic link loop"),
        (lambda path: path.write_bytes(b"select: [DATE]\n# caf\xe9\n"), "not UTF-8 text"),
    ],
)
def test_a_config_file_that_cannot_be_read_is_an_error_not_ignored(cli, project, make, message):
    config = project / ".lettercheck.yaml"
    make(config)
    error = _one_error_line(cli("check", str(project / "letter.md")))
    assert error.startswith(f"{config}: ")
    assert message in error


def test_a_config_alias_bomb_is_refused_with_its_line(cli, project):
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    text = "\n".join(levels) + "\nparams:\n  STYLE001:\n    allow: *i\n"
    (project / ".lettercheck.yaml").write_text(text, encoding="utf-8")
    error = _one_error_line(cli("check", str(project / "letter.md")))
    assert error.startswith(f"{project / '.lettercheck.yaml'}:5: ")
    assert "expands to more than 100,000 values" in error


def test_a_config_given_explicitly_that_is_a_directory(cli, project):
    os.mkdir(project / "conf")
    error = _one_error_line(cli("check", str(project / "letter.md"), "--config", str(project / "conf")))
    assert error == f"{project / 'conf'}: cannot read configuration: is a directory"


def test_a_date_that_does_not_exist_in_yaml_is_an_error_at_its_line(cli, project):
    """YAML reads 2020-02-30 as a date and cannot make it: one line, not a traceback."""
    (project / ".lettercheck.yaml").write_text("select: [DATE]\nexclude:\n  - 2020-02-30\n", encoding="utf-8")
    error = _one_error_line(cli("check", str(project / "letter.md")))
    assert error == f"{project / '.lettercheck.yaml'}:3: invalid YAML: day is out of range for month"


def test_a_missing_rule_folder_is_named_at_its_line_in_the_configuration(cli, project):
    (project / ".lettercheck.yaml").write_text(
        'select: [DATE]\nrule_dirs: ["house-rules"]\n', encoding="utf-8"
    )
    error = _one_error_line(cli("check", str(project / "letter.md")))
    assert (
        error
        == f"{project / '.lettercheck.yaml'}:2: rule directory 'house-rules' in rule_dirs does not exist"
    )


def test_write_baseline_over_a_read_only_file_fails_before_any_work(cli, tmp_path):
    target = tmp_path / "baseline.json"
    target.write_text('{"version": 2, "files": {}}\n', encoding="utf-8")
    os.chmod(target, 0o444)
    result = cli("check", str(BROKEN), "--write-baseline", str(target))
    assert _one_error_line(result) == f"{target}: cannot write baseline: the file is read-only"
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == '{"version": 2, "files": {}}\n'
