"""`lettercheck check` read without typer (checker.cli.fast_check) must read
every command line it takes exactly as typer does, and leave every other one
to typer, whose messages users then see."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import fast_check
from checker.cli.check_command import CheckOptions
from tests.conftest import BROKEN, LETTERS, ROOT

LETTER = str(LETTERS / "kent_focused_2019.md")


def typer_reads(args: list[str], monkeypatch) -> tuple[int, CheckOptions | None, str]:
    """(exit code, the options typer hands to run_check, its error output)."""
    from checker.cli import check_command
    from checker.cli.commands import app

    seen: list[CheckOptions] = []
    monkeypatch.setattr(check_command, "run_check", lambda options: seen.append(options) or 0)
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, (seen[0] if seen else None), result.stderr


def fast_reads(args: list[str]) -> CheckOptions | None:
    options = fast_check.read(args)
    return None if options is None else CheckOptions(**options)


PLAIN = [
    [],
    [LETTER],
    [LETTER, "--format", "concise"],
    [LETTER, "--format=json", "-q", "--no-progress"],
    ["-f", "sarif", "-o", "out.sarif", "letters/", "more.md"],
    ["--select", "DATE,STR", "--select", "style", "--ignore", "DATE008", "--extend-select", "INSP"],
    ["-", "--stdin-filename", "letters/draft.md", "--fail-on", "warning", "--exit-zero"],
    ["--fix", "--show-fixes", "--statistics", "--config", "conf.yaml", "a.md"],
    ["--diff", "--progress", "-j", "3", "--baseline", "b.json"],
    ["--jobs", "0", "--write-baseline", "b.json", "--show-settings", "a.md"],
    ["--force-exclude", "letters/", "README.md"],
]


@pytest.mark.parametrize("args", PLAIN)
def test_a_plain_command_line_is_read_as_typer_reads_it(args, monkeypatch):
    code, options, _ = typer_reads(args, monkeypatch)
    assert code == 0 and fast_reads(args) == options


LEFT_TO_TYPER = [
    ["--help"],
    ["-h"],
    ["--", "-odd.md"],
    ["--format", "CONCISE", "a.md"],  # typer's words for a choice it does not know
    ["--format", "nope"],
    ["--format"],
    ["--format="],
    ["-f=json"],
    ["-fjson"],
    ["-qf", "json"],
    ["--jobs", "-1"],
    ["--jobs", " 3"],
    ["--jobs", "three"],
    ["--fail-on", "fatal"],
    ["--quiet=yes"],
    ["--format", "json", "--format", "sarif"],
    ["--progress", "--no-progress"],
    ["--config", "--fix"],
    ["--unknown"],
    ["-x.md"],
]


@pytest.mark.parametrize("args", LEFT_TO_TYPER)
def test_anything_else_is_left_to_typer(args):
    assert fast_check.read(args) is None


def _option_with_value(option: str, value: str, joined: bool) -> list[str]:
    return [f"{option}={value}"] if joined else [option, value]


VALUES = [
    "json",
    "concise",
    "JSON",
    "warning",
    "fatal",
    "2",
    "0",
    "-1",
    " 3",
    "DATE,STR",
    "style",
    "a.md",
    "-",
    "",
]
ARGUMENT = st.one_of(
    st.sampled_from(["a.md", "letters/", "-", "-x.md", "--", "--help", "-qj", "--quiet=1", "--nope"]).map(
        lambda token: [token]
    ),
    st.sampled_from(sorted(fast_check.FLAGS)).map(lambda flag: [flag]),
    st.builds(
        _option_with_value,
        st.sampled_from(sorted(fast_check.VALUES)),
        st.sampled_from(VALUES),
        st.booleans(),
    ),
)
COMMAND_LINES = st.lists(ARGUMENT, max_size=6).map(lambda parts: [arg for part in parts for arg in part])


@settings(max_examples=300, deadline=None)
@given(COMMAND_LINES)
def test_any_command_line_is_read_alike_or_left_to_typer(args):
    """Where the fast path reads a command line, typer reads it the same way."""
    fast = fast_reads(args)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        code, options, errors = typer_reads(args, monkeypatch)
    assert (code, errors) == (0, "")
    assert fast == options


def _run(args: list[str], through_typer: bool, stdin: bytes = b"") -> subprocess.CompletedProcess:
    entry = (
        "from checker.cli.commands import app; app()"
        if through_typer
        else "from checker.cli import main; main()"
    )
    script = f"import sys; sys.argv[0] = 'lettercheck'; {entry}"
    environment = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    return subprocess.run(
        [sys.executable, "-c", script, "check", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        ([str(BROKEN / "DATE001_dated_before_visit.md"), "--format", "concise"], b""),
        ([LETTER, str(LETTERS / "hull_focused_2018.md"), "-f", "json", "--select", "DATE,STR"], b""),
        (
            ["-", "--stdin-filename", "draft.md", "--format", "github"],
            (BROKEN / "DRAFT001_placeholder.md").read_bytes(),
        ),
        ([LETTER, "--select", "NOPE001"], b""),  # a usage error of lettercheck's own: exit 2
        ([str(LETTERS / "missing.md"), "-q"], b""),
        ([], b""),
    ],
)
def test_a_run_without_typer_prints_and_exits_as_one_through_it(args, stdin):
    assert fast_check.read(args) is not None
    fast, slow = _run(args, through_typer=False, stdin=stdin), _run(args, through_typer=True, stdin=stdin)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert fast.stdout or fast.stderr


def test_a_plain_check_does_not_import_typer():
    script = (
        "import sys; sys.argv = ['lettercheck', 'check', sys.argv[1], '--format', 'concise']\n"
        "from checker.cli import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, 'typer' in sys.modules, 'click' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, LETTER], capture_output=True, text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "0 False False"
