"""Generic check kinds: rules written in YAML alone, no Python needed.

Patterns are compiled with the `regex` module and every search runs under a
time limit, so a user's catastrophic pattern cannot hang the checker.
"""

from __future__ import annotations

import datetime as dt
import operator

import regex

from checker.checks import Hit, ParamError, check_kind, start_of
from checker.dates import format_date
from checker.diagnostics import Fix
from checker.model import Letter
from checker.scopes import SCOPES, scope_texts

REGEX_TIMEOUT = 0.25  # seconds for one search over one paragraph


class PatternTimeout(Exception):
    """A rule's pattern took too long on this text (reported, never hangs)."""


def compile_pattern(pattern: str, ignore_case: bool = False, param: str = "pattern"):
    if not isinstance(pattern, str) or not pattern:
        raise ParamError(param, "pattern must be a non-empty string")
    flags = regex.VERSION1 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except regex.error as error:
        raise ParamError(param, f"invalid regular expression {pattern!r}: {error}") from None


def _check_scope(params: dict) -> None:
    scope = params.get("scope", "body")
    if scope not in SCOPES and not scope.startswith("section:"):
        raise ParamError(
            "scope", f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)} or section:<kind>"
        )


def _prepare_pattern(params: dict) -> dict:
    _check_scope(params)
    param = "pattern" if "pattern" in params else "phrase"
    source = params.get("pattern") or regex.escape(params.get("phrase", ""))
    return {**params, "_compiled": compile_pattern(source, params.get("ignore_case", False), param)}


def finditer(compiled, text: str):
    try:
        return list(compiled.finditer(text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(compiled.pattern) from None


@check_kind(
    "pattern",
    required=("pattern",),
    optional=("scope", "ignore_case", "group", "replacement"),
    prepare=_prepare_pattern,
)
def must_not_occur(letter: Letter, params: dict):
    """Report every match of `pattern` in `scope` (default: body).

    `group` picks the capture group to underline; `replacement` offers a fix
    (a template: `\\1` refers to groups). Facts: {match}, {group}.
    """
    group = params.get("group", 0)
    for text in scope_texts(letter, params.get("scope", "body")):
        for match in finditer(params["_compiled"], text.value):
            start, end = match.span(group)
            if start < 0:
                start, end = match.span()
            fix = None
            if "replacement" in params:
                replacement = match.expand(params["replacement"])
                fix = Fix(replacement, f"replace with {replacement!r}")
            yield Hit(text.span(start, end), {"match": match.group(), "group": match.group(group) or ""}, fix)


@check_kind("required", optional=("pattern", "phrase", "scope", "ignore_case"), prepare=_prepare_pattern)
def must_occur(letter: Letter, params: dict):
    """Report when neither `pattern` nor `phrase` occurs anywhere in `scope`.

    The problem is placed at the start of the scope (or of the letter).
    """
    texts = scope_texts(letter, params.get("scope", "body"))
    for text in texts:
        if finditer(params["_compiled"], text.value):
            return
    span = texts[0].span(0, min(len(texts[0].value), 60)) if texts else start_of(letter)
    yield Hit(span, {"phrase": params.get("phrase") or params.get("pattern")})


def _prepare_substitution(params: dict) -> dict:
    _check_scope(params)
    swap = params.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise ParamError("swap", "swap must be a mapping of pattern: replacement")
    for pattern in swap:  # each alone first, so that a bad one is named
        compile_pattern(rf"\b(?:{pattern})\b", params.get("ignore_case", True), "swap")
    alternation = "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(swap))
    compiled = compile_pattern(rf"\b(?:{alternation})\b", params.get("ignore_case", True), "swap")
    return {**params, "_compiled": compiled, "_replacements": [str(r) for r in swap.values()]}


@check_kind(
    "substitution", required=("swap",), optional=("scope", "ignore_case"), prepare=_prepare_substitution
)
def substitution(letter: Letter, params: dict):
    """House style: for each `pattern: replacement` in `swap`, flag the pattern
    and offer the replacement as a fix. Facts: {match}, {replacement}."""
    for text in scope_texts(letter, params.get("scope", "body")):
        for match in finditer(params["_compiled"], text.value):
            which = next(i for i in range(len(params["_replacements"])) if match.group(f"s{i}") is not None)
            replacement = params["_replacements"][which]
            word = match.group()
            suggestion = replacement[:1].upper() + replacement[1:] if word[:1].isupper() else replacement
            yield Hit(
                text.span(*match.span()),
                {"match": word, "replacement": suggestion},
                Fix(suggestion, f"replace {word!r} with {suggestion!r}"),
            )


_OPERATORS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
              "==": operator.eq, "!=": operator.ne}  # fmt: skip
DATE_FIELDS = ("letter_date", "visit_start", "visit_end")


def date_field(letter: Letter, name: str) -> tuple[dt.date | None, object]:
    """A named date of the letter and the Text it was read from."""
    visits = letter.visit_dates
    if name == "letter_date":
        return letter.letter_date, letter.date.text if letter.date else None
    if name == "visit_start":
        return (min(visits) if visits else None), letter.visit.text if letter.visit else None
    if name == "visit_end":
        return (max(visits) if visits else None), letter.visit.text if letter.visit else None
    raise KeyError(name)


def _prepare_compare(params: dict) -> dict:
    for key in ("left", "right"):
        if params.get(key) not in DATE_FIELDS:
            raise ValueError(f"{key} must be one of {', '.join(DATE_FIELDS)}")
    if params.get("op") not in _OPERATORS:
        raise ValueError(f"op must be one of {' '.join(_OPERATORS)}")
    if not isinstance(params.get("offset_days", 0), int):
        raise ValueError("offset_days must be a whole number of days")
    return params


@check_kind(
    "date_compare", required=("left", "op", "right"), optional=("offset_days",), prepare=_prepare_compare
)
def date_compare(letter: Letter, params: dict):
    """Require `left op right + offset_days` between two of the letter's dates
    (letter_date, visit_start, visit_end); reported on `left`.
    Facts: {left}, {right}, {days}, {offset_days}, {year_hint} (' (in 2018?)' when
    the right-hand date a year earlier would fit)."""
    left, left_text = date_field(letter, params["left"])
    right, _ = date_field(letter, params["right"])
    if left is None or right is None:
        return
    offset = params.get("offset_days", 0)
    compare = _OPERATORS[params["op"]]
    if compare(left, right + dt.timedelta(days=offset)):
        return
    yield Hit(
        left_text.span(),
        {
            "left": format_date(left),
            "right": format_date(right),
            "days": (left - right).days,
            "offset_days": offset,
            "year_hint": _year_hint(left, right, compare, offset),
        },
    )


def _year_hint(left: dt.date, right: dt.date, compare, offset: int) -> str:
    """' (in 2018?)' when the right-hand date a year earlier would fit within
    three months: the usual slip is the year ('December 2019' in January 2019)."""
    try:
        earlier = right.replace(year=right.year - 1)
    except ValueError:  # 29 February
        return ""
    if compare(left, earlier + dt.timedelta(days=offset)) and abs((left - earlier).days) <= 92:
        return f" (in {earlier.year}?)"
    return ""
