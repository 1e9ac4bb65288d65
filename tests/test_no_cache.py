"""Nothing is cached: a check writes no file outside the letters it fixes,
so there is nothing in a cache or temp folder that a later run could load."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import LETTERS, ROOT


def _run_isolated(tmp_path, *args):
    homes = {name: tmp_path / name for name in ("home", "cache", "tmp")}
    for folder in homes.values():
        folder.mkdir()
    env = {
        **os.environ,
        "HOME": str(homes["home"]),
        "XDG_CACHE_HOME": str(homes["cache"]),
        "TMPDIR": str(homes["tmp"]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "checker", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    return done, homes


def test_a_check_writes_nothing_in_home_cache_or_temp_folders(tmp_path):
    done, homes = _run_isolated(tmp_path, "check", str(LETTERS / "kent_focused_2019.md"), "-f", "concise")
    assert done.returncode == 0, done.stderr
    assert "kent_focused_2019.md" not in done.stdout  # checked, and clean
    for name, folder in homes.items():
        assert list(folder.rglob("*")) == [], f"lettercheck wrote into {name}"
