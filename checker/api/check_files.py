"""Check files: each with the configuration that applies to it, in a stable
order, in worker processes when there are many."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial
from time import perf_counter
from typing import TYPE_CHECKING

from checker.api.loading import load_file, reading_problem
from checker.api.paths import DEFAULT_INCLUDE, iter_paths
from checker.api.results import FileResult
from checker.api.settings import Selection, SetupError
from checker.model import Span

if TYPE_CHECKING:
    from checker.checking.engine import Engine


def check_file(
    path: str, explicit_config: str | None = None, select=(), ignore=(), extend_select=(), name=None
) -> FileResult:
    """Check one file with the configuration that applies to it (for standard
    input read under `name`, the configuration that applies to that name)."""
    started = perf_counter()
    engine = Selection.of(explicit_config, select, ignore, extend_select).engine_for(name or path)
    return check_loaded(load_file(path, name, engine.letter_types), engine, started)


def check_loaded(result: FileResult, engine: Engine, started: float) -> FileResult:
    """Run the engine's rules on a letter read with its letter types."""
    if result.letter is not None and not result.unreadable:
        result.diagnostics = engine.check(result.letter, result.path)
        result.place_diagnostics()
    result.seconds = perf_counter() - started
    return result


def check_paths(
    paths: Iterable[str],
    explicit_config: str | None = None,
    select=(),
    ignore=(),
    include=DEFAULT_INCLUDE,
    exclude=(),
    jobs: int = 1,
    keep_lines: bool = True,
    extend_select=(),
    stdin_name: str | None = None,
) -> Iterator[FileResult]:
    """Check files in a stable order; with jobs > 1, in worker processes
    (never more than files, nor more than four per core).

    Workers send back only what output needs: the diagnostics, the letter
    type, and the source lines when `keep_lines` (the text format shows them)."""
    files = list(iter_paths(paths, include, exclude))
    selection = Selection.of(explicit_config, select, ignore, extend_select)
    jobs = min(jobs, len(files), 4 * (os.cpu_count() or 1))  # checking is CPU-bound
    if jobs <= 1 or len(files) < 8 or "-" in files:
        for path in files:
            name = stdin_name if path == "-" else None
            yield check_file(path, *_as_arguments(selection), name=name)
        return
    yield from _check_in_workers(files, selection, jobs, keep_lines)


def _as_arguments(selection: Selection) -> tuple:
    return (selection.config, selection.select, selection.ignore, selection.extend_select)


def _check_in_workers(
    files: list[str], selection: Selection, jobs: int, keep_lines: bool
) -> Iterator[FileResult]:
    """`check_file` over `files` in `jobs` forked workers, results in file order."""
    from checker.api.pool import in_workers
    from checker.reading.parser import parser

    # Build the parser and the rules before the pool starts: forked workers
    # inherit them instead of each building its own.
    parser()
    selection.engine_for(files[0])
    work = partial(_check_for_worker, selection=selection, keep_lines=keep_lines)
    for outcome in in_workers(files, work, jobs, killed=_worker_killed):
        if isinstance(outcome, SetupError):
            raise outcome
        yield outcome


def _worker_killed(path: str, why: str) -> FileResult:
    from checker.api.pool import FILE_TIME_LIMIT, TIMED_OUT

    if why == TIMED_OUT:
        message = (
            f"checking this file took longer than {FILE_TIME_LIMIT:.0f} s; it was stopped and not checked"
        )
    else:
        message = "the process checking this file was killed (out of memory, or a signal); it was not checked"
    return FileResult(path, [reading_problem("PARSE005", message, Span(1, 1, 1, 1))])


def _check_for_worker(path: str, selection: Selection, keep_lines: bool) -> FileResult | SetupError:
    """Worker side: a light result (no model, the lines only if wanted)."""
    try:
        result = check_file(path, *_as_arguments(selection))
    except SetupError as error:
        return error
    result.keep_only_diagnostics(keep_lines and bool(result.diagnostics))  # a clean file shows nothing
    return result
