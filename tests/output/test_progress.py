"""Progress while `check` runs: on a terminal it never shares a line with a
diagnostic; forced on in a log it prints plain lines."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys

import pytest

from tests.conftest import BROKEN, ROOT

pty = pytest.importorskip("pty")  # POSIX: CI runs on Linux, so this runs there


def _in_terminal(*args: str, columns: int = 100) -> str:
    """Run lettercheck with stdout and stderr on one pseudo-terminal; return what it showed."""
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "COLUMNS")}
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_the_progress_bar_is_erased_before_each_diagnostic():
    shown = _in_terminal(str(BROKEN), "-j", "1")
    assert "checking " in shown  # the bar was drawn
    frames = list(re.finditer(r"checking [^\r\n]*?problems?", shown))
    assert frames
    for frame in frames:
        after = shown[frame.end() : frame.end() + 6]
        assert after.startswith("\r\x1b[2K"), (
            f"a frame was left on screen: {shown[frame.start() : frame.end() + 40]!r}"
        )
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    for line in plain.replace("\r\n", "\n").split("\n"):
        if "error[" in line:
            assert line.split("\r")[-1].startswith("error["), line  # a diagnostic starts its own line


def test_forced_progress_in_a_log_prints_plain_lines(cli):
    result = cli("check", str(BROKEN), "--progress", "-f", "concise")
    lines = [line for line in result.stderr.splitlines() if line.startswith("lettercheck: checked")]
    total = len(list(BROKEN.iterdir()))
    assert lines[-1].startswith(f"lettercheck: checked {total}/{total} files (100%), ")
    assert 2 <= len(lines) <= 11 and "\r" not in result.stderr and "\x1b" not in result.stderr


def test_no_progress_without_a_terminal_unless_asked(cli):
    assert "checked" not in cli("check", str(BROKEN), "-f", "concise").stderr
