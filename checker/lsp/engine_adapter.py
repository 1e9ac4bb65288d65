"""The one door from the language server into lettercheck's own modules.

Reading an editor buffer into a letter, finding and loading the
configuration that applies to a path, running the rules, explaining a rule
and choosing the fixes `--fix` would make together all happen here, and
come back as the small frozen types below. The rest of `checker.lsp` knows
only these, so when lettercheck's modules move, this file alone changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# What the configuration search looks for in each folder, nearest folder first
# (config.find_config): a change to any of these may change what applies.
CONFIG_NAMES = (".lettercheck.yaml", "pyproject.toml")
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the problem's range with `replacement`."""

    replacement: str
    description: str


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a buffer: 1-based lines, columns counting Unicode
    characters, end exclusive (as every lettercheck output gives them)."""

    rule: str
    name: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    help: str
    fix: Fix | None = None
    internal: bool = False  # lettercheck failed here: never a verdict


class SettingsError(Exception):
    """A configuration or rule pack that cannot be used, as `path:line: what`;
    `watched` are the rule files to watch for it being mended."""

    def __init__(self, message: str, watched: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.watched = watched


@dataclass(slots=True)
class Settings:
    """The configuration and rules that apply to the documents of one folder."""

    config_path: str | None
    watched: tuple[str, ...]  # rule files and their folders: a change to any means loading again
    _engine: object
    _config: object
    _names: dict[str, str]
    _explained: dict[str, str | None] = field(default_factory=dict)

    def wants(self, path: str) -> bool:
        """Is `path` a letter this configuration checks? The same test as walking
        a folder: its name matches `include`, its path no `exclude` pattern."""
        return self._config.wants(path)

    def check(self, path: str, text: str) -> list[Problem]:
        """The problems in `text`, checked as the file `path` would be (its
        per-file ignores, its suppression comments), in the buffer's positions."""
        return [
            self._problem(d, shift_first_line=text.startswith(_BOM)) for d in self._diagnostics(path, text)
        ]

    def explain(self, rule: str) -> str | None:
        """`lettercheck explain RULE` as markdown (None: no such rule here)."""
        if rule not in self._explained:
            self._explained[rule] = _explain(rule, self._engine.rules)
        return self._explained[rule]

    def fixes_together(self, text: str, problems: list[Problem]) -> list[Problem]:
        """The fixes `--fix` would make in one pass (no two overlapping)."""
        from checker.checking.fixes import apply_fixes
        from checker.diagnostics import Diagnostic
        from checker.diagnostics import Fix as EngineFix
        from checker.model import Span

        by_diagnostic = {}
        for problem in problems:
            if problem.fix is None:
                continue
            shift = 1 if text.startswith(_BOM) and problem.line == 1 else 0
            span = Span(problem.line, problem.column - shift, problem.end_line, problem.end_column - shift)
            fix = EngineFix(problem.fix.replacement, problem.fix.description)
            diagnostic = Diagnostic(
                problem.rule, problem.category, problem.severity, span, problem.message, problem.help, fix
            )
            by_diagnostic[id(diagnostic)] = (diagnostic, problem)
        _, applied = apply_fixes(text.removeprefix(_BOM), [d for d, _ in by_diagnostic.values()])
        return [by_diagnostic[id(d)][1] for d in applied]

    def _diagnostics(self, path: str, text: str) -> list:
        from checker.api.loading import load_source, reading_problem
        from checker.model import Span
        from checker.reading import source

        data = text.encode("utf-8", errors="replace")  # a lone surrogate becomes one '?': columns stay
        if len(data) > source.MAX_BYTES:
            message = f"too large to be a letter ({len(data):,} bytes; the limit is {source.MAX_BYTES:,})"
            return [reading_problem("PARSE001", message, Span(1, 1, 1, 1))]
        try:
            src = source.from_bytes(path, data)
        except source.SourceError as error:
            span = Span(error.line, error.column, error.line, error.column)
            return [reading_problem("PARSE002", error.message, span)]
        result = load_source(src, self._engine.letter_types)  # the configuration's letter types
        if result.letter is None or result.unreadable:
            return result.diagnostics
        return self._engine.check(result.letter, path)

    def _problem(self, d, shift_first_line: bool) -> Problem:
        span = d.span
        start_shift = 1 if shift_first_line and span.line == 1 else 0
        end_shift = 1 if shift_first_line and span.end_line == 1 else 0
        return Problem(
            rule=d.rule,
            name=self._names.get(d.rule, d.rule.lower()),
            category=d.category,
            severity=d.severity,
            line=span.line,
            column=span.column + start_shift,
            end_line=span.end_line,
            end_column=span.end_column + end_shift,
            message=d.message,
            help=d.help,
            fix=Fix(d.fix.replacement, d.fix.description) if d.fix else None,
            internal=d.internal,
        )


def _explain(rule_id: str, rules) -> str | None:
    from checker.checking.rule_docs import explain_rule
    from checker.checking.rule_packs import parse_rules

    rule = next((r for r in rules if r.id == rule_id), None) or parse_rules().get(rule_id)
    return explain_rule(rule) if rule is not None else None


def load_settings(folder: str, explicit_config: str | None = None) -> Settings:
    """The configuration for documents in `folder` (`explicit_config`, as
    `--config` gives it, else the nearest one, exactly as `check` finds it) and
    its rules, read afresh from disk. Raises SettingsError."""
    from checker.checking import config as configuration
    from checker.checking.engine import Engine
    from checker.checking.rule_packs import RulePackError, parse_rules

    configuration.find_config.cache_clear()  # the files may have changed since they were cached
    try:
        if explicit_config:
            config = configuration.load_config_file(explicit_config)
        else:
            config = configuration.find_config(folder)
    except configuration.ConfigError as error:
        raise SettingsError(str(error)) from None
    try:
        engine = Engine(config)  # not engine_for: a rule file may have changed under an equal config
    except (configuration.ConfigError, RulePackError) as error:  # watch the rule files until mended
        raise SettingsError(str(error), _rule_pack_files(config.rule_dirs)) from None
    names = {rule.id: rule.name for rule in (*parse_rules().values(), *engine.rules)}
    return Settings(config.path, _rule_pack_files(config.rule_dirs), engine, config, names)


def _rule_pack_files(folders) -> tuple[str, ...]:
    """Each rule folder, its subfolders and YAML files (a file added or removed
    changes its folder's modification time)."""
    found: list[str] = []
    for folder in folders:
        found.append(folder)
        for root, dirs, files in os.walk(folder):
            found.extend(os.path.join(root, d) for d in sorted(dirs))
            found.extend(os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return tuple(found)


def config_candidates(folder: str, explicit_config: str | None = None) -> tuple[str, ...]:
    """Every file whose appearance, change or removal can change which
    configuration applies in `folder`."""
    if explicit_config:
        return (os.path.abspath(explicit_config),)
    start = Path(folder).resolve()
    return tuple(str(parent / name) for parent in (start, *start.parents) for name in CONFIG_NAMES)
