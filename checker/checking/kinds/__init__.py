"""Check kinds: the code behind rules.

A *rule* is data (a YAML entry in rules/); a *check kind* is a function here,
registered by name, that a rule names in `check: {kind: ...}` with its
parameters. A check yields `Hit`s: where the problem is and the facts that
fill the rule's message template. One kind serves many rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.checking.kinds.params import REQUIRED, SCOPE, Param, ParamError, Params
from checker.diagnostics import Fix
from checker.model import Letter, Span

__all__ = ["REGISTRY", "REQUIRED", "SCOPE", "CheckKind", "Hit", "Param", "ParamError", "Params", "check_kind"]


@dataclass(slots=True)
class Hit:
    span: Span
    facts: dict = field(default_factory=dict)
    fix: Fix | None = None


CheckFunction = Callable[[Letter, "Params"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    function: CheckFunction
    params: tuple[Param, ...]
    doc: str
    prepare: Callable[[dict], dict] | None = None  # derive (compile) once, at load; may raise ParamError

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if not p.required)

    def configure(self, given: dict, section_kinds: tuple[str, ...] | None = None) -> Params:
        """Validate a rule's parameters against the contract and fill in the
        defaults; raise ParamError naming the parameter at fault. Scopes may
        name the `section_kinds` of the configuration's letter types."""
        declared = {p.name: p for p in self.params}
        unknown = [name for name in given if name not in declared]
        if unknown:
            import difflib

            close = difflib.get_close_matches(unknown[0], list(declared), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            takes = ", ".join(declared) or "no parameters"
            raise ParamError(unknown[0], f"unknown parameter {unknown[0]!r} ({hint}it takes: {takes})")
        values = {}
        for param in self.params:
            if param.name in given:
                values[param.name] = param.validate(given[param.name], section_kinds)
            elif param.required:
                raise ParamError(param.name, f"missing parameter {param.name!r}")
            elif param.default is not None:  # None: left out unless the rule gives it
                values[param.name] = param.default
        return Params(values, self.prepare(values) if self.prepare else None)


REGISTRY: dict[str, CheckKind] = {}


def check_kind(name: str, params: tuple[Param, ...] = (), prepare=None):
    """Register a check kind under `name` (what rule YAML writes as check.kind),
    with the parameters it accepts."""

    def register(function: CheckFunction) -> CheckFunction:
        REGISTRY[name] = CheckKind(name, function, tuple(params), (function.__doc__ or "").strip(), prepare)
        return function

    return register


def load_all() -> dict[str, CheckKind]:
    """Import every family of checks so that they register themselves."""
    from checker.checking.kinds import (  # noqa: F401
        alignment,
        consistency,
        dates,
        draft,
        generic,
        inspectors,
        parse,
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
