"""The hooks in .pre-commit-hooks.yaml, run by pre-commit in a throwaway git repository.

The repository uses the hooks as `repo: local` hooks with this checkout's
definitions (entry, files, arguments), run with `language: system` so that
the `lettercheck` under test is the one installed here and nothing is
downloaded; pre-commit's own `validate-manifest` checks the file as a hook
repository publishes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import BROKEN, LETTERS, ROOT

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent


def _hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),  # nothing written to ~/.cache
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [str(BIN / "pre-commit"), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture()
def repo(tmp_path):
    """A letters repository with the hooks configured, a clean letter and notes that are not letters."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hooks")
    root = tmp_path / "letters"
    root.mkdir()
    subprocess.run(["git", "init", "--quiet", str(root)], check=True)
    local = [{**hook, "language": "system"} for hook in _hooks().values()]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copy(LETTERS / "hull_focused_2018.md", root / "hull.md")
    (root / "README.rst").write_text("Letters\n=======\n", encoding="utf-8")
    return root


def _stage(repo: Path) -> None:
    subprocess.run(["git", "add", "--all"], cwd=repo, check=True)


def test_the_manifest_is_valid_for_pre_commit():
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(MANIFEST)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(_hooks()) == {"lettercheck", "lettercheck-fix"}
    assert all(hook["language"] == "python" for hook in _hooks().values())  # installed from this repository


def test_the_check_hook_passes_clean_letters_and_fails_broken_ones(repo):
    _stage(repo)
    clean = _pre_commit(repo, "run", "lettercheck", "--all-files")
    assert clean.returncode == 0, clean.stdout
    assert "lettercheck" in clean.stdout and "Passed" in clean.stdout

    shutil.copy(BROKEN / "DATE001_dated_before_visit.md", repo / "draft.md")
    _stage(repo)
    broken = _pre_commit(repo, "run", "lettercheck", "--all-files")
    assert broken.returncode == 1
    assert "Failed" in broken.stdout
    assert (
        "error[DATE001]: letter is dated 11 January 2019, but the visit ended on 15 January 2019"
        in broken.stdout
    )
    assert "draft.md:9:1" in broken.stdout and "README.rst" not in broken.stdout


def test_the_fix_hook_mends_the_letter_and_then_passes(repo):
    shutil.copy(BROKEN / "STR012_misspelt_heading.md", repo / "draft.md")
    _stage(repo)
    first = _pre_commit(repo, "run", "lettercheck-fix", "--files", "draft.md")
    assert first.returncode == 1  # the hook changed a file: the commit stops for the author to look
    assert "files were modified by this hook" in first.stdout
    fixed = (repo / "draft.md").read_text(encoding="utf-8")
    assert "## Overview\n" in fixed and "Overveiw" not in fixed
    _stage(repo)
    second = _pre_commit(repo, "run", "lettercheck-fix", "--files", "draft.md")
    assert second.returncode == 0 and "Passed" in second.stdout


def test_the_hooks_honour_the_configurations_exclude(repo):
    # pre-commit names every changed .md file: the configuration's exclude
    # must keep notes out, and the README is skipped, as a folder walk does
    (repo / "README.md").write_text("# Our letters\n\nDrafts live here.\n", encoding="utf-8")
    (repo / "notes.md").write_text("# Visit notes\n\nNot a letter.\n", encoding="utf-8")
    _stage(repo)
    unconfigured = _pre_commit(repo, "run", "lettercheck", "--all-files")
    assert unconfigured.returncode == 1 and "exit code: 2" in unconfigured.stdout, unconfigured.stdout
    assert "PARSE003" in unconfigured.stdout and "notes.md:1:3" in unconfigured.stdout
    assert "README.md" not in unconfigured.stdout
    (repo / ".lettercheck.yaml").write_text('exclude: ["notes.md"]\n', encoding="utf-8")
    _stage(repo)
    result = _pre_commit(repo, "run", "lettercheck", "--all-files")
    assert result.returncode == 0, result.stdout
    assert "README.md" not in result.stdout and "notes.md" not in result.stdout


def test_the_check_hook_runs_on_extensions_in_any_case(repo):
    shutil.copy(BROKEN / "DATE001_dated_before_visit.md", repo / "DRAFT.MD")
    _stage(repo)
    result = _pre_commit(repo, "run", "lettercheck", "--all-files")
    assert result.returncode == 1, result.stdout
    assert "DRAFT.MD:9:1" in result.stdout
