"""`--fix`: check a file, apply the fixes its problems offer, write it back
(atomically, only if it still holds the bytes that were checked)."""

from __future__ import annotations

from time import perf_counter

from checker.api.check_files import check_loaded
from checker.api.loading import load_source, unreadable
from checker.api.results import FileResult
from checker.api.settings import Selection
from checker.diagnostics import Diagnostic
from checker.reading import source


class FixNotWritten(Exception):
    """The fixes for one file were not written; the others still are.

    `failed`: writing failed (disk full, permissions: exit code 2), rather than
    being refused to keep data safe (the file changed on disk...)."""

    def __init__(self, message: str, result: FileResult, failed: bool) -> None:
        super().__init__(message, result)
        self.message = message
        self.result = result
        self.failed = failed


def fix_file(
    path: str, explicit_config: str | None = None, select=(), ignore=(), extend_select=()
) -> tuple[FileResult, list[Diagnostic]]:
    """Check a file, apply the fixes its problems offer, report what is left.

    The file is read once: the fixes are applied to the very text that was
    checked, and written only if the file still holds those bytes. Returns the
    new result and the problems fixed. Raises FixNotWritten (with the file's
    unfixed result) when it cannot be rewritten."""
    from checker.checking.fixes import apply_fixes

    selection = Selection.of(explicit_config, select, ignore, extend_select)
    started = perf_counter()
    try:
        src = source.read(path)
    except source.SourceError as error:
        return unreadable(path, error), []
    engine = selection.engine_for(path)
    result = check_loaded(load_source(src, engine.letter_types), engine, started)
    if result.unreadable or not any(d.fix for d in result.diagnostics):
        return result, []
    text, applied = apply_fixes(src.text, result.diagnostics)
    if not applied:
        return result, []
    try:
        written = source.write(src, text)
    except source.WriteRefused as error:
        raise FixNotWritten(f"{path}: fixes not written: {error}", result, failed=False) from None
    except OSError as error:
        raise FixNotWritten(
            f"{path}: fixes not written: {error.strerror or error}", result, failed=True
        ) from None
    fixed = load_source(source.from_bytes(src.path, written), engine.letter_types)
    return check_loaded(fixed, engine, perf_counter()), applied
