"""Run the configured rules over a letter: the checking half of the pipeline.

The engine turns each check's hits into diagnostics (message filled from the
facts), applies the configuration (select, ignore, severities, per-file
ignores), inline suppressions and a baseline.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from checker.checking.config import Config
from checker.checking.kinds import REGISTRY
from checker.checking.kinds.generic import PatternTimeout, start_budget
from checker.checking.letter_type_files import letter_types_for
from checker.checking.rule_packs import load_rules
from checker.checking.rules import Rule
from checker.checking.selectors import check_selectors, matches, resolve_config
from checker.checking.suppressions import apply_suppressions, read_directives
from checker.diagnostics import Diagnostic
from checker.model import Letter, Span

SUPPRESSION_RULE = "SUP001"
INVALID_SUPPRESSION_RULE = "SUP002"
RULE_BUDGET = 1.0  # seconds of pattern searching each rule may spend on one letter
# Problems one rule may report in one letter. No published letter comes near
# (the most is a handful); a hostile file can hold a million repeated words or
# comments, and listing them all would cost gigabytes and bury the report.
MAX_PROBLEMS_PER_RULE = 200


class Engine:
    """The rules selected by one configuration, ready to run on letters, and
    the letter types they read letters with (lettercheck's and those of the
    configuration's rule folders)."""

    def __init__(self, config: Config, rules: list[Rule] | None = None) -> None:
        self.letter_types = letter_types_for(config.rule_dirs)
        if rules is None:
            types = self.letter_types
            rules = load_rules(config.rule_dirs, config.param_overrides(), config.path, types)
            resolved = resolve_config(config, rules)  # rule names, any case
            if resolved.params != config.params:  # params given by rule name: load them again
                rules = load_rules(resolved.rule_dirs, resolved.param_overrides(), resolved.path, types)
            config = resolved
            check_selectors(config, rules)
        self.config = config
        self.all_rules = rules  # every rule known, the PARSE rules too: to name them
        self._rule_ids = {rule.id: rule.id for rule in rules} | {rule.name: rule.id for rule in rules}
        self.rules = _selected(rules, config)
        self.suppression_rule = next((r for r in self.rules if r.id == SUPPRESSION_RULE), None)
        self.invalid_suppression_rule = next(
            (r for r in self.rules if r.id == INVALID_SUPPRESSION_RULE), None
        )

    def _resolve_rule(self, written: str) -> str | None:
        """A rule ID or name from a suppression comment, in any case (None: unknown)."""
        for candidate in (written, written.upper(), written.lower()):
            if candidate in self._rule_ids:
                return self._rule_ids[candidate]
        return None

    def check(self, letter: Letter, path: str | None = None) -> list[Diagnostic]:
        """Every problem the selected rules find in `letter`, suppressions
        applied, in file order."""
        ignored = self.config.ignored_for(path or letter.path)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            if rule.applies(letter.letter_type) and not (ignored and matches(rule, ignored)):
                diagnostics.extend(_run(rule, letter))
        start_budget(None)
        diagnostics = [_without_empty_fix(d, letter.lines) for d in diagnostics]
        diagnostics = self._suppress(letter.lines, diagnostics, ignored)
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics

    def _suppress(self, lines: list[str], diagnostics: list[Diagnostic], ignored) -> list[Diagnostic]:
        """Apply the letter's suppression comments, then report those that
        suppressed nothing (SUP001) or cannot be obeyed (SUP002)."""
        found, problems = read_directives(lines, self._resolve_rule, tuple(self._rule_ids.values()))
        if not found and not problems:
            return diagnostics
        kept = apply_suppressions(diagnostics, found)
        unused = self._reporting(self.suppression_rule, ignored)
        if unused is not None:
            for s in found:
                if not s.used:
                    facts = {"rules": ", ".join(s.rules) or "all rules"}
                    kept.append(_diagnostic(unused, s.span, facts, help_text=unused.help))
        invalid = self._reporting(self.invalid_suppression_rule, ignored)
        if invalid is not None:
            kept.extend(_diagnostic(invalid, p.span, {"problem": p.message}) for p in problems)
        return kept

    @staticmethod
    def _reporting(rule: Rule | None, ignored) -> Rule | None:
        """`rule` if it is selected and not ignored for this file."""
        return rule if rule is not None and not (ignored and matches(rule, ignored)) else None


def _run(rule: Rule, letter: Letter) -> list[Diagnostic]:
    """What one rule finds in a letter, within its time budget; a rule that
    runs out of time or fails is reported as such, never a hang or a crash."""
    start_budget(RULE_BUDGET)
    try:
        found = []
        for hit in REGISTRY[rule.kind].function(letter, rule.params):
            if len(found) == MAX_PROBLEMS_PER_RULE:
                found.append(_too_many(rule, hit.span))
                break
            found.append(_diagnostic(rule, hit.span, hit.facts, hit.fix))
        return found
    except PatternTimeout:
        scope = rule.params.get("scope", "letter")
        message = (
            f"rule {rule.id} skipped on this letter: its pattern used up its time "
            f"({RULE_BUDGET:g} s per letter) before it had searched the whole {scope}"
        )
        advice = "Simplify the rule's pattern (avoid nested repetition such as (a+)+) or narrow its scope."
        return [_rule_failed(rule, message, advice, severity="warning")]
    except Exception as error:  # a bug in a check must not hide the other rules' results
        message = f"internal error in rule {rule.id} ({rule.kind}): {type(error).__name__}: {error}"
        advice = (
            "This is a bug in lettercheck: please report it with the letter that caused it. "
            f"`--ignore {rule.id}` skips the rule meanwhile."
        )
        return [_rule_failed(rule, message, advice, internal=True)]


def _selected(rules: list[Rule], config: Config) -> list[Rule]:
    """The rules the configuration selects, with its severities. The PARSE
    rules are never among them: reading reports those, whatever is selected."""
    severity = dict(config.severity)
    selected = []
    for rule in rules:
        if rule.category == "parse":
            continue
        if config.select and not matches(rule, config.select):
            continue
        if config.ignore and matches(rule, config.ignore):
            continue
        selected.append(replace(rule, severity=severity[rule.id]) if rule.id in severity else rule)
    return selected


def _diagnostic(rule: Rule, span: Span, facts: dict, fix=None, help_text: str | None = None) -> Diagnostic:
    """A problem `rule` found: its message and help filled with the facts."""
    help_text = rule.format_help(facts) if help_text is None else help_text
    return Diagnostic(rule.id, rule.category, rule.severity, span, rule.format(facts), help_text, fix)


def _without_empty_fix(diagnostic: Diagnostic, lines: list[str]) -> Diagnostic:
    """A fix that would write what is already there is no fix: `--fix` would
    say it mended something, and `--diff` that it would, with nothing changed."""
    fix, span = diagnostic.fix, diagnostic.span
    if fix is None or span.line != span.end_line or not 0 < span.line <= len(lines):
        return diagnostic
    if lines[span.line - 1][span.column - 1 : span.end_column - 1] != fix.replacement:
        return diagnostic
    return replace(diagnostic, fix=None)


def _too_many(rule: Rule, span: Span) -> Diagnostic:
    """Where a rule stopped listing: the first problem not listed."""
    message = (
        f"{rule.id} found more than {MAX_PROBLEMS_PER_RULE} problems in this letter; "
        "the rest, from here on, are not listed"
    )
    advice = "Mend the problems listed (or look at why the file repeats one so often), then check again."
    return Diagnostic(rule.id, rule.category, rule.severity, span, message, advice)


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
