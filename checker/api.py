"""Library entry points shared by the CLI and the tests.

`load_file` reads one path into a letter or a `parse` diagnostic, never an
exception; `check_paths` and `report_paths` apply it across files.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from checker.diagnostics import Diagnostic, parse_diagnostic
from checker.model import Letter, Span
from checker.reading import source

DEFAULT_INCLUDE = ("*.md", "*.txt")

# The `parse` diagnostics come from reading, not from rule packs: (what, help).
PARSE_RULES = {
    "PARSE001": (
        "the file cannot be read (missing, a folder, no permission)",
        "Check that the path exists and is readable.",
    ),
    "PARSE002": (
        "the file is not text (binary data, control characters, an undecodable encoding)",
        "lettercheck reads UTF-8, UTF-16 with BOM or Windows-1252 text (.md, .txt).",
    ),
    "PARSE003": (
        "the text is not an inspection letter (empty, a press release, notes)",
        "A letter starts 'Dear ...', has a title such as 'Focused visit to X children's "
        "services' and ends 'Yours sincerely' and a signature.",
    ),
    "PARSE004": (
        "lettercheck failed while reading the letter (a bug)",
        "Please report it with the letter that caused it.",
    ),
    "PARSE005": (
        "the process checking the file was killed (out of memory, a signal); the file was not checked",
        "Check the file again on its own; if it is killed again, report it with the letter.",
    ),
}
PARSE_HELP = {rule: help_text for rule, (_, help_text) in PARSE_RULES.items()}
PARSE_NAMES = {
    "PARSE001": "unreadable-file",
    "PARSE002": "not-text",
    "PARSE003": "not-a-letter",
    "PARSE004": "internal-error",
    "PARSE005": "worker-killed",
}


@dataclass(slots=True)
class FileResult:
    path: str
    letter: Letter | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    alignment: object | None = None
    seconds: float = 0.0  # time spent reading and checking it (JUnit's `time`)
    config: object | None = None  # the effective configuration (set by report_paths)

    @property
    def letter_type(self) -> str:
        return self.letter.letter_type if self.letter else "unknown"

    @property
    def unreadable(self) -> bool:
        return any(d.category == "parse" for d in self.diagnostics)

    @property
    def incomplete(self) -> bool:
        """Not fully checked: unreadable, or a rule failed on it (exit code 2)."""
        return any(d.category == "parse" or d.internal for d in self.diagnostics)


def iter_paths(
    paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()
) -> Iterator[str]:
    """Files named, and *.md/*.txt under directories (sorted, recursive).

    A walk skips what is not a regular file (a named pipe would block the
    run); a path named explicitly is always yielded, so that reading it
    reports what it is."""
    include, exclude = tuple(include), tuple(exclude)
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            yield name
            continue
        found = []
        for root, dirs, files in os.walk(name):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file in files:
                full = os.path.join(root, file)
                relative = os.path.relpath(full, name)
                if not any(fnmatch.fnmatch(file, pattern) for pattern in include):
                    continue
                if any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(full, p) for p in exclude):
                    continue
                if _special_file(full):
                    continue
                found.append(full)
        yield from sorted(found)


def _special_file(path: str) -> bool:
    """A named pipe, socket or device (a broken link is not: reading reports it)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def load_file(path: str, name: str | None = None) -> FileResult:
    """Read and parse one file into a letter, or a single `parse` diagnostic.

    `name` is the path to report standard input under (`--stdin-filename`)."""
    try:
        src = source.read(path)
    except source.SourceError as error:
        return _unreadable(name or (path if path != "-" else "<stdin>"), error)
    if name:
        src.path = name
    return load_source(src)


def _unreadable(path: str, error: source.SourceError) -> FileResult:
    code = "PARSE001" if error.unreadable else "PARSE002"
    span = Span(error.line, error.column, error.line, error.column)
    return FileResult(path, diagnostics=[parse_diagnostic(code, error.message, span, PARSE_HELP[code])])


def load_source(src: source.Source) -> FileResult:
    """Parse decoded text into a letter, or a single `parse` diagnostic."""
    from checker.reading.letter_reader import NotALetter, letter_from_source
    from checker.reading.parser import ParseError

    try:
        letter = letter_from_source(src)
    except NotALetter as error:
        return FileResult(
            src.path,
            letter=error.letter,
            diagnostics=[parse_diagnostic("PARSE003", error.message, error.span, PARSE_HELP["PARSE003"])],
        )
    except ParseError as error:
        span = Span(error.line, error.column, error.line, error.column)
        return FileResult(
            src.path, diagnostics=[parse_diagnostic("PARSE003", error.message, span, PARSE_HELP["PARSE003"])]
        )
    except Exception as error:  # a bug while reading must not stop the other files
        span = Span(1, 1, 1, 1)
        message = f"internal error while reading the letter: {type(error).__name__}: {error}"
        return FileResult(
            src.path, diagnostics=[parse_diagnostic("PARSE004", message, span, PARSE_HELP["PARSE004"])]
        )
    return FileResult(src.path, letter=letter)


def report_paths(
    paths: Iterable[str],
    explicit_config: str | None = None,
    select=(),
    ignore=(),
    include=DEFAULT_INCLUDE,
    exclude=(),
) -> list[FileResult]:
    """Check each letter as `check` would, then link its recommendations and
    areas to findings with the parameters of the rules that judge them, so the
    report's map agrees with its ALIGN diagnostics."""
    from checker.checking.config import ConfigError
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import RulePackError

    results = []
    for path in iter_paths(paths, include, exclude):
        result = check_file(path, explicit_config, select, ignore)
        if result.letter is not None and not result.unreadable:
            try:
                result.config = effective_config(path, explicit_config, tuple(select), tuple(ignore))
                rules = engine_for(result.config).rules
            except (ConfigError, RulePackError) as error:
                raise SetupError(str(error)) from None
            result.alignment = _align(result.letter, rules)
        results.append(result)
    return results


def _align(letter: Letter, rules) -> object:
    """Recommendation and area links, each computed with the parameters of
    the rule that reports on it (the defaults when that rule is not selected)."""
    from checker.facts.evidence import (
        DEFAULTS,
        Alignment,
        area_links,
        recommendation_links,
        unaddressed_concerns,
    )

    by_kind = {rule.kind: rule.params for rule in rules}

    def params(kind: str) -> dict:
        return {k: v for k, v in (by_kind.get(kind) or {}).items() if k in DEFAULTS}

    links, unmentioned = recommendation_links(letter, params("recommendation_support"))
    concerns_rule = next((rule for rule in rules if rule.kind == "serious_concerns"), None)
    concern_patterns = concerns_rule.params.derived["concerns"] if concerns_rule else ()
    return Alignment(
        links=links,
        areas=area_links(letter, params("areas_evaluated")),
        concerns=unaddressed_concerns(letter, concern_patterns, params("serious_concerns")),
        unmentioned=unmentioned,
    )


class SetupError(Exception):
    """A broken configuration or rule pack: reported once, exit code 2."""


def effective_config(
    path: str,
    explicit: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...] = (),
):
    """The configuration for `path` with the command line's selection on top.

    `extend_select` adds to the selection (the configured one when there is
    no `select`); with no selection at all every rule already runs."""
    from dataclasses import replace

    from checker.checking.config import config_for, load_config_file

    config = load_config_file(explicit) if explicit else config_for(path)
    if select:
        config = replace(config, select=select)
    if extend_select and config.select:
        config = replace(config, select=config.select + extend_select)
    if ignore:
        config = replace(config, ignore=config.ignore + ignore)
    if select or ignore or extend_select:
        config = replace(config, from_command_line=tuple(select) + tuple(ignore) + tuple(extend_select))
    return config


def check_file(
    path: str, explicit_config: str | None = None, select=(), ignore=(), extend_select=(), name=None
) -> FileResult:
    """Check one file with the configuration that applies to it (for standard
    input read under `name`, the configuration that applies to that name)."""
    from time import perf_counter

    started = perf_counter()
    result = load_file(path, name)
    return _check_loaded(result, name or path, started, explicit_config, select, ignore, extend_select)


def _check_loaded(
    result: FileResult, path: str, started: float, explicit_config, select, ignore, extend_select
) -> FileResult:
    """Run the rules that apply to `path` on a letter already read."""
    from time import perf_counter

    from checker.checking.config import ConfigError
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import RulePackError

    if result.letter is None or result.unreadable:
        result.seconds = perf_counter() - started
        return result
    try:
        config = effective_config(path, explicit_config, tuple(select), tuple(ignore), tuple(extend_select))
        engine = engine_for(config)
    except (ConfigError, RulePackError) as error:
        raise SetupError(str(error)) from None
    result.diagnostics = engine.check(result.letter, result.path)
    result.seconds = perf_counter() - started
    return result


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
    from time import perf_counter

    from checker.checking.fixes import apply_fixes

    chosen = (explicit_config, select, ignore, extend_select)
    started = perf_counter()
    try:
        src = source.read(path)
    except source.SourceError as error:
        return _unreadable(path, error), []
    result = _check_loaded(load_source(src), path, started, *chosen)
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
    fixed = load_source(source.from_bytes(src.path, written))
    return _check_loaded(fixed, path, perf_counter(), *chosen), applied


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
    jobs = min(jobs, len(files), 4 * (os.cpu_count() or 1))  # checking is CPU-bound
    if jobs <= 1 or len(files) < 8 or "-" in files:
        for path in files:
            name = stdin_name if path == "-" else None
            yield check_file(path, explicit_config, select, ignore, extend_select, name)
        return
    from functools import partial

    from checker.checking.config import ConfigError
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import RulePackError
    from checker.reading.parser import parser

    # Build the parser and the rules before the pool starts: forked workers
    # inherit them instead of each building its own.
    parser()
    try:
        engine_for(
            effective_config(files[0], explicit_config, tuple(select), tuple(ignore), tuple(extend_select))
        )
    except (ConfigError, RulePackError) as error:
        raise SetupError(str(error)) from None

    work = partial(
        _check_for_worker,
        explicit_config=explicit_config,
        select=tuple(select),
        ignore=tuple(ignore),
        extend_select=tuple(extend_select),
        keep_lines=keep_lines,
    )
    from checker.workers import in_workers

    for outcome in in_workers(files, work, jobs, killed=_worker_killed):
        if isinstance(outcome, SetupError):
            raise outcome
        yield outcome


def _worker_killed(path: str) -> FileResult:
    message = "the process checking this file was killed (out of memory, or a signal); it was not checked"
    span = Span(1, 1, 1, 1)
    return FileResult(path, diagnostics=[parse_diagnostic("PARSE005", message, span, PARSE_HELP["PARSE005"])])


def _check_for_worker(path: str, explicit_config, select, ignore, extend_select, keep_lines: bool):
    """Worker side: return a light result (no model, lines only if wanted)."""
    try:
        result = check_file(path, explicit_config, select, ignore, extend_select)
    except SetupError as error:
        return error
    if result.letter is not None:
        result.letter = _Lines(result.letter.lines if keep_lines else [], result.letter.letter_type)
    result.alignment = None
    return result


class _Lines:
    """What output needs of a letter once checked: its lines and its type."""

    __slots__ = ("letter_type", "lines")

    def __init__(self, lines: list[str], letter_type: str) -> None:
        self.lines = lines
        self.letter_type = letter_type
