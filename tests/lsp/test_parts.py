"""The language server's parts on their own: columns, edits, hovers, settings."""

from __future__ import annotations

import os

import pytest
from lsprotocol import types

from checker.lsp import actions
from checker.lsp.engine_adapter import Fix, Problem, SettingsError
from checker.lsp.hover import hover_markdown, link_free
from checker.lsp.positions import UTF8, UTF16, UTF32, from_client, problem_range, split_lines, to_client
from checker.lsp.settings import SettingsCache
from tests.conftest import BROKEN
from tests.lsp.session import apply_edits


def _problem(line=1, column=1, end_line=None, end_column=None, rule="DRAFT001", fix=None, category="draft"):
    return Problem(
        rule=rule,
        name="placeholder",
        category=category,
        severity="error",
        line=line,
        column=column,
        end_line=end_line or line,
        end_column=end_column or column,
        message="placeholder left in the letter",
        help="Fill it in.",
        fix=fix,
    )


@pytest.mark.parametrize(
    ("encoding", "columns"),
    [(UTF16, [0, 1, 3, 4, 5]), (UTF8, [0, 1, 5, 6, 8]), (UTF32, [0, 1, 2, 3, 4])],
)
def test_columns_in_each_encoding(encoding, columns):
    line = "a😀bé"  # an astral character (2 UTF-16 units, 4 UTF-8 bytes) and a 2-byte one
    assert [to_client(line, index, encoding) for index in range(5)] == columns
    assert [from_client(line, units, encoding) for units in columns] == list(range(5))


def test_a_column_inside_a_character_or_past_the_end_is_moved():
    assert from_client("a😀b", 2) == 1  # the middle of the emoji: its start
    assert from_client("a😀b", 99) == 3
    assert to_client("abc", 99) == 3


def test_lines_split_as_lsp_splits_them():
    assert split_lines("a\r\nb\rc\nd\u2028e") == ["a", "b", "c", "d\u2028e"]


def test_a_range_stays_inside_the_text():
    lines = ["Dear Ms Murphy", "short"]
    past = problem_range(_problem(line=2, column=1, end_line=2, end_column=40), lines)
    assert past.end == types.Position(line=1, character=5)
    beyond = problem_range(_problem(line=9, column=3), lines)
    assert beyond.start == types.Position(line=1, character=2)


def test_disabling_on_a_blank_line_is_not_offered():
    lines = ["Dear Ms Murphy", "", "Text"]
    assert actions.disable_on_line("file:///l.md", _problem(line=2), lines) is None


def test_disabling_a_rule_already_named_on_the_line_is_not_offered():
    lines = ["Text [X] <!-- lettercheck: disable DRAFT001 -->"]
    assert actions.disable_on_line("file:///l.md", _problem(line=1, column=6), lines) is None


def test_disabling_in_a_file_adds_to_its_comment():
    lines = ["<!-- lettercheck: disable-file STYLE003 -->", "Ofsted"]
    action = actions.disable_in_file("file:///l.md", _problem(), lines)
    (edit,) = action.edit.changes["file:///l.md"]
    assert apply_edits("\n".join(lines), [edit]).split("\n")[0] == (
        "<!-- lettercheck: disable-file STYLE003, DRAFT001 -->"
    )


def test_a_fix_across_lines_is_left_to_the_editor():
    multi = _problem(line=1, column=1, end_line=2, end_column=3, fix=Fix("x", "write x"))
    newline = _problem(line=1, column=1, end_column=3, fix=Fix("x\ny", "write x"))
    assert not actions.fixable_alone(multi) and not actions.fixable_alone(newline)
    assert actions.fixable_alone(_problem(line=1, column=1, end_column=3, fix=Fix("x", "write x")))


def test_kinds_asked_for():
    assert actions.wanted("quickfix", None)
    assert actions.wanted("source.fixAll.lettercheck", ["source"])
    assert actions.wanted("source.fixAll.lettercheck", ["source.fixAll"])
    assert not actions.wanted("quickfix", ["source.fixAll"])
    assert not actions.wanted("source.fixAllX", ["source.fixAll.lettercheck"])


def test_hovers_show_links_as_their_words():
    assert link_free("see [the guide](https://example.org/x) or <https://example.org>") == (
        "see the guide or https://example.org"
    )
    text = hover_markdown(
        _problem(), "# X\n\n## What it does\n\nReports: *{match}*\n\nFinds [x](http://y).\n"
    )
    assert "Finds x." in text and "{match}" not in text and "http" not in text


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a change the stamp can see


def test_settings_are_loaded_again_only_when_their_files_change(tmp_path):
    letter = tmp_path / "letters" / "draft.md"
    letter.parent.mkdir()
    cache = SettingsCache()
    first = cache.for_path(str(letter))
    assert cache.for_path(str(letter)) is first and cache.loads == 1  # nothing changed: nothing read
    _write(tmp_path / ".lettercheck.yaml", "ignore: [DATE001]\n")  # a configuration appears above
    second = cache.for_path(str(letter))
    assert second is not first and second.config_path == str(tmp_path / ".lettercheck.yaml")
    _write(tmp_path / ".lettercheck.yaml", "fail_on: maybe\n")
    with pytest.raises(
        SettingsError, match=r"\.lettercheck\.yaml:1: 'fail_on' must be error, warning or info"
    ):
        cache.for_path(str(letter))
    with pytest.raises(SettingsError):  # still broken: not read again
        cache.for_path(str(letter))
    assert cache.loads == 3
    (tmp_path / ".lettercheck.yaml").unlink()
    assert cache.for_path(str(letter)).config_path is None


def test_the_checked_text_is_the_buffer_not_the_file(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("nothing to see", encoding="utf-8")
    text = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    settings = SettingsCache().for_path(str(path))
    assert [p.rule for p in settings.check(str(path), text)] == ["DATE001"]
    with_bom = settings.check(str(path), "\ufeff" + text)
    assert [(p.line, p.column) for p in with_bom] == [(9, 1)]  # the BOM is on line 1 only
    control = settings.check(str(path), "\ufeff\x01")
    assert [(p.rule, p.line, p.column) for p in control] == [("PARSE002", 1, 2)]  # after the BOM


def test_a_failure_of_lettercheck_is_published_as_one_never_as_a_clean_letter(monkeypatch):
    from pygls.workspace import Workspace

    from checker.lsp.engine_adapter import Settings
    from checker.lsp.server import LetterServer

    def fail(self, path, text):
        raise RuntimeError("a bug")

    server = LetterServer()
    server.protocol._workspace = Workspace(None)  # what `initialize` makes
    uri = "file:///letters/draft.md"
    text = (BROKEN / "DATE001_dated_before_visit.md").read_text(encoding="utf-8")
    server.workspace.put_text_document(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=4, text=text)
    )
    published = []
    monkeypatch.setattr(server, "text_document_publish_diagnostics", published.append)
    server.letters.open(uri, "/letters/draft.md")
    server.check_now(uri)
    assert [d.code for d in published[-1].diagnostics] == ["DATE001"]
    monkeypatch.setattr(Settings, "check", fail)
    server.check_now(uri)
    (failure,) = published[-1].diagnostics
    assert published[-1].version == 4
    assert failure.code == "PARSE004" and failure.severity == types.DiagnosticSeverity.Error
    assert failure.message.startswith("lettercheck failed while checking this letter (RuntimeError: a bug)")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_disabling_in_a_file_keeps_the_letters_line_breaks_and_its_bom(newline):
    text = newline.join(["\ufeffOfsted", "Piccadilly Gate", ""])
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    action = actions.disable_in_file("file:///l.md", _problem(), lines, newline=actions.line_break_of(text))
    (edit,) = action.edit.changes["file:///l.md"]
    assert edit.range.start == types.Position(line=0, character=1)  # after the byte order mark
    assert edit.new_text == f"<!-- lettercheck: disable-file DRAFT001 -->{newline}"
    with_comment = ["\ufeff<!-- lettercheck: disable-file STYLE003 -->", "Ofsted"]
    (added,) = actions.disable_in_file("file:///l.md", _problem(), with_comment).edit.changes["file:///l.md"]
    assert (added.range.start.character, added.new_text) == (len(with_comment[0]) - 4, ", DRAFT001")
