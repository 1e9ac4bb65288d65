"""Drive a real `lettercheck lsp` process through pygls's client, synchronously.

The client runs on an event loop in a background thread; a test calls plain
methods (`open`, `change`, `hover`...) and waits for the diagnostics the
server publishes. Everything crosses the real protocol over standard input
and output, as an editor's would.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from checker.lsp.positions import UTF16, from_client, split_lines


def uri_of(path: str | Path) -> str:
    return from_fs_path(str(path))


class LspSession:
    def __init__(self, *args: str, capabilities: types.ClientCapabilities | None = None, cwd=None) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.client = LanguageClient("lettercheck-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.messages: list[types.ShowMessageParams] = []
        self.registrations: list[types.Registration] = []
        self._changed = threading.Condition()
        self._versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            with self._changed:
                self.published.setdefault(params.uri, []).append(params)
                self._changed.notify_all()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def _message(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def _register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        command = (sys.executable, "-m", "checker", "lsp", *args)
        self._run(self.client.start_io(*command, cwd=cwd))
        self.initialized = self._run(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=capabilities or types.ClientCapabilities(), process_id=None
                )
            )
        )
        self._notify(self.client.initialized, types.InitializedParams())

    # Plumbing

    def _run(self, coroutine, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def _notify(self, send, params) -> None:
        self.loop.call_soon_threadsafe(send, params)

    def count(self, uri: str) -> int:
        with self._changed:
            return len(self.published.get(uri, []))

    def next_published(self, uri: str, after: int, timeout: float = 15) -> types.PublishDiagnosticsParams:
        """The first publication for `uri` beyond the first `after` ones."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.published.get(uri, [])) > after, timeout):
                raise AssertionError(f"no diagnostics published for {uri} within {timeout} s")
            return self.published[uri][after]

    def _expect(self, uri: str, send, params) -> types.PublishDiagnosticsParams:
        before = self.count(uri)
        self._notify(send, params)
        return self.next_published(uri, before)

    # Documents

    def open(self, uri: str, text: str, language: str = "markdown") -> types.PublishDiagnosticsParams:
        self._versions[uri] = 1
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        return self._expect(uri, self.client.text_document_did_open, types.DidOpenTextDocumentParams(item))

    def change(self, uri: str, *edits: types.TextEdit | str, wait: bool = True):
        """Send edits (or a whole new text, as a string) as one didChange."""
        self._versions[uri] += 1
        changes = [
            types.TextDocumentContentChangeWholeDocument(text=edit)
            if isinstance(edit, str)
            else types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
            for edit in edits
        ]
        identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=self._versions[uri])
        params = types.DidChangeTextDocumentParams(text_document=identifier, content_changes=changes)
        if not wait:
            self._notify(self.client.text_document_did_change, params)
            return None
        return self._expect(uri, self.client.text_document_did_change, params)

    def version(self, uri: str) -> int:
        return self._versions[uri]

    def save(self, uri: str) -> types.PublishDiagnosticsParams:
        params = types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        return self._expect(uri, self.client.text_document_did_save, params)

    def close(self, uri: str) -> types.PublishDiagnosticsParams:
        params = types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        return self._expect(uri, self.client.text_document_did_close, params)

    def files_changed(self, uri_waited: str, *changed: str) -> types.PublishDiagnosticsParams:
        events = [types.FileEvent(uri=uri, type=types.FileChangeType.Changed) for uri in changed]
        params = types.DidChangeWatchedFilesParams(changes=events)
        return self._expect(uri_waited, self.client.workspace_did_change_watched_files, params)

    # Requests

    def hover(self, uri: str, line: int, character: int) -> types.Hover | None:
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
        return self._run(self.client.text_document_hover_async(params))

    def code_actions(
        self, uri: str, start: tuple[int, int], end: tuple[int, int] | None = None, only=None
    ) -> list[types.CodeAction]:
        end = end or start
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=start[0], character=start[1]),
                end=types.Position(line=end[0], character=end[1]),
            ),
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
        return self._run(self.client.text_document_code_action_async(params)) or []

    def stop(self) -> None:
        try:
            self._run(self.client.shutdown_async(None), timeout=10)
            self._notify(self.client.exit, None)
            self._run(self.client.stop(), timeout=10)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = UTF16) -> str:
    """`text` with LSP edits made, as an editor makes them (all against the
    original text; lines split at CRLF, CR or LF and joined back with LF)."""
    lines = split_lines(text)

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        return before + from_client(lines[position.line], position.character, encoding)

    flat = "\n".join(lines)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        flat = flat[: offset(edit.range.start)] + edit.new_text + flat[offset(edit.range.end) :]
    return flat
