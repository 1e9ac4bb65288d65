"""Generic check kinds: rules written in YAML alone, no Python needed.

Patterns are compiled with the `regex` module and every search runs under a
time limit: what is left of the rule's budget for this letter (`start_budget`,
set by the engine), so that neither a user's catastrophic pattern nor a
merely slow one summed over hundreds of paragraphs can hang the checker.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import time

import regex

from checker.checking.kinds import SCOPE, Hit, Param, ParamError, check_kind, start_of
from checker.checking.scopes import scope_texts
from checker.diagnostics import Fix
from checker.model import Letter
from checker.reading.written_dates import format_date

REGEX_TIMEOUT = 0.25  # seconds for one search when no budget is set (outside the engine)
_deadline = math.inf  # when the running rule's budget for this letter is spent


class PatternTimeout(Exception):
    """A rule's patterns used up its time on this letter (reported, never hangs)."""


def start_budget(seconds: float | None) -> None:
    """Give the searches from now on `seconds` in all (None: no budget, only
    the per-search limit). The engine starts one for each rule on each letter."""
    global _deadline
    _deadline = math.inf if seconds is None else time.monotonic() + seconds


def compile_pattern(pattern: str, ignore_case: bool = False, param: str = "pattern"):
    if not isinstance(pattern, str) or not pattern:
        raise ParamError(param, "pattern must be a non-empty string")
    flags = regex.VERSION1 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except regex.error as error:
        raise ParamError(param, f"invalid regular expression {pattern!r}: {error}") from None


def _check_group(compiled, group) -> None:
    known = isinstance(group, int) and 0 <= group <= compiled.groups
    if not (known or group in compiled.groupindex):
        raise ParamError("group", f"the pattern has no group {group!r} (it has {compiled.groups})")


def _check_replacement(compiled, template: str) -> None:
    """A replacement template is valid for its pattern, and keeps to one line.

    It is expanded once against an empty match of a pattern with the same
    groups, which raises what expanding a real match would."""
    names = {number: name for name, number in compiled.groupindex.items()}
    probe = "".join(f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, compiled.groups + 1))
    try:
        expanded = regex.match(probe, "").expand(template)
    except (regex.error, IndexError) as error:
        raise ParamError("replacement", f"replacement {template!r}: {error}") from None
    if "\n" in expanded or "\r" in expanded:
        raise ParamError("replacement", "a replacement may not contain a line break")


def _prepare_pattern(params: dict) -> dict:
    param = "pattern" if "pattern" in params else "phrase"
    if "pattern" not in params and "phrase" not in params:
        raise ParamError("pattern", "give a 'pattern' or a 'phrase'")
    source = params.get("pattern") or regex.escape(params.get("phrase", ""))
    compiled = compile_pattern(source, params["ignore_case"], param)
    if "group" in params:
        _check_group(compiled, params["group"])
    if "replacement" in params:
        _check_replacement(compiled, params["replacement"])
    return {"compiled": compiled}


def finditer(compiled, text: str):
    remaining = _deadline - time.monotonic() if _deadline < math.inf else REGEX_TIMEOUT
    if remaining <= 0:
        raise PatternTimeout(compiled.pattern)
    try:
        return list(compiled.finditer(text, timeout=remaining))
    except TimeoutError:
        raise PatternTimeout(compiled.pattern) from None


IGNORE_CASE = Param("ignore_case", "boolean", False, doc="match whatever the case")


@check_kind(
    "pattern",
    params=(
        Param("pattern", "regex", doc="what must not occur"),
        SCOPE,
        IGNORE_CASE,
        Param("group", "group", 0, doc="the capture group to underline"),
        Param("replacement", "template", None, doc="the fix: a template, `\\1` refers to a group"),
    ),
    prepare=_prepare_pattern,
)
def must_not_occur(letter: Letter, params: dict):
    """Report every match of `pattern` in `scope` (default: body).

    `group` picks the capture group to underline; `replacement` offers a fix
    (a template: `\\1` refers to groups). Facts: {match}, {group}.
    """
    group = params["group"]
    for text in scope_texts(letter, params["scope"]):
        for match in finditer(params.derived["compiled"], text.value):
            start, end = match.span(group)
            if start < 0:
                start, end = match.span()
            fix = None
            if "replacement" in params:
                replacement = match.expand(params["replacement"])
                fix = Fix(replacement, f"replace with {replacement!r}")
            yield Hit(text.span(start, end), {"match": match.group(), "group": match.group(group) or ""}, fix)


@check_kind(
    "required",
    params=(
        Param("pattern", "regex", None, doc="a pattern that must occur"),
        Param("phrase", "string", None, doc="or a phrase, taken literally"),
        SCOPE,
        IGNORE_CASE,
    ),
    prepare=_prepare_pattern,
)
def must_occur(letter: Letter, params: dict):
    """Report when neither `pattern` nor `phrase` occurs anywhere in `scope`.

    The problem is placed at the start of the scope (or of the letter).
    """
    texts = scope_texts(letter, params["scope"])
    for text in texts:
        if finditer(params.derived["compiled"], text.value):
            return
    span = texts[0].span(0, min(len(texts[0].value), 60)) if texts else start_of(letter)
    yield Hit(span, {"phrase": params.get("phrase") or params.get("pattern")})


def _prepare_substitution(params: dict) -> dict:
    swap, ignore_case = params["swap"], params["ignore_case"]
    for pattern in swap:  # each alone first, so that a bad one is named
        compile_pattern(rf"\b(?:{pattern})\b", ignore_case, "swap")
    alternation = "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(swap))
    compiled = compile_pattern(rf"\b(?:{alternation})\b", ignore_case, "swap")
    for replacement in swap.values():
        if regex.search(r"[\r\n]", replacement):
            raise ParamError("swap", "a replacement may not contain a line break")
    return {"compiled": compiled, "replacements": list(swap.values())}


@check_kind(
    "substitution",
    params=(
        Param("swap", "mapping", doc="pattern: replacement"),
        SCOPE,
        Param("ignore_case", "boolean", True, doc="match whatever the case"),
    ),
    prepare=_prepare_substitution,
)
def substitution(letter: Letter, params: dict):
    """House style: for each `pattern: replacement` in `swap`, flag the pattern
    and offer the replacement as a fix. Facts: {match}, {replacement}."""
    replacements = params.derived["replacements"]
    for text in scope_texts(letter, params["scope"]):
        for match in finditer(params.derived["compiled"], text.value):
            which = next(i for i in range(len(replacements)) if match.group(f"s{i}") is not None)
            replacement = replacements[which]
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


@check_kind(
    "date_compare",
    params=(
        Param("left", "string", choices=DATE_FIELDS, doc="the date checked (and underlined)"),
        Param("op", "string", choices=tuple(_OPERATORS), doc="how it compares"),
        Param("right", "string", choices=DATE_FIELDS, doc="the date it is compared with"),
        Param("offset_days", "integer", 0, doc="days added to `right`"),
    ),
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
    offset = params["offset_days"]
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
