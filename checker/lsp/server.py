"""`lettercheck lsp`: the language server, over standard input and output.

Diagnostics are published when a letter is opened, when it is saved, and
while it is edited once typing pauses for the debounce (100 ms by default):
each change restarts the wait, so a burst of keystrokes costs one check.
Hovering a problem shows its rule, help and explanation; code actions offer
the rule's fix, disabling the rule on the line or in the file, and every fix
at once (`source.fixAll.lettercheck`).

Each letter is checked with the configuration `lettercheck check` would use
for its path (`--config`, else the nearest `.lettercheck.yaml` or
`pyproject.toml`), noticed afresh when it or a rule pack changes (see
`settings`). A document that configuration does not include (`include`,
`exclude`) gets no diagnostics.
"""

from __future__ import annotations

import asyncio
import logging
import os
from functools import partial

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__
from checker.lsp import actions
from checker.lsp.documents import OpenLetter, OpenLetters
from checker.lsp.engine_adapter import Problem, SettingsError
from checker.lsp.hover import hover_markdown, hover_plain
from checker.lsp.lsp_diagnostics import check_failed, setup_failed, to_lsp
from checker.lsp.positions import UTF16, from_client, problem_range, split_lines
from checker.lsp.server_log import log_one_line_per_problem
from checker.lsp.settings import SettingsCache

DEFAULT_DEBOUNCE = 0.1  # seconds of quiet typing before a check
STDIN_NAME = "<stdin>"  # how a buffer never saved is named, and configured (as standard input is)
# Files whose change can change the rules: configuration and rule packs.
WATCHED_FILES = ("**/.lettercheck.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
logger = logging.getLogger(__name__)


class LetterServer(LanguageServer):
    """A pygls server that checks letters; its handlers are its `on_*` methods."""

    def __init__(self, explicit_config: str | None = None, debounce: float = DEFAULT_DEBOUNCE) -> None:
        super().__init__(
            "lettercheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.letters = OpenLetters()
        self.settings = SettingsCache(explicit_config)
        self.debounce = debounce
        self._reported_setup_errors: set[str] = set()
        handlers = {
            types.INITIALIZED: self.on_initialized,
            types.TEXT_DOCUMENT_DID_OPEN: self.on_open,
            types.TEXT_DOCUMENT_DID_CHANGE: self.on_change,
            types.TEXT_DOCUMENT_DID_SAVE: self.on_save,
            types.TEXT_DOCUMENT_DID_CLOSE: self.on_close,
            types.WORKSPACE_DID_CHANGE_WATCHED_FILES: self.on_watched_files,
            types.TEXT_DOCUMENT_HOVER: self.on_hover,
        }
        for method, handler in handlers.items():
            self.feature(method)(partial(handler))  # pygls marks what it registers: not a bound method
        kinds = [types.CodeActionKind.QuickFix, actions.FIX_ALL]
        self.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds))(
            partial(self.on_code_action)
        )

    @property
    def encoding(self) -> str:
        return self.workspace.position_encoding or UTF16

    # Documents

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        self.letters.open(uri, path)
        self.check_now(uri)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.check_later(params.text_document.uri)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        """A saved letter is checked at once; a saved configuration or rule
        file (when the editor sends those too) has every open letter checked again."""
        letter = self.letters.get(params.text_document.uri)
        if letter is not None and self._is_letter(letter):
            self.check_now(letter.uri)
        else:
            self.check_all()

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.letters.close(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        self.settings.forget()
        self.check_all()

    def on_initialized(self, params: types.InitializedParams) -> None:
        """Ask the editor to report changes to configuration and rule files, where it can."""
        workspace = self.client_capabilities.workspace
        watching = workspace and workspace.did_change_watched_files
        if not (watching and watching.dynamic_registration):
            return  # the stamps taken before each check still notice the changes
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED_FILES]
        )
        registration = types.Registration(
            id="lettercheck-settings",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        self.client_register_capability(types.RegistrationParams(registrations=[registration]))

    # Checking

    def check_later(self, uri: str) -> None:
        """Check once the typing has paused for `debounce` seconds."""
        letter = self.letters.get(uri)
        if letter is None:
            return
        letter.cancel_pending()
        letter.pending = asyncio.get_running_loop().call_later(self.debounce, self._check_pending, uri)

    def _check_pending(self, uri: str) -> None:
        letter = self.letters.get(uri)
        if letter is not None:
            letter.pending = None
            self.check_now(uri)

    def check_all(self) -> None:
        for letter in self.letters:
            self.check_now(letter.uri)

    def check_now(self, uri: str) -> None:
        """Check the document as it is now and publish what was found."""
        letter = self.letters.get(uri)
        if letter is None:
            return
        letter.cancel_pending()
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        letter.checked_version, letter.checked_text = version, text
        letter.lines, letter.problems = split_lines(text), []
        try:
            published = self._problems_for(letter, text)
        except SettingsError as error:
            published = [setup_failed(str(error))]
            self._tell_once(str(error))
        except Exception as error:  # a bug must show as a failure, never as a clean letter
            logger.exception("lettercheck failed on %s", uri)
            published = [check_failed(error)]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=published, version=version)
        )

    def _problems_for(self, letter: OpenLetter, text: str) -> list[types.Diagnostic]:
        settings = self.settings.for_path(letter.path)
        if letter.path is not None and not settings.wants(letter.path):
            return []
        letter.problems = settings.check(letter.path or STDIN_NAME, text)
        return [to_lsp(problem, letter.lines, self.encoding) for problem in letter.problems]

    def _is_letter(self, letter: OpenLetter) -> bool:
        if letter.path is None:
            return True
        try:
            return self.settings.for_path(letter.path).wants(letter.path)
        except SettingsError:
            return True

    def _tell_once(self, message: str) -> None:
        """Show a broken configuration once, not at every keystroke."""
        if message not in self._reported_setup_errors:
            self._reported_setup_errors.add(message)
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"lettercheck: {message}")
            )

    def _checked(self, uri: str) -> OpenLetter | None:
        """The letter with its problems for its current text (checking it now
        if an edit is still waiting for its debounce)."""
        letter = self.letters.get(uri)
        if letter is None:
            return None
        if letter.checked_version != self.workspace.get_text_document(uri).version:
            self.check_now(uri)
        return letter

    # Hover and code actions

    def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        letter = self._checked(params.text_document.uri)
        if letter is None or not letter.problems or params.position.line >= len(letter.lines):
            return None
        line = params.position.line
        where = (line + 1, from_client(letter.lines[line], params.position.character, self.encoding) + 1)
        here = [p for p in letter.problems if (p.line, p.column) <= where <= (p.end_line, p.end_column)]
        if not here:
            return None
        markdown = self._client_reads_markdown()
        texts = []
        for problem in here:
            explanation = self._explanation(letter, problem)
            texts.append(
                hover_markdown(problem, explanation) if markdown else hover_plain(problem, explanation)
            )
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        return types.Hover(
            contents=types.MarkupContent(kind=kind, value="\n\n---\n\n".join(texts)),
            range=problem_range(here[0], letter.lines, self.encoding),
        )

    def _client_reads_markdown(self) -> bool:
        text_document = self.client_capabilities.text_document
        hover = text_document and text_document.hover
        formats = hover and hover.content_format
        return not formats or types.MarkupKind.Markdown in formats

    def _explanation(self, letter: OpenLetter, problem: Problem) -> str | None:
        try:
            return self.settings.for_path(letter.path).explain(problem.rule)
        except SettingsError:
            return None

    def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        letter = self._checked(uri)
        if letter is None or not letter.problems:
            return None
        only = params.context.only
        first, last = params.range.start.line + 1, params.range.end.line + 1
        found: list[types.CodeAction] = []
        if actions.wanted(types.CodeActionKind.QuickFix, only):
            found += self._quick_fixes(
                uri, letter, [p for p in letter.problems if p.line <= last and p.end_line >= first]
            )
        if actions.wanted(actions.FIX_ALL, only):
            chosen = self._fixes_together(letter)
            if chosen:
                found.append(actions.fix_all(uri, chosen, letter.lines, self.encoding))
        return found or None

    def _quick_fixes(self, uri: str, letter: OpenLetter, problems: list[Problem]) -> list[types.CodeAction]:
        fixes, disables, seen = [], [], set()
        for problem in problems:
            if actions.fixable_alone(problem):
                fixes.append(actions.fix(uri, problem, letter.lines, self.encoding))
            if problem.category == "parse" or problem.internal or (problem.rule, problem.line) in seen:
                continue
            seen.add((problem.rule, problem.line))
            on_line = actions.disable_on_line(uri, problem, letter.lines, self.encoding)
            if on_line is not None:
                disables.append(on_line)
            if problem.rule not in seen:
                seen.add(problem.rule)
                newline = actions.line_break_of(letter.checked_text)
                disables.append(actions.disable_in_file(uri, problem, letter.lines, self.encoding, newline))
        return fixes + disables

    def _fixes_together(self, letter: OpenLetter) -> list[Problem]:
        if not any(actions.fixable_alone(p) for p in letter.problems):
            return []
        try:
            settings = self.settings.for_path(letter.path)
        except SettingsError:
            return []
        return settings.fixes_together(letter.checked_text, letter.problems)


def serve(explicit_config: str | None = None, debounce: float = DEFAULT_DEBOUNCE) -> None:
    """Run the server on standard input and output until the editor ends it."""
    if explicit_config:
        explicit_config = os.path.abspath(explicit_config)
    log_one_line_per_problem()
    LetterServer(explicit_config, debounce).start_io()
