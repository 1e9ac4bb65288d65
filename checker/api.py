"""Library entry points shared by the CLI and the tests.

`load_file` reads one path into a letter or a `parse` diagnostic, never an
exception; `check_paths` and `report_paths` apply it across files.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from checker import source
from checker.diagnostics import Diagnostic, parse_diagnostic
from checker.model import Letter, Span

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
}
PARSE_HELP = {rule: help_text for rule, (_, help_text) in PARSE_RULES.items()}
PARSE_NAMES = {
    "PARSE001": "unreadable-file",
    "PARSE002": "not-text",
    "PARSE003": "not-a-letter",
    "PARSE004": "internal-error",
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


def iter_paths(
    paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()
) -> Iterator[str]:
    """Files named, and *.md/*.txt under directories (sorted, recursive)."""
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
                found.append(full)
        yield from sorted(found)


def load_file(path: str, name: str | None = None) -> FileResult:
    """Read and parse one file into a letter, or a single `parse` diagnostic.

    `name` is the path to report standard input under (`--stdin-filename`)."""
    from checker.parse import ParseError
    from checker.read import NotALetter, letter_from_source

    try:
        src = source.read(path)
    except source.SourceError as error:
        code = "PARSE001" if error.unreadable else "PARSE002"
        span = Span(error.line, error.column, error.line, error.column)
        return FileResult(
            name or (path if path != "-" else "<stdin>"),
            diagnostics=[parse_diagnostic(code, error.message, span, PARSE_HELP[code])],
        )
    if name:
        src.path = name
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
    from checker.config import ConfigError
    from checker.engine import engine_for
    from checker.rulepack import RulePackError

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
    from checker.alignment import DEFAULTS, Alignment, area_links, recommendation_links, unaddressed_concerns

    by_kind = {rule.kind: rule.params for rule in rules}

    def params(kind: str) -> dict:
        return {k: v for k, v in (by_kind.get(kind) or {}).items() if k in DEFAULTS}

    links, unmentioned = recommendation_links(letter, params("recommendation_support"))
    concern_patterns = (by_kind.get("serious_concerns") or {}).get("_concerns", ())
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

    from checker.config import config_for, load_config_file

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

    from checker.config import ConfigError
    from checker.engine import engine_for
    from checker.rulepack import RulePackError

    started = perf_counter()
    result = load_file(path, name)
    if result.letter is None or result.unreadable:
        result.seconds = perf_counter() - started
        return result
    try:
        config = effective_config(
            name or path, explicit_config, tuple(select), tuple(ignore), tuple(extend_select)
        )
        engine = engine_for(config)
    except (ConfigError, RulePackError) as error:
        raise SetupError(str(error)) from None
    result.diagnostics = engine.check(result.letter, result.path)
    result.seconds = perf_counter() - started
    return result


class FixNotWritten(Exception):
    """The fixes for one file could not be written; the others still are."""


def fix_file(
    path: str, explicit_config: str | None = None, select=(), ignore=(), extend_select=()
) -> tuple[FileResult, list[Diagnostic]]:
    """Check a file, apply the fixes its problems offer, check it again.

    Returns the new result and the problems fixed. Raises FixNotWritten
    (with the file's unfixed result) when the file cannot be rewritten."""
    from checker.fix import apply_fixes

    result = check_file(path, explicit_config, select, ignore, extend_select)
    if result.unreadable or not any(d.fix for d in result.diagnostics):
        return result, []
    src = source.read(path)
    text, applied = apply_fixes(src.text, result.diagnostics)
    try:
        source.write(src, text)
    except (OSError, UnicodeEncodeError) as error:
        raise FixNotWritten(f"{path}: fixes not written: {error}", result) from None
    return check_file(path, explicit_config, select, ignore, extend_select), applied


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
    """Check files in a stable order; with jobs > 1, in worker processes.

    Workers send back only what output needs: the diagnostics, the letter
    type, and the source lines when `keep_lines` (the text format shows them)."""
    files = list(iter_paths(paths, include, exclude))
    if jobs <= 1 or len(files) < 8 or "-" in files:
        for path in files:
            name = stdin_name if path == "-" else None
            yield check_file(path, explicit_config, select, ignore, extend_select, name)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from checker.config import ConfigError
    from checker.engine import engine_for
    from checker.parse import parser
    from checker.rulepack import RulePackError

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
    chunk = max(1, min(64, len(files) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for outcome in pool.map(work, files, chunksize=chunk):
            if isinstance(outcome, SetupError):
                raise outcome
            yield outcome


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
