"""Run the configured rules over a letter: the checking half of the pipeline.

The engine turns each check's hits into diagnostics (message filled from the
facts), applies the configuration (select, ignore, severities, per-file
ignores), inline suppressions and a baseline.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from checker.checks import REGISTRY
from checker.checks.generic import PatternTimeout, start_budget
from checker.config import Config, matches
from checker.diagnostics import Diagnostic
from checker.model import Letter, Span
from checker.rulepack import Rule, load_rules

_DIRECTIVE = re.compile(
    r"<!--\s*lettercheck:\s*(?P<action>disable-file|disable-next-line|disable)\b(?P<rules>[^>]*?)-->"
)
SUPPRESSION_RULE = "SUP001"
RULE_BUDGET = 1.0  # seconds of pattern searching each rule may spend on one letter


@dataclass(slots=True)
class Suppression:
    line: int
    column: int
    end_column: int
    rules: tuple[str, ...]  # empty: every rule
    first: int
    last: int
    used: bool = False

    def covers(self, diagnostic: Diagnostic) -> bool:
        in_range = self.first <= diagnostic.span.line <= self.last
        return in_range and (not self.rules or diagnostic.rule in self.rules)


def find_suppressions(lines: list[str]) -> list[Suppression]:
    found = []
    for index, text in enumerate(lines):
        for match in _DIRECTIVE.finditer(text):
            rules = tuple(r for r in re.split(r"[\s,]+", match.group("rules").strip()) if r)
            number = index + 1
            action = match.group("action")
            if action == "disable-file":
                first, last = 1, len(lines)
            elif text[: match.start()].strip():  # trailing comment: this line
                first = last = number
            else:  # the next block (up to a blank line), or just the next line
                first = number + 1
                while first <= len(lines) and not lines[first - 1].strip():
                    first += 1
                last = first
                if action == "disable":
                    while last < len(lines) and lines[last].strip():
                        last += 1
            found.append(Suppression(number, match.start() + 1, match.end() + 1, rules, first, last))
    return found


class Engine:
    """The rules selected by one configuration, ready to run on letters."""

    def __init__(self, config: Config, rules: list[Rule] | None = None) -> None:
        self.config = config
        if rules is None:
            rules = load_rules(config.rule_dirs, config.param_overrides(), config.path)
            _check_selectors(config, rules)
        all_rules = rules
        severity = dict(config.severity)
        selected = []
        for rule in all_rules:
            if config.select and not matches(rule, config.select):
                continue
            if config.ignore and matches(rule, config.ignore):
                continue
            if rule.id in severity:
                rule = replace(rule, severity=severity[rule.id])
            selected.append(rule)
        self.rules = selected
        self.suppression_rule = next((r for r in selected if r.id == SUPPRESSION_RULE), None)

    def check(self, letter: Letter, path: str | None = None) -> list[Diagnostic]:
        ignored = self.config.ignored_for(path or letter.path)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            if not rule.applies(letter.letter_type) or (ignored and matches(rule, ignored)):
                continue
            kind = REGISTRY[rule.kind]
            start_budget(RULE_BUDGET)
            try:
                found = [
                    Diagnostic(
                        rule.id,
                        rule.category,
                        rule.severity,
                        hit.span,
                        rule.format(hit.facts),
                        rule.format_help(hit.facts),
                        hit.fix,
                    )
                    for hit in kind.function(letter, rule.params)
                ]
            except PatternTimeout:
                scope = rule.params.get("scope", "letter")
                found = [
                    _rule_failed(
                        rule,
                        f"rule {rule.id} skipped on this letter: its pattern used up its time "
                        f"({RULE_BUDGET:g} s per letter) before it had searched the whole {scope}",
                        "Simplify the rule's pattern (avoid nested repetition such as (a+)+) or narrow its scope.",
                        severity="warning",
                    )
                ]
            except Exception as error:  # a bug in a check must not hide the other rules' results
                found = [
                    _rule_failed(
                        rule,
                        f"internal error in rule {rule.id} ({rule.kind}): {type(error).__name__}: {error}",
                        "This is a bug in lettercheck: please report it with the letter that caused it. "
                        f"`--ignore {rule.id}` skips the rule meanwhile.",
                        internal=True,
                    )
                ]
            diagnostics.extend(found)
        start_budget(None)
        diagnostics = self._suppress(letter.lines, diagnostics, ignored)
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics

    def _suppress(self, lines: list[str], diagnostics: list[Diagnostic], ignored) -> list[Diagnostic]:
        suppressions = find_suppressions(lines)
        if not suppressions:
            return diagnostics
        kept = []
        for diagnostic in diagnostics:
            covering = [s for s in suppressions if s.covers(diagnostic)]
            for suppression in covering:
                suppression.used = True
            if not covering:
                kept.append(diagnostic)
        rule = self.suppression_rule
        if rule is not None and not (ignored and matches(rule, ignored)):
            for s in suppressions:
                if not s.used:
                    names = ", ".join(s.rules) or "all rules"
                    kept.append(
                        Diagnostic(
                            rule.id,
                            rule.category,
                            rule.severity,
                            Span(s.line, s.column, s.line, s.end_column),
                            rule.format({"rules": names}),
                            rule.help,
                        )
                    )
        return kept


def _check_selectors(config: Config, rules: list[Rule]) -> None:
    """A rule ID, prefix or category in the configuration that matches no rule
    is a typo that would silently switch checking off: say so."""
    from checker.api import PARSE_RULES
    from checker.config import ConfigError

    wanted = [("select", s) for s in config.select] + [("ignore", s) for s in config.ignore]
    wanted += [("severity", rule_id) for rule_id, _ in config.severity]
    wanted += [("params", rule_id) for rule_id, _ in config.params]
    wanted += [("per_file_ignores", s) for _, selectors in config.per_file_ignores for s in selectors]
    for setting, selector in wanted:
        exact = setting in ("severity", "params")
        known = (
            any(
                rule.id == selector
                or (
                    not exact
                    and (rule.category == selector or (selector.isupper() and rule.id.startswith(selector)))
                )
                for rule in rules
            )
            or selector in PARSE_RULES
        )
        if known:
            continue
        message = (
            f"'{selector}' in {setting} matches no rule ID, prefix or category (see `lettercheck rules`)"
        )
        if selector in config.from_command_line or not config.path:
            raise ConfigError(message.replace(f"in {setting}", f"(--{setting})"), "command line", line=0)
        error = ConfigError(message, config.path, key=setting)
        with suppress(OSError):
            error = error.at_key_line(Path(config.path).read_text(encoding="utf-8"))
        raise error


def _rule_failed(
    rule: Rule, message: str, help_text: str, severity: str = "error", internal: bool = False
) -> Diagnostic:
    """A rule that could not run on this letter, reported at the top of the file:
    an error for a bug (exit code 2), a warning ("look again") for a rule
    skipped for time."""
    return Diagnostic(
        rule.id, rule.category, severity, Span(1, 1, 1, 1), message, help_text, internal=internal
    )


@cache
def engine_for(config: Config) -> Engine:
    return Engine(config)
