"""Dates: impossible dates, the visit timeline, weekends, gov.uk date style."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from checker.checking.kinds import Hit, Param, check_kind
from checker.checking.kinds.generic import date_field
from checker.diagnostics import Fix
from checker.model import Letter
from checker.reading import written_dates as dates
from checker.reading.sentences import sentences
from checker.reading.written_dates import format_date

_DIGIT = re.compile(r"\d")


@check_kind("impossible_dates")
def impossible_dates(letter: Letter, params: dict):
    """A date that cannot exist (31 February, 30/13/2019). Facts: {date}, {problem}."""
    for written in letter.facts.dates:
        for problem in written.problems:
            if problem.startswith("impossible"):
                yield Hit(written.span, {"date": written.match.group(), "problem": problem})


@check_kind("date_line_readable")
def date_line_readable(letter: Letter, params: dict):
    """The date line is a date ('1 March 2018', or one DATE008 restyles:
    '1st of March 2018'), not words around one ('14th day of March 2018',
    'March 2018'). Facts: {text}."""
    if letter.date is not None and not letter.date.days:
        yield Hit(letter.date.text.span(), {"text": letter.date.text.value})


_STYLE = {
    "ordinal": "ordinal suffix",
    "leading zero": "leading zero",
    "numeric": "numeric date",
    "month first": "month before day",
    "abbreviated month": "abbreviated month",
    "of": "'of' before the month",
}


@check_kind("date_style")
def date_style(letter: Letter, params: dict):
    """gov.uk style is '1 March 2018': no ordinals, leading zeros, 'of',
    numeric dates, month-first order or abbreviated months. Facts: {date}, {problem}, {suggestion}."""
    for written in letter.facts.dates:
        found = [_STYLE[p] for p in written.problems if p in _STYLE]
        if not found:
            continue
        suggestion = _gov_uk_form(written)
        fix = Fix(suggestion, f"write {suggestion!r}") if suggestion else None
        yield Hit(
            written.span,
            {
                "date": written.match.group(),
                "problem": ", ".join(found),
                "suggestion": suggestion or "day month year",
            },
            fix,
        )


def _gov_uk_form(written) -> str:
    """How gov.uk writes the date: '1 March 2018' for one day; for several,
    the words as written without 'of' when that is all that is wrong."""
    days = written.days
    if len(days) == 1 and days[0]:
        return format_date(days[0])
    if written.problems and set(written.problems) == {"of"}:
        return re.sub(r"\s+of\s+", " ", written.match.group(), flags=re.IGNORECASE)
    return ""


@check_kind("visit_dates_stated")
def visit_dates_stated(letter: Letter, params: dict):
    """The opening gives the visit's dates, day, month and year: without them
    no rule can check the letter date or the visit days against each other.
    Facts: {problem}."""
    if letter.visit is not None or not letter.opening:
        return
    for block in letter.opening:
        text = block.text
        if "visit" not in text.value.lower() or not _DIGIT.search(text.value):
            continue
        for match in dates.DATE_EXPRESSION.finditer(text.value):
            _, problems = dates.read_match(match)
            if "no year" in problems:
                words = match.group().rstrip(".")  # a full stop ending the sentence is no part of it
                start = match.start()
                yield Hit(text.span(start, start + len(words)), {"problem": f"'{words}' has no year"})
                return
    first = letter.visit_paragraph.text
    end = first.value.find(". ") + 1 or len(first.value)
    yield Hit(first.span(0, end), {"problem": "it names no visit dates lettercheck can read"})


@check_kind(
    "visit_days",
    params=(Param("require", "string", choices=("order", "consecutive"), doc="what the visit days must be"),),
)
def visit_days(letter: Letter, params: dict):
    """The visit days are listed in order (`require: order`) or run on
    consecutive working days (`require: consecutive`). Facts: {first}, {second}."""
    if not letter.visit:
        return
    days = letter.visit_dates
    for earlier, later in itertools.pairwise(days):
        if params["require"] == "order" and later <= earlier:
            yield Hit(letter.visit.text.span(), {"first": format_date(earlier), "second": format_date(later)})
            return
        if params["require"] == "consecutive" and later > earlier:
            gap = (later - earlier).days
            weekend_gap = earlier.weekday() == 4 and gap == 3
            if 1 < gap <= MAX_VISIT_DAYS and not weekend_gap:  # longer: a wrong year or month, DATE011's
                yield Hit(
                    letter.visit.text.span(), {"first": format_date(earlier), "second": format_date(later)}
                )
                return


MAX_VISIT_DAYS = 31


@check_kind(
    "visit_span",
    params=(Param("max_days", "integer", MAX_VISIT_DAYS, minimum=1, doc="the most days a visit may span"),),
)
def visit_span(letter: Letter, params: dict):
    """The visit's first and last days are no more than `max_days` apart
    (default 31): '24 October 2022 to 25 October 2023' has a wrong year.
    Facts: {first}, {last}, {days}, {suggestion}."""
    days = letter.visit_dates
    if len(days) < 2:
        return
    first, last = min(days), max(days)
    span = (last - first).days
    if span <= params["max_days"]:
        return
    suggestion = ""
    for year in (last.year, first.year):  # the other day's year, if that makes a short visit
        for day, other in ((first, last), (last, first)):
            try:
                moved = day.replace(year=year)
            except ValueError:
                continue
            if moved != day and 0 <= abs((other - moved).days) <= MAX_VISIT_DAYS:
                suggestion = f"; did you mean {format_date(moved)}?"
                break
        if suggestion:
            break
    yield Hit(
        letter.visit.text.span(),
        {"first": format_date(first), "last": format_date(last), "days": span, "suggestion": suggestion},
    )


@check_kind(
    "weekend", params=(Param("which", "string", choices=("visit", "letter"), doc="which dates are checked"),)
)
def weekend(letter: Letter, params: dict):
    """A visit day (`which: visit`) or the letter date (`which: letter`) falls
    on a Saturday or Sunday. Facts: {date}, {weekday}."""
    if params["which"] == "letter":
        day, text = date_field(letter, "letter_date")
        days = [day] if day else []
    else:
        days, text = letter.visit_dates, letter.visit.text if letter.visit else None
    for day in days:
        if day.weekday() >= 5:
            yield Hit(text.span(), {"date": format_date(day), "weekday": f"{day:%A}"})


_PAST_CUE = re.compile(
    r"\b(?:previous|previously|last|earlier|prior|judged|inspected|was inspected|since)\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b")


_FUTURE_CUE = re.compile(
    r"\b(?:will|plans?|planned|planning|expected|expects|due|by|until|intends?|next)\b", re.I
)


def _about_the_past(before: str) -> bool:
    """Does the sentence, up to the date, look back (with no future word after
    the cue)? 'judged inadequate in ...' yes; 'since the last visit, leaders
    plan to finish by ...' no."""
    cues = list(_PAST_CUE.finditer(before))
    return bool(cues) and not _FUTURE_CUE.search(before, cues[-1].end())


def _earliest(match: re.Match, kind: str) -> dt.date | None:
    if kind == "date":
        days, _ = dates.read_match(match)
        known = [d for d in days if d]
        return min(known) if known else None
    if kind == "month":
        return dates.read_month(match.group())
    return dt.date(int(match.group(1)), 1, 1)


@check_kind("dates_in_text")
def dates_in_text(letter: Letter, params: dict):
    """A sentence about the past ('the previous visit', 'judged inadequate in')
    names a date after this visit began. Facts: {date}, {visit}."""
    visit_start, _ = date_field(letter, "visit_start")
    reference = visit_start or letter.letter_date
    if reference is None:
        return
    for block in letter.body_blocks():
        text = block.text
        if not _DIGIT.search(text.value) or not _PAST_CUE.search(text.value):
            continue  # no date, or nothing about the past: skip the sentence scan
        for sentence in sentences(text.value):
            if not _PAST_CUE.search(sentence.group()):
                continue
            start, end = sentence.span()
            seen: list[tuple[int, int]] = []
            for kind, pattern in (
                ("date", dates.DATE_EXPRESSION),
                ("month", dates.MONTH_YEAR),
                ("year", _YEAR),
            ):
                for match in pattern.finditer(text.value, start, end):
                    if any(a <= match.start() < b for a, b in seen):
                        continue
                    seen.append(match.span())
                    day = _earliest(match, kind)
                    if day and day > reference and _about_the_past(text.value[start : match.start()]):
                        span = match.span(1) if kind == "year" else match.span()
                        yield Hit(
                            text.span(*span),
                            {"date": text.value[span[0] : span[1]], "visit": format_date(reference)},
                        )
