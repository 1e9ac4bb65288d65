"""`--fix`: check a file, apply the fixes its problems offer, write it back
(atomically, only if it still holds the bytes that were checked)."""

from __future__ import annotations

from time import perf_counter

from checker.api.check_files import check_loaded
from checker.api.loading import load_read, load_source, unreadable
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


_DOCUMENT_NAMES = {"pdf": "a PDF", "docx": "a Word file"}
_WHERE_TO_FIX = {"pdf": "in the document the PDF was made from", "docx": "in Word"}


def not_rewritten(path: str, result: FileResult) -> str:
    """Why the fixes for a PDF or Word file are not written, and what to do."""
    fixable = sum(1 for d in result.diagnostics if d.fix is not None)
    count = f"{fixable} fix{'es' if fixable != 1 else ''}"
    return (
        f"{path}: {count} not applied: lettercheck never rewrites {_DOCUMENT_NAMES[result.kind]}; "
        f"make the changes {_WHERE_TO_FIX[result.kind]} (each problem says what to change)"
    )


def fix_file(
    path: str, explicit_config: str | None = None, select=(), ignore=(), extend_select=()
) -> tuple[FileResult, list[Diagnostic]]:
    """Check a file, apply the fixes its problems offer, report what is left.

    The file is read once: the fixes are applied to the very text that was
    checked, and written only if the file still holds those bytes. Returns the
    new result and the problems fixed. Raises FixNotWritten (with the file's
    unfixed result) when it cannot be rewritten."""
    from checker.checking.fixes import apply_fixes
    from checker.reading.file_types import read_letter_file

    selection = Selection.of(explicit_config, select, ignore, extend_select)
    started = perf_counter()
    try:
        src, document = read_letter_file(path)
    except source.SourceError as error:
        return unreadable(path, error), []
    engine = selection.engine_for(path)
    result = check_loaded(load_read(src, document, engine.letter_types), engine, started)
    if result.unreadable or not any(d.fix for d in result.diagnostics):
        return result, []
    if not result.rewritable:
        raise FixNotWritten(not_rewritten(path, result), result, failed=False)
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
