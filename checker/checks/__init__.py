"""Check kinds: the code behind rules.

A *rule* is data (a YAML entry in rules/); a *check kind* is a function here,
registered by name, that a rule names in `check: {kind: ...}` with its
parameters. A check yields `Hit`s: where the problem is and the facts that
fill the rule's message template. One kind serves many rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.diagnostics import Fix
from checker.model import Letter, Span


@dataclass(slots=True)
class Hit:
    span: Span
    facts: dict = field(default_factory=dict)
    fix: Fix | None = None


CheckFunction = Callable[[Letter, dict], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    function: CheckFunction
    required: tuple[str, ...]
    optional: tuple[str, ...]
    doc: str
    prepare: Callable[[dict], dict] | None = None  # compile/validate params once, at load


REGISTRY: dict[str, CheckKind] = {}


class ParamError(ValueError):
    """A bad check parameter; `param` lets the loader point at its line."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


def choice(param: str, choices: tuple[str, ...]):
    """A `prepare` that accepts only the listed values for one parameter."""

    def prepare(params: dict) -> dict:
        if params.get(param) not in choices:
            raise ParamError(param, f"{param} must be one of {', '.join(choices)}")
        return params

    return prepare


def check_kind(name: str, required: tuple[str, ...] = (), optional: tuple[str, ...] = (), prepare=None):
    """Register a check kind under `name` (what rule YAML writes as check.kind)."""

    def register(function: CheckFunction) -> CheckFunction:
        REGISTRY[name] = CheckKind(
            name, function, required, optional, (function.__doc__ or "").strip(), prepare
        )
        return function

    return register


def load_all() -> dict[str, CheckKind]:
    """Import every family of checks so that they register themselves."""
    from checker.checks import (  # noqa: F401
        alignment,
        consistency,
        dates,
        draft,
        generic,
        inspectors,
        structure,
        style,
        suppression,
    )

    return REGISTRY


def whole_line(letter: Letter, line: int) -> Span:
    text = letter.lines[line - 1] if 0 < line <= len(letter.lines) else ""
    stripped = len(text) - len(text.lstrip())
    return Span(line, stripped + 1, line, max(len(text), stripped) + 1)


def start_of(letter: Letter) -> Span:
    for number, text in enumerate(letter.lines, start=1):
        if text.strip():
            return whole_line(letter, number)
    return Span(1, 1, 1, 1)
