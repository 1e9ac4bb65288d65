"""`lettercheck lsp` through the protocol: a real server process, a real client.

Each scenario is what an editor does (open, type, save, hover, ask for code
actions) and each expectation is what `lettercheck check` says about the
same text, at the same places.
"""

from __future__ import annotations

import shutil
import textwrap

import pytest
from lsprotocol import types

from checker.api import check_file
from tests.conftest import BROKEN, LETTERS, OTHER, ROOT
from tests.lsp.session import LspSession, apply_edits, uri_of

REAL = ROOT / "fixtures" / "real"


@pytest.fixture(scope="module")
def lsp():
    session = LspSession("--debounce", "150")
    yield session
    session.stop()


def _expected(path) -> list[tuple]:
    """What `lettercheck check` reports, as LSP ranges (0-based; ASCII lines)."""
    return [
        (d.rule, d.severity, d.span.line - 1, d.span.column - 1, d.span.end_line - 1, d.span.end_column - 1)
        for d in check_file(str(path)).diagnostics
    ]


def _seen(published: types.PublishDiagnosticsParams) -> list[tuple]:
    names = {1: "error", 2: "warning", 3: "info"}
    return [
        (
            d.code,
            names[d.severity],
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in published.diagnostics
    ]


def _codes(published: types.PublishDiagnosticsParams) -> list[str]:
    return [d.code for d in published.diagnostics]


def test_initialize_announces_what_the_server_does(lsp):
    result = lsp.initialized
    assert result.server_info.name == "lettercheck"
    capabilities = result.capabilities
    assert capabilities.hover_provider
    assert set(capabilities.code_action_provider.code_action_kinds) == {
        "quickfix",
        "source.fixAll.lettercheck",
    }
    sync = capabilities.text_document_sync
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental and sync.save


@pytest.mark.parametrize(
    "path",
    [
        *sorted(BROKEN.glob("*.md")),
        LETTERS / "westbury_focused_2015_crlf.txt",
        LETTERS / "kent_focused_2019.md",
        REAL / "west-sussex_focused_2020.txt",
    ],
    ids=lambda p: p.name,
)
def test_open_publishes_what_check_reports_at_the_same_places(lsp, path):
    text = path.read_bytes().decode("utf-8")
    published = lsp.open(uri_of(path), text)
    assert _seen(published) == _expected(path)
    assert all(d.source == "lettercheck" for d in published.diagnostics)


def test_a_change_is_checked_once_typing_pauses(lsp):
    path = BROKEN / "DATE001_dated_before_visit.md"
    uri = uri_of(path)
    assert _codes(lsp.open(uri, path.read_text(encoding="utf-8"))) == ["DATE001"]
    before = lsp.count(uri)
    # Type "16" over "11" of "11 January 2019" one keystroke at a time, then pause.
    for character, typed in ((0, "1"), (1, "6")):
        edit = types.TextEdit(
            range=types.Range(
                start=types.Position(line=8, character=character),
                end=types.Position(line=8, character=character + 1),
            ),
            new_text=typed,
        )
        lsp.change(uri, edit, wait=False)
    published = lsp.next_published(uri, before)
    assert published.version == lsp.version(uri) == 3  # one check, of the text after the last keystroke
    assert _codes(published) == []
    with pytest.raises(AssertionError):  # and no second one for the first keystroke
        lsp.next_published(uri, before + 1, timeout=0.6)


def test_save_checks_at_once_and_close_clears(lsp):
    path = BROKEN / "DATE002_impossible_date.md"
    uri = uri_of(path)
    assert _codes(lsp.open(uri, path.read_text(encoding="utf-8"))) == ["DATE002"]
    assert _codes(lsp.save(uri)) == ["DATE002"]
    assert _codes(lsp.close(uri)) == []


def test_input_that_is_not_a_letter_says_so(lsp):
    notes = OTHER / "meeting_notes.md"
    published = lsp.open(uri_of(notes), notes.read_text(encoding="utf-8"))
    assert _codes(published) == ["PARSE003"]
    control = "Dear Ms Murphy\n\x1b[31m\n"
    published = lsp.open("untitled:Untitled-1", control)
    assert _codes(published) == ["PARSE002"]
    assert published.diagnostics[0].range.start == types.Position(line=1, character=0)


def test_hover_explains_the_rule_without_links(lsp):
    path = BROKEN / "DATE001_dated_before_visit.md"
    uri = uri_of(path)
    lsp.open(uri, path.read_text(encoding="utf-8"))
    hover = lsp.hover(uri, 8, 4)
    assert hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert text.startswith("**DATE001** `letter-before-visit-end` · error")
    assert "letter is dated 11 January 2019, but the visit ended on 15 January 2019" in text
    assert "check the letter date and the visit dates" in text  # the rule's help
    assert "date_compare" in text and "**Check**" in text  # the explanation
    assert "http" not in text and "](" not in text and "{left}" not in text
    assert hover.range.start == types.Position(line=8, character=0)
    assert hover.range.end == types.Position(line=8, character=15)
    assert lsp.hover(uri, 2, 2) is None  # no problem there


def test_quick_fix_is_the_edit_fix_makes(lsp):
    path = BROKEN / "STR012_misspelt_heading.md"
    uri = uri_of(path)
    text = path.read_text(encoding="utf-8")
    assert _codes(lsp.open(uri, text)) == ["STR012"]
    found = lsp.code_actions(uri, (26, 5))
    titles = [action.title for action in found]
    assert titles[0] == "Fix STR012: rename the heading to 'Overview'"
    assert "Disable STR012 on this line" in titles and "Disable STR012 in this file" in titles
    fix = found[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply_edits(text, fix.edit.changes[uri])
    assert "## Overview\n" in fixed and fixed.count("\n") == text.count("\n")
    assert _codes(lsp.change(uri, fixed)) == []


@pytest.mark.parametrize(
    ("name", "line", "rule"),
    [
        ("DATE001_dated_before_visit.md", 8, "DATE001"),  # the date line
        ("STR012_misspelt_heading.md", 26, "STR012"),  # a heading
        ("CONS001_salutation_mismatch.md", 12, "CONS001"),  # the salutation
        ("STR014_misspelt_sign_off.md", 69, "STR014"),  # the sign-off
        ("DRAFT001_placeholder.md", 17, "DRAFT001"),  # inside a paragraph
    ],
)
def test_disabling_on_a_line_silences_that_rule_and_changes_nothing_else(lsp, name, line, rule):
    path = BROKEN / name
    uri = uri_of(path)
    text = path.read_text(encoding="utf-8")
    before = lsp.open(uri, text)
    assert rule in _codes(before)
    (action,) = [a for a in lsp.code_actions(uri, (line, 0)) if a.title == f"Disable {rule} on this line"]
    silenced = apply_edits(text, action.edit.changes[uri])
    assert silenced.split("\n")[line].endswith(f"<!-- lettercheck: disable {rule} -->")
    after = lsp.change(uri, silenced)
    expected = [d for d in _seen(before) if d[0] != rule]
    assert _seen(after) == expected  # no SUP001: it is used; nothing else moved or appeared


def test_disabling_adds_to_a_comment_already_there(lsp, tmp_path):
    path = tmp_path / "letter.md"
    text = (BROKEN / "INSP006_her_majesty_after_2022.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[22] += " <!-- lettercheck: disable DRAFT002 -->"
    path.write_text("\n".join(lines), encoding="utf-8")
    uri = uri_of(path)
    published = lsp.open(uri, path.read_text(encoding="utf-8"))
    assert "SUP001" in _codes(published) and "INSP006" in _codes(published)
    (action,) = [a for a in lsp.code_actions(uri, (22, 160)) if a.title == "Disable INSP006 on this line"]
    silenced = apply_edits(path.read_text(encoding="utf-8"), action.edit.changes[uri])
    assert silenced.split("\n")[22].endswith("<!-- lettercheck: disable DRAFT002, INSP006 -->")
    assert "INSP006" not in _codes(lsp.change(uri, silenced))


def test_disabling_in_the_file_silences_every_occurrence(lsp):
    path = BROKEN / "ALIGN002_area_not_evaluated.md"
    uri = uri_of(path)
    text = path.read_text(encoding="utf-8")
    before = lsp.open(uri, text)
    (action,) = [a for a in lsp.code_actions(uri, (12, 100)) if a.title == "Disable DATE005 in this file"]
    silenced = apply_edits(text, action.edit.changes[uri])
    assert silenced.startswith("<!-- lettercheck: disable-file DATE005 -->\n")
    after = lsp.change(uri, silenced)
    moved_down = [
        (c, s, line + 1, column, end + 1, end_column) for c, s, line, column, end, end_column in _seen(before)
    ]
    assert [d for d in moved_down if d[0] != "DATE005"] == _seen(after)


def test_fix_all_makes_the_fixes_check_fix_makes(lsp, tmp_path, cli):
    text = (BROKEN / "STR014_misspelt_sign_off.md").read_text(encoding="utf-8")
    text = text.replace("14 March 2023", "14th March 2023").replace("## Overview", "## Overveiw")
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    lsp.open(uri, text)
    (action,) = lsp.code_actions(uri, (0, 0), only=["source.fixAll"])
    assert action.kind == "source.fixAll.lettercheck"
    fixed = apply_edits(text, action.edit.changes[uri])
    cli("check", "--fix", "--quiet", str(path))
    assert fixed == path.read_text(encoding="utf-8")
    on_sign_off = lsp.code_actions(uri, (69, 0), only=["quickfix"])
    assert on_sign_off[0].title == "Fix STR014: write 'Yours sincerely'"
    assert {a.kind for a in on_sign_off} == {"quickfix"}


def test_positions_count_utf16_code_units(lsp, tmp_path):
    text = (
        (BROKEN / "DRAFT001_placeholder.md")
        .read_text(encoding="utf-8")
        .replace("[INSERT NAME]", "😀 [INSERT NAME]")
    )
    path = tmp_path / "emoji.md"
    path.write_text(text, encoding="utf-8")
    (problem,) = lsp.open(uri_of(path), text).diagnostics
    line = text.split("\n")[17]
    column = line.index("[INSERT NAME]")  # in characters; the emoji before it is two UTF-16 units
    assert problem.range.start == types.Position(line=17, character=column + 1)
    assert problem.range.end.character == column + 1 + len("[INSERT NAME]")


def test_utf32_clients_get_characters(tmp_path):
    text = (
        (BROKEN / "DRAFT001_placeholder.md")
        .read_text(encoding="utf-8")
        .replace("[INSERT NAME]", "😀 [INSERT NAME]")
    )
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf32])
    )
    session = LspSession("--stdio", capabilities=capabilities)  # --stdio, as some clients add it, is accepted
    try:
        assert session.initialized.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        (problem,) = session.open("untitled:emoji", text).diagnostics
        assert problem.range.start.character == text.split("\n")[17].index("[INSERT NAME]")
    finally:
        session.stop()


def _letter_in(folder, name="letter.md"):
    target = folder / name
    shutil.copy(BROKEN / "DATE001_dated_before_visit.md", target)
    return target


def test_configuration_is_found_per_document_and_changes_are_picked_up(lsp, tmp_path):
    quiet, plain = tmp_path / "quiet", tmp_path / "plain"
    quiet.mkdir()
    plain.mkdir()
    (quiet / ".lettercheck.yaml").write_text("ignore: [DATE001]\n", encoding="utf-8")
    quiet_letter, plain_letter = _letter_in(quiet), _letter_in(plain)
    quiet_uri = uri_of(quiet_letter)
    text = quiet_letter.read_text(encoding="utf-8")
    assert _codes(lsp.open(quiet_uri, text)) == []
    assert _codes(lsp.open(uri_of(plain_letter), text)) == ["DATE001"]

    # Edited on disk: the next check of the letter sees it, with no restart.
    (quiet / ".lettercheck.yaml").write_text("ignore: [STYLE003]\n", encoding="utf-8")
    assert _codes(lsp.save(quiet_uri)) == ["DATE001"]

    # A configuration nearer the letter takes over; the editor's file watcher makes every letter checked again.
    (plain / "pyproject.toml").write_text("[tool.lettercheck]\nignore = ['dates']\n", encoding="utf-8")
    assert _codes(lsp.files_changed(uri_of(plain_letter), uri_of(plain / "pyproject.toml"))) == []


def test_a_broken_configuration_is_one_clear_diagnostic_until_it_is_mended(lsp, tmp_path):
    config = tmp_path / ".lettercheck.yaml"
    config.write_text("select: [DATE]\nfail_on: sometimes\n", encoding="utf-8")
    uri = uri_of(_letter_in(tmp_path))
    (problem,) = lsp.open(
        uri, (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    ).diagnostics
    assert problem.code == "config" and problem.severity == types.DiagnosticSeverity.Error
    assert (
        problem.message
        == f"this letter was not checked: {config}:2: 'fail_on' must be error, warning or info"
    )
    assert any(str(config) in m.message for m in lsp.messages)
    config.write_text("select: [DATE]\nfail_on: warning\n", encoding="utf-8")
    assert _codes(lsp.save(uri)) == ["DATE001"]


def test_an_edited_rule_pack_is_picked_up(lsp, tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [house]\nselect: [HOUSE]\n", encoding="utf-8")
    pack = textwrap.dedent(
        """\
        rules:
          - id: {id}
            name: house-{number}
            category: style
            severity: warning
            message: "house style: avoid '{{match}}'"
            help: "Say it plainly."
            check: {{kind: pattern, pattern: "{word}"}}
        """
    )
    (rules / "house.yaml").write_text(
        pack.format(id="HOUSE001", number=1, word="front door"), encoding="utf-8"
    )
    uri = uri_of(_letter_in(tmp_path))
    text = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    assert set(_codes(lsp.open(uri, text))) == {"HOUSE001"}
    (rules / "house.yaml").write_text(
        pack.format(id="HOUSE001", number=1, word="no such phrase in the letter"), encoding="utf-8"
    )
    assert _codes(lsp.save(uri)) == []
    (rules / "more.yaml").write_text(
        pack.format(id="HOUSE002", number=2, word="Inspectors reviewed"), encoding="utf-8"
    )
    assert set(_codes(lsp.save(uri))) == {"HOUSE002"}


def test_files_the_configuration_does_not_include_get_no_diagnostics(lsp, tmp_path):
    (tmp_path / ".lettercheck.yaml").write_text("exclude: ['old/*']\n", encoding="utf-8")
    (tmp_path / "old").mkdir()
    text = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    assert _codes(lsp.open(uri_of(_letter_in(tmp_path / "old")), text)) == []
    assert _codes(lsp.open(uri_of(tmp_path / "notes.rst"), text)) == []
    assert _codes(lsp.open(uri_of(tmp_path / "README.md"), "# Our letters\n")) == []  # no PARSE003
    assert _codes(lsp.open(uri_of(_letter_in(tmp_path)), text)) == ["DATE001"]


def test_a_letter_with_an_upper_case_extension_is_checked(lsp, tmp_path):
    text = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    assert _codes(lsp.open(uri_of(tmp_path / "DRAFT.MD"), text)) == ["DATE001"]
    assert _codes(lsp.open(uri_of(tmp_path / "Draft.Txt"), text)) == ["DATE001"]
    assert _codes(lsp.open(uri_of(tmp_path / "NOTES.RST"), text)) == []


def test_plain_text_clients_get_plain_hovers(tmp_path):
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.PlainText])
        )
    )
    session = LspSession(capabilities=capabilities)
    try:
        path = BROKEN / "DATE001_dated_before_visit.md"
        session.open(uri_of(path), path.read_text(encoding="utf-8"))
        hover = session.hover(uri_of(path), 8, 0)
        assert hover.contents.kind == types.MarkupKind.PlainText
        assert hover.contents.value.startswith("DATE001 letter-before-visit-end · error")
        assert "**" not in hover.contents.value and "`" not in hover.contents.value
    finally:
        session.stop()


def test_the_server_asks_to_watch_configuration_files_when_the_editor_can():
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        )
    )
    session = LspSession(capabilities=capabilities)
    try:
        path = BROKEN / "DATE002_impossible_date.md"
        session.open(uri_of(path), path.read_text(encoding="utf-8"))  # by now the registration has been made
        (registration,) = session.registrations
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        patterns = {w["globPattern"] for w in registration.register_options["watchers"]}
        assert {"**/.lettercheck.yaml", "**/pyproject.toml", "**/*.yaml"} <= patterns
    finally:
        session.stop()


def test_lsp_with_a_missing_configuration_file_fails_clearly(cli):
    result = cli("lsp", "--config", "no/such/.lettercheck.yaml")
    assert result.exit_code == 2
    assert result.stderr == "lettercheck: error: no/such/.lettercheck.yaml: no such configuration file\n"


def test_a_malformed_message_is_one_line_in_the_log_and_the_server_carries_on():
    """An editor (or a broken pipe) sending bad JSON: the server's log gets one
    line saying so, not a traceback, and the next request is still answered."""
    import json
    import subprocess
    import sys

    def framed(body: bytes) -> bytes:
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    shutdown = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}).encode()
    exit_ = json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()
    done = subprocess.run(
        [sys.executable, "-m", "checker", "lsp"],
        input=framed(b"{bad}") + framed(shutdown) + framed(exit_),
        capture_output=True,
        timeout=60,
    )
    log = done.stderr.decode()
    assert "Traceback" not in log
    [line] = log.splitlines()  # pygls words the message; we make it one line and name the cause
    assert line.startswith("lettercheck lsp: error: ")
    assert line.endswith(
        "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    )
    assert b'"id": 1' in done.stdout and b'"result": null' in done.stdout  # shutdown answered
