"""Property tests: whatever text or bytes come in, no traceback comes out."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import load_file
from checker.cli import app
from tests.conftest import LETTERS

LINE_PARTS = st.sampled_from(
    [
        "Dear Ms Murphy",
        "Yours sincerely",
        "## Overview",
        "**Findings**",
        "- a bullet",
        "1. numbered",
        "• dot",
        "1 March 2018",
        "31 February 2018",
        "Focused visit to X children's services",
        "Monitoring visit of Y",
        "The inspectors were A, HMI, and B, HMI.",
        "",
        "",
        "plain text line",
        "Graham Reiter Her Majesty's Inspector",
        "<!-- lettercheck: disable DRAFT002 -->",
        "Ofsted will take the findings from this focused visit into account",
    ]
)
LETTERISH = st.lists(st.one_of(LINE_PARTS, st.text(max_size=40)), max_size=40).map("\n".join)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _invoke(args, data: bytes):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, args, input=data)


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_report_exits_0_or_2_without_traceback(data):
    result = _invoke(["report", "-", "--format", "json"], data)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2)
    json.loads(result.stdout)


@SETTINGS
@given(text=LETTERISH)
def test_letter_shaped_text_check_exits_cleanly(text):
    result = _invoke(["check", "-", "--format", "json"], text.encode("utf-8"))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 1, 2)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for entry in json.loads(result.stdout)["files"]:
        for d in entry["diagnostics"]:
            assert (d["end_line"], d["end_column"]) >= (d["line"], d["column"]) >= (1, 1)
            if d["category"] != "parse":  # a real span: inside the file's own lines
                assert d["end_line"] <= len(lines)
                assert d["column"] <= len(lines[d["line"] - 1]) + 1
                assert d["end_column"] <= len(lines[d["end_line"] - 1]) + 1


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0, max_value=9000), drop=st.integers(min_value=0, max_value=400))
def test_truncated_real_letters_still_parse_or_fail_cleanly(tmp_path_factory, cut, drop):
    text = (LETTERS / "kent_focused_2019.md").read_text(encoding="utf-8")
    mangled = text[:cut] + text[cut + drop :]
    path = tmp_path_factory.mktemp("letters") / "letter.md"
    path.write_text(mangled, encoding="utf-8")
    result = load_file(str(path))
    lines = mangled.split("\n")
    for d in result.diagnostics:
        assert 1 <= d.span.line <= max(len(lines), 1)
    if result.letter is not None:
        for section in result.letter.sections:
            assert lines[section.line - 1].strip().strip("#* ").startswith(section.heading.value[:5])


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=30, deadline=None)
@given(
    encoding=ENCODINGS,
    newline=NEWLINES,
    name=st.sampled_from(
        [
            "INSP006_her_majesty_after_2022.md",
            "DRAFT001_placeholder.md",
            "STR012_misspelt_heading.md",
            "DATE001_dated_before_visit.md",
            "ALIGN001_adoption_recommendation.md",
        ]
    ),
)
def test_positions_do_not_depend_on_encoding_or_line_endings(tmp_path_factory, encoding, newline, name):
    from checker.api import check_file
    from tests.conftest import BROKEN

    text = (BROKEN / name).read_text(encoding="utf-8")
    try:
        data = text.replace("\n", newline).encode(encoding)
    except UnicodeEncodeError:
        return  # cp1252 cannot carry every character; nothing to compare
    path = tmp_path_factory.mktemp("enc") / name
    path.write_bytes(data)
    expected = [d.to_dict() for d in check_file(str(BROKEN / name)).diagnostics]
    assert [d.to_dict() for d in check_file(str(path)).diagnostics] == expected
