"""The parameter contract of check kinds: what each parameter is, checked once.

A kind declares its parameters (`Param`: name, type, default, allowed values,
a line of doc), as yamllint's CONF/DEFAULT or Vale's typed rule fields. The
rule-pack loader validates every rule, and every `params` override in a
configuration, against them (one error type, `ParamError`, naming the
parameter so that the error can point at its line); `explain`, the README's
kinds table and rules/schema.json are generated from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

REQUIRED = object()  # the default of a parameter a rule must give


class ParamError(ValueError):
    """A bad check parameter; `param` lets the loader point at its line."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter a check kind accepts. `type` is one of TYPES; `default`
    is REQUIRED (the rule must give it), None (optional, absent unless given)
    or the value used when the rule does not give one."""

    name: str
    type: str
    default: object = REQUIRED
    choices: tuple = ()
    doc: str = ""
    minimum: float | None = None
    maximum: float | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def validate(self, value, section_kinds: tuple[str, ...] | None = None):
        """The value if it is of the declared type and allowed, else ParamError.
        A scope may name the `section_kinds` of the configuration's letter
        types (default: lettercheck's own)."""
        problem = _scope(value, section_kinds) if self.type == "scope" else TYPES[self.type].problem(value)
        if problem:
            raise ParamError(self.name, f"'{self.name}' is {_shown(value)}; it must be {problem}")
        if self.choices and value not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise ParamError(self.name, f"'{self.name}' is {_shown(value)}; it must be one of {allowed}")
        if self.minimum is not None and value < self.minimum:
            raise ParamError(
                self.name, f"'{self.name}' is {_shown(value)}; it must be at least {self.minimum}"
            )
        if self.maximum is not None and value > self.maximum:
            raise ParamError(
                self.name, f"'{self.name}' is {_shown(value)}; it must be at most {self.maximum}"
            )
        return value

    def describe(self) -> str:
        """`name` (type, one of ..., default ...) for documentation."""
        return f"`{self.name}` ({self.details()})"

    def details(self) -> str:
        parts = [TYPES[self.type].label]
        if self.choices:
            parts.append("one of " + ", ".join(f"`{c}`" for c in self.choices))
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum} to {self.maximum}")
        elif self.minimum is not None:
            parts.append(f"at least {self.minimum}")
        elif self.maximum is not None:
            parts.append(f"at most {self.maximum}")
        if self.required or self.default is None:
            parts.append("required" if self.required else "optional")
        else:
            parts.append(f"default `{_default_shown(self.default)}`")
        return ", ".join(parts)


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _default_shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True, slots=True)
class ParamType:
    label: str
    problem: Callable[[object], str | None]  # what is wrong with a value, or None


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _string_list(value) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "a list of strings"
    return None


def _mapping(value) -> str | None:
    ok = (
        isinstance(value, dict)
        and value
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    )
    return None if ok else "a non-empty mapping of strings to strings"


def _word_lists(value) -> str | None:
    ok = isinstance(value, dict) and all(
        isinstance(k, str) and _string_list(v) is None for k, v in value.items()
    )
    return None if ok else "a mapping of a word to a list of words"


def _date(value) -> str | None:
    import datetime as dt

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return "a date written YYYY-MM-DD"
    return None


def _scope(value, section_kinds: tuple[str, ...] | None = None) -> str | None:
    from checker.checking.scopes import SCOPES
    from checker.checking.scopes import section_kinds as shipped_kinds

    kinds = shipped_kinds() if section_kinds is None else section_kinds
    if isinstance(value, str) and (
        value in SCOPES or (value.startswith("section:") and value[len("section:") :] in kinds)
    ):
        return None
    return f"one of {', '.join(SCOPES)}, or section:<kind> where <kind> is one of {', '.join(kinds)}"


TYPES = {
    "string": ParamType("text", lambda v: None if isinstance(v, str) and v else "a non-empty string"),
    "template": ParamType("replacement template", lambda v: None if isinstance(v, str) else "a string"),
    "regex": ParamType(
        "regular expression", lambda v: None if isinstance(v, str) and v else "a non-empty string"
    ),
    "integer": ParamType("whole number", lambda v: None if _is_int(v) else "a whole number"),
    "number": ParamType("number", lambda v: None if _is_int(v) or isinstance(v, float) else "a number"),
    "boolean": ParamType("true or false", lambda v: None if isinstance(v, bool) else "true or false"),
    "date": ParamType("date YYYY-MM-DD", _date),
    "strings": ParamType("list of strings", _string_list),
    "regexes": ParamType(
        "list of regular expressions",
        lambda v: _string_list(v) or (None if v else "a non-empty list of regular expressions"),
    ),
    "mapping": ParamType("mapping of pattern to replacement", _mapping),
    "word_lists": ParamType("mapping of a word to a list of words", _word_lists),
    "group": ParamType(
        "group number or name",
        lambda v: None if (_is_int(v) and v >= 0) or (isinstance(v, str) and v) else "a group number or name",
    ),
    "scope": ParamType("scope", _scope),
}


class Params(Mapping):
    """A rule's check parameters, read-only: every declared one, defaults filled
    in. `derived` holds what the kind's `prepare` built from them once, at
    load (compiled patterns), apart from what the user wrote."""

    __slots__ = ("_values", "derived")

    def __init__(self, values: dict, derived: dict | None = None) -> None:
        self._values = dict(values)
        self.derived = dict(derived or {})

    def __getitem__(self, key: str):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Params({self._values!r})"


SCOPE = Param("scope", "scope", "body", doc="the part of the letter searched")
