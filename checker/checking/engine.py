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

from checker.checking.config import Config, matches
from checker.checking.kinds import REGISTRY
from checker.checking.kinds.generic import PatternTimeout, start_budget
from checker.checking.rule_packs import Rule, load_rules
from checker.checking.selectors import resolve_config
from checker.diagnostics import Diagnostic
from checker.model import Letter, Span

_DIRECTIVE = re.compile(r"<!--\s*lettercheck\b(?P<colon>\s*:)?(?P<body>.*?)-->")
_WORD = re.compile(r"[^\s,]+")
ACTIONS = ("disable", "disable-next-line", "disable-file")
SUPPRESSION_RULE = "SUP001"
INVALID_SUPPRESSION_RULE = "SUP002"
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


@dataclass(slots=True)
class DirectiveProblem:
    """A `<!-- lettercheck ... -->` comment that cannot be obeyed as written."""

    line: int
    column: int
    end_column: int
    message: str


def _did_you_mean(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def parse_directives(
    lines: list[str], resolve=None, known: tuple[str, ...] = ()
) -> tuple[list[Suppression], list[DirectiveProblem]]:
    """The suppression comments in a letter, and the ones that are misspelt.

    `resolve` maps a rule ID or name as written to its ID (None: unknown;
    `known` IDs are offered as corrections); without it every rule named is
    taken as written. A misspelt comment
    suppresses nothing and is reported, never taken as something else."""
    found, problems = [], []
    for index, text in enumerate(lines):
        number = index + 1
        for match in _DIRECTIVE.finditer(text):
            words = [(w.group(), match.start("body") + w.start() + 1) for w in _WORD.finditer(match["body"])]
            if not match["colon"]:
                problems.append(
                    DirectiveProblem(
                        number, match.start() + 1, match.end() + 1, "write 'lettercheck:' with a colon"
                    )
                )
                continue
            if not words or words[0][0] not in ACTIONS:
                word, column = words[0] if words else ("", match.start("body") + 1)
                hint = _did_you_mean(word.lower(), ACTIONS)
                if word.lower() == "enable":
                    hint = "; a 'disable' comment ends at the next blank line, 'disable-next-line' after one line"
                message = f"unknown suppression directive '{word}' (known: {', '.join(ACTIONS)}){hint}"
                problems.append(DirectiveProblem(number, column, column + max(len(word), 1), message))
                continue
            action = words[0][0]
            rules = []
            for word, column in words[1:]:
                rule = resolve(word) if resolve else word
                if rule is None:
                    problems.append(
                        DirectiveProblem(
                            number,
                            column,
                            column + len(word),
                            f"unknown rule '{word}'{_did_you_mean(word.upper(), known)}",
                        )
                    )
                else:
                    rules.append(rule)
            if len(words) > 1 and not rules:
                continue  # naming only unknown rules must not silence every rule
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
            found.append(Suppression(number, match.start() + 1, match.end() + 1, tuple(rules), first, last))
    return found, problems


def find_suppressions(lines: list[str]) -> list[Suppression]:
    return parse_directives(lines)[0]


class Engine:
    """The rules selected by one configuration, ready to run on letters."""

    def __init__(self, config: Config, rules: list[Rule] | None = None) -> None:
        if rules is None:
            rules = load_rules(config.rule_dirs, config.param_overrides(), config.path)
            resolved = resolve_config(config, rules)  # rule names, any case
            if resolved.params != config.params:  # params given by rule name: load them again
                rules = load_rules(resolved.rule_dirs, resolved.param_overrides(), resolved.path)
            config = resolved
            _check_selectors(config, rules)
        self.config = config
        all_rules = rules
        self._rule_ids = {rule.id: rule.id for rule in all_rules} | {rule.name: rule.id for rule in all_rules}
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
        self.invalid_suppression_rule = next((r for r in selected if r.id == INVALID_SUPPRESSION_RULE), None)

    def _resolve_rule(self, written: str) -> str | None:
        """A rule ID or name from a suppression comment, in any case (None: unknown)."""
        from checker.api import PARSE_NAMES

        for candidate in (written, written.upper(), written.lower()):
            if candidate in self._rule_ids:
                return self._rule_ids[candidate]
            if candidate in PARSE_NAMES:
                return candidate
        return None

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
        suppressions, problems = parse_directives(lines, self._resolve_rule, tuple(self._rule_ids.values()))
        if not suppressions and not problems:
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
        rule = self.invalid_suppression_rule
        if rule is not None and not (ignored and matches(rule, ignored)):
            for problem in problems:
                facts = {"problem": problem.message}
                kept.append(
                    Diagnostic(
                        rule.id,
                        rule.category,
                        rule.severity,
                        Span(problem.line, problem.column, problem.line, problem.end_column),
                        rule.format(facts),
                        rule.format_help(facts),
                    )
                )
        return kept


def _check_selectors(config: Config, rules: list[Rule]) -> None:
    """A rule ID, prefix or category in the configuration that matches no rule
    is a typo that would silently switch checking off: say so."""
    from checker.api import PARSE_RULES
    from checker.checking.config import ConfigError

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
