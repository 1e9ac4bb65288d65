"""What the server remembers of each open letter between messages.

The text itself lives in pygls's workspace; here is what was checked (which
version, its lines, its problems) so that hovers and code actions answer
about the very text the diagnostics were computed on, and the timer of a
check waiting for the typing to pause.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from checker.lsp.engine_adapter import Problem


@dataclass(slots=True)
class OpenLetter:
    uri: str
    path: str | None  # the file on disk; None for a buffer never saved
    checked_version: int | None = None
    checked_text: str = ""
    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pending: asyncio.TimerHandle | None = None

    def cancel_pending(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


class OpenLetters:
    """The open documents by URI."""

    def __init__(self) -> None:
        self._by_uri: dict[str, OpenLetter] = {}

    def open(self, uri: str, path: str | None) -> OpenLetter:
        letter = self._by_uri.get(uri)
        if letter is None:
            letter = self._by_uri[uri] = OpenLetter(uri, path)
        return letter

    def get(self, uri: str) -> OpenLetter | None:
        return self._by_uri.get(uri)

    def close(self, uri: str) -> None:
        letter = self._by_uri.pop(uri, None)
        if letter is not None:
            letter.cancel_pending()

    def __iter__(self):
        return iter(list(self._by_uri.values()))
