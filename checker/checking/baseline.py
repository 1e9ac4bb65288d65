"""Baselines: the problems a repository already has, so that CI fails only on new ones.

A baseline counts problems per rule per file, which survives edits that move
lines. Files are keyed on their path relative to the baseline file's folder
(version 2), so `./x.md`, `x.md` and `/abs/x.md` are one file, whatever the
folder lettercheck runs from. Version 1 baselines keyed paths as typed, from
the folder lettercheck ran in; they are read from the current folder.
"""

from __future__ import annotations

import json
import os

VERSION = 2
STDIN = "<stdin>"


class BaselineError(Exception):
    def __init__(self, message: str, path: str, line: int = 0) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.message = message
        self.path = path
        self.line = line


class Baseline:
    """Allowed counts per rule for each file, keyed as this baseline keys paths."""

    def __init__(self, path: str, files: dict[str, dict[str, int]]) -> None:
        self.folder = os.path.dirname(os.path.abspath(path))
        self.files = files

    def key(self, path: str) -> str:
        return key_for(path, self.folder)

    def filter(self, path: str, diagnostics: list) -> list:
        """Only the problems beyond the recorded counts; when a rule has more
        problems than recorded, the later ones in the file are reported."""
        allowed = dict(self.files.get(self.key(path), {}))
        kept = []
        for diagnostic in diagnostics:
            if allowed.get(diagnostic.rule, 0) > 0:
                allowed[diagnostic.rule] -= 1
                continue
            kept.append(diagnostic)
        return kept


def key_for(path: str, folder: str) -> str:
    if path == STDIN:
        return path
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def load(path: str) -> Baseline:
    """Read and validate a baseline; raise BaselineError naming the file and line."""
    from checker.checking.setting_files import read_setting_text, why_not_read

    try:
        text = read_setting_text(path)
    except UnicodeDecodeError as error:
        raise BaselineError(f"cannot read baseline: not UTF-8 text (byte {error.start})", path) from None
    except OSError as error:
        raise BaselineError(f"cannot read baseline: {why_not_read(path, error)}", path) from None
    try:
        data = json.loads(text)
    except ValueError as error:
        raise BaselineError(
            f"not JSON: {getattr(error, 'msg', error)}", path, getattr(error, "lineno", 0)
        ) from None

    def fail(message: str, near: str | None = None) -> BaselineError:
        offset = text.find(json.dumps(near)) if near is not None else -1
        return BaselineError(message, path, text.count("\n", 0, offset) + 1 if offset >= 0 else 1)

    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise fail('a baseline is an object {"version": 2, "files": {path: {rule: count}}}')
    version = data.get("version")
    if version not in (1, VERSION):
        raise fail(
            f"unknown baseline version {version!r} (this lettercheck reads 1 and {VERSION})", "version"
        )
    folder = os.path.dirname(os.path.abspath(path))
    files: dict[str, dict[str, int]] = {}
    for name, counts in data["files"].items():
        if not isinstance(counts, dict) or not all(
            isinstance(rule, str) and isinstance(n, int) and not isinstance(n, bool) and n >= 0
            for rule, n in counts.items()
        ):
            raise fail(f"the entry for {name!r} must map rule IDs to counts (whole numbers)", name)
        key = name if version == VERSION else key_for(name, folder)  # version 1: as typed, from here
        files[key] = counts
    return Baseline(path, files)


def counts(results, path: str) -> dict:
    """The baseline of these results, keyed for a baseline file at `path`."""
    folder = os.path.dirname(os.path.abspath(path))
    files: dict[str, dict[str, int]] = {}
    for result in results:
        found: dict[str, int] = {}
        for diagnostic in result.diagnostics:
            found[diagnostic.rule] = found.get(diagnostic.rule, 0) + 1
        if found:
            files[key_for(result.path, folder)] = dict(sorted(found.items()))
    return {"version": VERSION, "files": dict(sorted(files.items()))}


def check_writable(path: str) -> None:
    """Fail before any work when the baseline could not be written."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BaselineError(f"cannot write baseline: the folder {folder} does not exist", path)
    if os.path.isdir(path):
        raise BaselineError("cannot write baseline: it is a directory", path)
    if os.path.exists(path) and not os.stat(path).st_mode & 0o222:
        raise BaselineError("cannot write baseline: the file is read-only", path)


def write(path: str, results) -> None:
    """Write the baseline atomically (a crash never leaves half a file)."""
    from checker.atomic import replace_file

    data = json.dumps(counts(results, path), indent=2) + "\n"
    try:
        replace_file(path, data.encode("utf-8"))
    except OSError as error:
        raise BaselineError(f"cannot write baseline: {error.strerror or error}", path) from None
