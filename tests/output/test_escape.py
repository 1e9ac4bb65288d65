"""Output that cannot be forged or broken: whatever a file name or a letter
holds, human formats show control characters escaped and machine formats
stay valid (issue 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import BROKEN, ROOT

PLACEHOLDER = (BROKEN / "DRAFT001_placeholder.md").read_bytes()  # DRAFT001 at 18:183

# File names a careless or hostile sender can produce on POSIX.
HOSTILE = {
    "newline": b"new\nline.md",
    "escape": b"esc\x1b[31mred.md",
    "c1": b"c1\xc2\x85.md",  # U+0085 NEXT LINE, a C1 control
    "bidi": "rtl\u202eaté.md".encode(),  # a right-to-left override
    "stray_byte": b"bad\xffbyte.md",  # not UTF-8: Python carries it as a lone surrogate
}


@pytest.fixture()
def hostile_folder(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for name in HOSTILE.values():
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(PLACEHOLDER)
    return folder


def _run(*args, env_extra=None):
    """The real command in a subprocess, with a strict UTF-8 standard output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", **(env_extra or {})}
    env.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", *args], capture_output=True, env=env, cwd=ROOT, check=False
    )


CONTROLS = [b"\n", b"\r", b"\x1b", b"\xc2\x85", "\u202e".encode()]


@pytest.mark.parametrize("fmt", ["concise", "text", "github"])
def test_human_formats_escape_control_characters_in_file_names(hostile_folder, fmt):
    done = _run(str(hostile_folder), "-f", fmt, "--no-progress")
    assert done.returncode == 1, done.stderr.decode(errors="replace")
    out = done.stdout.decode("utf-8")  # valid UTF-8: the stray byte did not pass through raw
    lines = out.splitlines()
    if fmt == "concise":
        assert len(lines) == len(HOSTILE) + 1  # one per problem and the summary: no forged line
        assert "letters/new\\nline.md:18:183: DRAFT001" in out
        assert "letters/bad\\xffbyte.md:18:183: DRAFT001" in out
    if fmt == "github":
        assert all(line.startswith("::error ") for line in lines) and len(lines) == len(HOSTILE)
        assert "new%0Aline.md,line=18" in out  # GitHub's own escape keeps the real name
    assert "esc\\x1b[31mred.md" in out and "c1\\x85.md" in out and "rtl\\u202eaté.md" in out
    for control in CONTROLS[1:]:
        assert control not in done.stdout
    if fmt == "text":
        assert b"\n" not in b"".join(line.encode() for line in lines if "new" in line)


def test_control_characters_in_letter_text_are_escaped_and_underlined_in_place(cli, tmp_path):
    letter = tmp_path / "letter.md"
    text = PLACEHOLDER.decode("utf-8").replace("[INSERT NAME]", "\u202e[INSERT\x0bNAME]", 1)
    letter.write_text(text, encoding="utf-8")
    out = cli("check", str(letter), "-f", "text").stdout
    assert "placeholder '[INSERT\\x0bNAME]' left in the letter" in out
    source = next(line for line in out.splitlines() if line.startswith(" 18 | "))
    marks = out.splitlines()[out.splitlines().index(source) + 1]
    start = marks.index("^")
    assert source[start:].startswith("[INSERT\\x0bNAME]")  # the underline moved with the escapes
    assert marks.count("^") == len("[INSERT\\x0bNAME]")
    assert "\\u202e[INSERT" in source and "\u202e" not in out and "\x0b" not in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_stray_byte_in_a_file_name_keeps_json_and_sarif_valid_under_a_strict_stdout(hostile_folder, fmt):
    done = _run(str(hostile_folder), "-f", fmt)
    assert done.returncode == 1, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    document = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8, no lone surrogate
    if fmt == "json":
        paths = [f["path"] for f in document["files"]]
        assert any(path.endswith("bad\ufffdbyte.md") for path in paths)
        assert any(path.endswith("new\nline.md") for path in paths)  # JSON escapes it
    else:
        uris = [
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in document["runs"][0]["results"]
        ]
        assert any(uri.endswith("/bad%FFbyte.md") for uri in uris)  # the exact bytes, percent-encoded
        assert any(uri.endswith("/new%0Aline.md") for uri in uris)


def test_a_stray_byte_in_a_file_name_does_not_crash_human_formats_under_a_strict_stdout(hostile_folder):
    for fmt in ("text", "concise", "github", "junit"):
        done = _run(str(hostile_folder), "-f", fmt)
        assert done.returncode == 1 and b"Traceback" not in done.stderr, (fmt, done.stderr)
        done.stdout.decode("utf-8")


def test_output_survives_a_terminal_that_cannot_show_curly_quotes(tmp_path):
    letter = tmp_path / "the council’s letter.md"
    letter.write_bytes(PLACEHOLDER)
    for fmt in ("concise", "text"):
        done = _run(str(letter), "-f", fmt, env_extra={"PYTHONIOENCODING": "ascii"})
        assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
        assert b"council\\u2019s letter.md:18:183" in done.stdout


def test_junit_stays_well_formed_with_form_feeds_vertical_tabs_and_non_characters(cli, tmp_path):
    letter = tmp_path / "letter.md"
    text = PLACEHOLDER.decode("utf-8").replace("[INSERT NAME]", "[INSERT\x0cNAME\x0b\uffff]", 1)
    letter.write_text(text, encoding="utf-8")
    out = cli("check", str(letter), "-f", "junit").stdout
    root = ET.fromstring(out.encode("utf-8"))  # raises on characters XML 1.0 forbids
    failure = root.find("testsuite/testcase/failure")
    assert "[INSERT\\x0cNAME\\x0b\\uffff]" in failure.text
    assert failure.get("type") == "DRAFT001"


def test_rule_messages_from_a_rule_pack_are_escaped_in_rules_and_check(cli, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(
        "rules:\n  - id: HOUSE001\n    category: style\n    severity: warning\n"
        '    message: "bell \\a and escape \\e[2J in {match}"\n    help: "none"\n'
        "    check: {kind: pattern, scope: body, pattern: 'Caseloads'}\n",
        encoding="utf-8",
    )
    config = str(tmp_path / ".lettercheck.yaml")
    listing = cli("rules", "--config", config).stdout
    assert "bell \\x07 and escape \\x1b[2J" in listing and "\x1b" not in listing
    letter = tmp_path / "letter.md"
    letter.write_bytes((ROOT / "fixtures" / "letters" / "bcp_focused_2023.md").read_bytes())
    out = cli("check", str(letter), "-f", "concise", "--config", config).stdout
    assert "HOUSE001 [warning] bell \\x07 and escape \\x1b[2J in Caseloads" in out and "\x07" not in out


def test_every_invisible_format_character_is_marked():
    """Each character Unicode calls a format character (Cf: bidi marks and
    overrides, zero-width characters, the soft hyphen...) and the line and
    paragraph separators, as this Python's Unicode database lists them."""
    import sys
    import unicodedata

    from checker.output.escape import INVISIBLE, mark_invisible

    invisible = [
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp")
    ]
    assert len(invisible) > 150
    missing = [f"U+{ord(c):04X}" for c in invisible if not INVISIBLE.fullmatch(c)]
    assert missing == []
    assert not INVISIBLE.search("Dear Ms Smith, “Café” – naïve ½ 𝟙 ✔\t")
    assert mark_invisible("a\u202eb\u200fc") == "a<U+202E>b<U+200F>c"


def test_bidirectional_marks_are_escaped_in_the_text_formats():
    from checker.output.escape import for_humans

    assert for_humans("a\u200eb\u200fc\u061cd") == "a\\u200eb\\u200fc\\u061cd"
