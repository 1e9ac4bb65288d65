"""The configuration for each document, noticed when it changes on disk.

A long-running server must see an edited `.lettercheck.yaml`, a new one
nearer the letter, or an edited rule pack without a restart. Each folder's
settings are kept with a stamp of the files they came from (every
configuration file that could apply, found or not, and every rule file and
rule folder); before each check the stamp is taken again, some twenty
`stat` calls, and the settings are loaded afresh only when it differs.
Editors that watch files for the server make it drop everything at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from checker.lsp.engine_adapter import Settings, SettingsError, config_candidates, load_settings


@dataclass(slots=True)
class _Entry:
    files: tuple[str, ...]
    stamp: tuple
    settings: Settings | None
    error: SettingsError | None


def _stamp(files: tuple[str, ...]) -> tuple:
    """What each file is now: its identity, size and modification time, or None when absent."""
    found = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            found.append(None)
        else:
            found.append((info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(found)


class SettingsCache:
    """Settings per folder, loaded again when their files change."""

    def __init__(self, explicit_config: str | None = None) -> None:
        self.explicit_config = explicit_config
        self._by_folder: dict[str, _Entry] = {}
        self.loads = 0  # how many times settings were read from disk (for tests and logs)

    def for_path(self, path: str | None) -> Settings:
        """The settings for a document at `path` (None: an unsaved buffer,
        configured from the current folder, as standard input is). Raises
        SettingsError while the configuration or a rule pack is broken."""
        folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        entry = self._by_folder.get(folder)
        if entry is None or _stamp(entry.files) != entry.stamp:
            entry = self._load(folder)
            self._by_folder[folder] = entry
        if entry.error is not None:
            raise entry.error
        return entry.settings

    def forget(self) -> None:
        """Load everything again at the next check (the editor saw files change)."""
        self._by_folder.clear()

    def _load(self, folder: str) -> _Entry:
        candidates = config_candidates(folder, self.explicit_config)
        stamp = _stamp(candidates)  # taken before reading: a change while loading shows next time
        self.loads += 1
        try:
            settings = load_settings(folder, self.explicit_config)
        except SettingsError as error:
            return _Entry(candidates + error.watched, stamp + _stamp(error.watched), None, error)
        files = candidates + settings.watched
        return _Entry(files, stamp + _stamp(settings.watched), settings, None)
