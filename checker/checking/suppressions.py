"""Inline suppression comments: `<!-- lettercheck: disable RULE -->`.

A comment silences rules for the next block (`disable`), the next line
(`disable-next-line`), the whole file (`disable-file`) or, at the end of a
line, that line. One that suppresses nothing is SUP001's; one that is
misspelt or names an unknown rule is SUP002's and suppresses nothing,
rather than being taken as something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.diagnostics import Diagnostic
from checker.model import Span

_DIRECTIVE = re.compile(r"<!--\s*lettercheck\b(?P<colon>\s*:)?(?P<body>.*?)-->")
_WORD = re.compile(r"[^\s,]+")
ACTIONS = ("disable", "disable-next-line", "disable-file")


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

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)


@dataclass(slots=True)
class DirectiveProblem:
    """A `<!-- lettercheck ... -->` comment that cannot be obeyed as written."""

    line: int
    column: int
    end_column: int
    message: str

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)


def _did_you_mean(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


Resolve = Callable[[str], "str | None"]


def read_directives(
    lines: list[str], resolve: Resolve | None = None, known: tuple[str, ...] = ()
) -> tuple[list[Suppression], list[DirectiveProblem]]:
    """The suppression comments in a letter, and the ones that are misspelt.

    `resolve` maps a rule ID or name as written to its ID (None: unknown;
    `known` IDs are offered as corrections); without it every rule named is
    taken as written. A misspelt comment suppresses nothing and is reported,
    never taken as something else."""
    found, problems = [], []
    for number, text in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(text):
            rules = _directive(match, number, resolve, known, problems)
            if rules is not None:
                first, last = _lines_covered(lines, number, match, rules[0])
                found.append(Suppression(number, match.start() + 1, match.end() + 1, rules[1], first, last))
    return found, problems


def _directive(match: re.Match, number: int, resolve, known, problems: list) -> tuple[str, tuple] | None:
    """(action, rules) of one comment, or None when it cannot be obeyed
    (the problem is added to `problems`)."""
    words = [(w.group(), match.start("body") + w.start() + 1) for w in _WORD.finditer(match["body"])]
    if not match["colon"]:
        problems.append(
            DirectiveProblem(number, match.start() + 1, match.end() + 1, "write 'lettercheck:' with a colon")
        )
        return None
    if not words or words[0][0] not in ACTIONS:
        word, column = words[0] if words else ("", match.start("body") + 1)
        hint = _did_you_mean(word.lower(), ACTIONS)
        if word.lower() == "enable":
            hint = "; a 'disable' comment ends at the next blank line, 'disable-next-line' after one line"
        message = f"unknown suppression directive '{word}' (known: {', '.join(ACTIONS)}){hint}"
        problems.append(DirectiveProblem(number, column, column + max(len(word), 1), message))
        return None
    rules = []
    for word, column in words[1:]:
        rule = resolve(word) if resolve else word
        if rule is None:
            message = f"unknown rule '{word}'{_did_you_mean(word.upper(), known)}"
            problems.append(DirectiveProblem(number, column, column + len(word), message))
        else:
            rules.append(rule)
    if len(words) > 1 and not rules:
        return None  # naming only unknown rules must not silence every rule
    return words[0][0], tuple(rules)


def _lines_covered(lines: list[str], number: int, match: re.Match, action: str) -> tuple[int, int]:
    """The first and last line a comment on line `number` suppresses."""
    if action == "disable-file":
        return 1, len(lines)
    if lines[number - 1][: match.start()].strip():  # trailing comment: this line
        return number, number
    first = number + 1  # the next block (up to a blank line), or just the next line
    while first <= len(lines) and not lines[first - 1].strip():
        first += 1
    last = first
    if action == "disable":
        while last < len(lines) and lines[last].strip():
            last += 1
    return first, last


def apply_suppressions(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """The diagnostics no suppression covers; the suppressions that cover one are marked used."""
    kept = []
    for diagnostic in diagnostics:
        covering = [s for s in suppressions if s.covers(diagnostic)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    return kept
