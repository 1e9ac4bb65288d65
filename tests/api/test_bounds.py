"""Bounded work: named pipes never block a run, workers are clamped to the
work, and a killed worker costs only its own file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import BROKEN, LETTERS, ROOT


def _lettercheck(*args, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture()
def folder_with_a_pipe(tmp_path):
    shutil.copy(LETTERS / "kent_focused_2019.md", tmp_path / "a_letter.md")
    os.mkfifo(tmp_path / "b_pipe.md")
    return tmp_path


def test_a_named_pipe_found_by_walking_is_skipped(folder_with_a_pipe):
    done = _lettercheck("check", str(folder_with_a_pipe), "-f", "json", timeout=30)
    files = [f["path"] for f in json.loads(done.stdout)["files"]]
    assert files == [str(folder_with_a_pipe / "a_letter.md")]
    assert done.returncode == 0, done.stderr


def test_a_named_pipe_named_explicitly_is_reported_and_the_others_checked(folder_with_a_pipe):
    pipe, letter = folder_with_a_pipe / "b_pipe.md", folder_with_a_pipe / "a_letter.md"
    done = _lettercheck("check", str(pipe), str(letter), "-f", "concise", timeout=30)
    assert f"{pipe}:1:1: PARSE001 [error] not a regular file (a named pipe)" in done.stdout
    assert "2 files" in done.stdout
    assert done.returncode == 2


@pytest.mark.parametrize(("option", "what"), [("--config", "configuration"), ("--baseline", "baseline")])
def test_a_named_pipe_given_as_a_setting_file_is_an_error_not_a_hang(folder_with_a_pipe, option, what):
    pipe = folder_with_a_pipe / "settings_pipe"
    os.mkfifo(pipe)
    done = _lettercheck("check", str(folder_with_a_pipe / "a_letter.md"), option, str(pipe), timeout=30)
    assert (
        done.stderr == f"lettercheck: error: {pipe}: cannot read {what}: not a regular file (a named pipe)\n"
    )
    assert done.returncode == 2


def test_a_named_pipe_in_a_rule_folder_is_an_error_not_a_hang(folder_with_a_pipe):
    (folder_with_a_pipe / "b_pipe.md").unlink()
    (folder_with_a_pipe / "own-rules").mkdir()
    os.mkfifo(folder_with_a_pipe / "own-rules" / "house.yaml")
    (folder_with_a_pipe / ".lettercheck.yaml").write_text('rule_dirs: ["own-rules"]\n', encoding="utf-8")
    done = _lettercheck("check", str(folder_with_a_pipe / "a_letter.md"), timeout=30)
    pack = folder_with_a_pipe / "own-rules" / "house.yaml"
    assert (
        done.stderr
        == f"lettercheck: error: {pack}:1:1: cannot read rule file: not a regular file (a named pipe)\n"
    )
    assert done.returncode == 2


def test_a_character_device_given_as_a_baseline_is_not_read_forever(folder_with_a_pipe):
    done = _lettercheck(
        "check", str(folder_with_a_pipe / "a_letter.md"), "--baseline", os.devnull, timeout=30
    )
    assert "cannot read baseline: not a regular file (a character device)" in done.stderr
    assert done.returncode == 2


def _twelve_letters(tmp_path):
    letters = sorted(LETTERS.iterdir()) + sorted(BROKEN.iterdir())
    for index, letter in enumerate(letters[:12]):
        shutil.copy(letter, tmp_path / f"{index:02d}_{letter.name}")
    return sorted(str(p) for p in tmp_path.iterdir())


def test_jobs_are_clamped_to_the_number_of_files(tmp_path, monkeypatch):
    import concurrent.futures

    from checker.api import check_paths

    started = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    files = _twelve_letters(tmp_path)
    results = list(check_paths(files, jobs=1000))
    assert [r.path for r in results] == files
    assert started and max(started) <= 12


def test_a_killed_worker_costs_only_its_file(tmp_path, monkeypatch):
    """A worker killed mid-run (SIGKILL, as the out-of-memory killer does):
    its file gets a PARSE005 diagnostic, every other file is still checked,
    in order, with the results a serial run gives."""
    from checker import api
    from checker.api import check_files

    files = _twelve_letters(tmp_path)
    victim = files[5]
    check_file = check_files.check_file

    def killed_on_the_victim(path, *args, **kwargs):
        if path == victim and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return check_file(path, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(check_files, "check_file", killed_on_the_victim)  # what each worker calls
    results = list(api.check_paths(files, jobs=2))
    assert [r.path for r in results] == files
    (killed,) = [r for r in results if r.path == victim]
    assert [(d.rule, d.category) for d in killed.diagnostics] == [("PARSE005", "parse")]
    serial = {path: check_file(path).diagnostics for path in files if path != victim}
    assert {r.path: r.diagnostics for r in results if r.path != victim} == serial


def test_a_worker_stuck_on_a_file_costs_only_that_file(tmp_path, monkeypatch):
    """A file that holds its worker past the time limit (a bug, a hang) is
    stopped with a PARSE005 saying so; the run does not stall, and the other
    files get the results a serial run gives."""
    import time

    from checker import api
    from checker.api import check_files, pool

    files = _twelve_letters(tmp_path)
    victim = files[7]
    check_file = check_files.check_file

    def stuck_on_the_victim(path, *args, **kwargs):
        if path == victim and os.getpid() != parent:
            time.sleep(3600)
        return check_file(path, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(check_files, "check_file", stuck_on_the_victim)
    monkeypatch.setattr(pool, "FILE_TIME_LIMIT", 2.0)
    results = list(api.check_paths(files, jobs=2))
    assert [r.path for r in results] == files
    (stuck,) = [r for r in results if r.path == victim]
    assert [(d.rule, d.message) for d in stuck.diagnostics] == [
        ("PARSE005", "checking this file took longer than 2 s; it was stopped and not checked")
    ]
    serial = {path: check_file(path).diagnostics for path in files if path != victim}
    assert {r.path: r.diagnostics for r in results if r.path != victim} == serial


def test_negative_jobs_is_a_usage_error(cli):
    result = cli("check", str(LETTERS), "-j", "-3")
    assert result.exit_code == 2
