"""Find and read dates as letters write them, and write them in gov.uk style.

"1 March 2018", "6 and 7 February 2018", "8–9 December 2015",
"31 January and 1 February 2024", and the forms the style rules flag
("1st March", "01 March", "15 and 16 of May", "01/03/2018", "March 1, 2018", "1 Mar 2018").
A date that cannot exist (31 February) is kept with `None` and a problem.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_FULL_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
}  # fmt: skip

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# A year as text taken from a PDF may be split by the extraction ("3 April 201 8").
_LOOSE_YEAR = r"(?:19|20)\d(?:\d|\s\d(?!\d))"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*[–—-]\s*|\s+to\s+)"
# "15 and 16 of May 2018" is read (and its "of" flagged as style), as is "1st of March 2018".
_OF = r"(?:of\s+)?"
_GROUP = rf"{_WEEKDAY}?{_DAY}(?:{_JOIN}{_WEEKDAY}?{_DAY})*\s+{_OF}{_MONTH}(?:,?\s+{_LOOSE_YEAR})?"
_TEXTUAL = rf"(?<![\w£$]){_GROUP}(?:{_JOIN}{_GROUP})*(?!\w)"
_NUMERIC = r"(?<![\w/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\w/])"
_MONTH_FIRST = rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_LOOSE_YEAR}(?!\w)"
_MONTH_YEAR = rf"(?<!\w)(?:{_MONTH})\s+{_YEAR}(?!\w)"

DATE_EXPRESSION = re.compile(
    rf"(?P<textual>{_TEXTUAL})|(?P<numeric>{_NUMERIC})|(?P<month_first>{_MONTH_FIRST})",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(_MONTH_YEAR, re.IGNORECASE)
# A short line that names a month and a year but is no date we can read
# ("1st of March 2018", "March 2018"): a malformed date line, not letterhead.
LOOSE_DATE_LINE = re.compile(
    rf"^(?:Date[:\s]\s*)?(?:\S+\s+){{0,3}}{_MONTH}(?:\s+\S+){{0,2}}\s+{_YEAR}\s*$", re.IGNORECASE
)
DATE_LINE = re.compile(rf"^(?:Date[:\s]\s*)?(?:{_TEXTUAL}|{_NUMERIC}|{_MONTH_FIRST})\s*$", re.IGNORECASE)

_GROUP_RE = re.compile(_GROUP, re.IGNORECASE)
_DAY_RE = re.compile(r"(\d{1,2})(st|nd|rd|th)?", re.IGNORECASE)
_MONTH_RE = re.compile(_MONTH, re.IGNORECASE)
_YEAR_RE = re.compile(_LOOSE_YEAR)
_OF_BEFORE_MONTH = re.compile(r"\sof\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:[–—-]|to)\s*$", re.IGNORECASE)


def format_date(day: dt.date) -> str:
    """gov.uk style: 1 March 2018."""
    return f"{day.day} {day:%B %Y}"


def format_long_date(day: dt.date) -> str:
    """With its weekday, as reports show it: Thursday 1 March 2018."""
    return f"{day:%A} {format_date(day)}"


def read_month(words: str) -> dt.date:
    """The first day of a month written as MONTH_YEAR matches it ("Oct 2016")."""
    parts = words.split()
    return dt.date(int(parts[-1]), MONTHS[parts[0].rstrip(".").lower()], 1)


def format_month(day: dt.date) -> str:
    """The month of `day`: March 2018."""
    return f"{day:%B %Y}"


def _make(year: int, month: int, day: int, problems: list[str]) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        month_name = dt.date(2000, month, 1).strftime("%B")
        problems.append(f"impossible date: {day} {month_name} {year}")
        return None


def read_textual(text: str, between: bool = False) -> tuple[list[dt.date | None], list[str]]:
    """Days named by a textual expression, with its style problems. `between`:
    the words before it were "between", so "3 and 5 November" is a range."""
    problems: list[str] = []
    groups: list[tuple[list[int], list[str], int, int | None]] = []
    group_joins: list[str] = []  # the words between one day-month group and the next
    previous_end = None
    for group in _GROUP_RE.finditer(text):
        if previous_end is not None:
            group_joins.append(text[previous_end : group.start()])
        previous_end = group.end()
        groups.append(_read_group(group.group(), problems))
    if not groups:
        return [], ["unreadable"]
    final_year = groups[-1][3]
    if final_year is None:
        problems.append("no year")
        return [], problems
    result: list[dt.date | None] = []
    for days, joins, month, year in groups:
        result.extend(_days(days, joins, month, year or final_year, problems))
    result = _across_new_year(groups, result)
    if _is_range(groups, group_joins, between):
        result = _fill(result)
    return result, problems


def _read_group(words: str, problems: list[str]) -> tuple[list[int], list[str], int, int | None]:
    """One day-month group ("6 and 7 February 2018"): its days, the words
    between them, its month and its year (None when it has none)."""
    words = re.sub(_WEEKDAY, "", words, flags=re.IGNORECASE)
    month_match = _MONTH_RE.search(words)
    month_word = month_match.group().rstrip(".").lower()
    year_match = _YEAR_RE.search(words[month_match.end() :]) if month_match else None
    head = re.sub(_WEEKDAY, "", words[: month_match.start()] if month_match else words, flags=re.IGNORECASE)
    days: list[int] = []
    joins: list[str] = []
    last_end = None
    for day in _DAY_RE.finditer(head):
        if last_end is not None:
            joins.append(head[last_end : day.start()])
        last_end = day.end()
        days.append(int(day.group(1)))
        if day.group(2):
            problems.append("ordinal")
        if day.group(1).startswith("0"):
            problems.append("leading zero")
    if month_word not in _FULL_MONTHS:
        problems.append("abbreviated month")
    if _OF_BEFORE_MONTH.search(head):
        problems.append("of")
    year = int(year_match.group().replace(" ", "")) if year_match else None
    return days, joins, MONTHS[month_word], year


def _days(
    days: list[int], joins: list[str], month: int, year: int, problems: list[str]
) -> list[dt.date | None]:
    """The dates of one group: "8–9" and "8 to 10" are ranges, whose weekend
    days are left out (a visit does not run over a weekend)."""
    expanded: list[int] = days[:1]
    inside: set[int] = set()  # days a range fills in, not written
    for join, day in zip(joins, days[1:], strict=False):
        if _RANGE_JOIN.match(join) and expanded and day > expanded[-1]:
            inside.update(range(expanded[-1] + 1, day))
            expanded.extend(range(expanded[-1] + 1, day + 1))
        else:
            expanded.append(day)
    made = [(_make(year, month, day, problems), day in inside) for day in expanded]
    return [date for date, filled in made if not (filled and date and date.weekday() >= 5)]


def _across_new_year(groups: list, result: list[dt.date | None]) -> list[dt.date | None]:
    """ "30 December and 2 January 2019": earlier groups belong to the year before."""
    known = [d for d in result if d]
    if len(groups) > 1 and known and known[0] > known[-1] and groups[0][3] is None:
        shifted = [d.replace(year=d.year - 1) if d and d.month > known[-1].month else d for d in result]
        first = next(d for d in shifted if d)
        if (known[-1] - first).days <= 62:
            return shifted
    return result


def _is_range(groups: list, group_joins: list[str], between: bool) -> bool:
    """ "30 January to 2 February", or "between 3 and 5 November": first to last."""
    if len(groups) == 2 and len(groups[0][0]) == 1 and len(groups[1][0]) == 1:
        return bool(_RANGE_JOIN.match(group_joins[0])) or between
    return between and len(groups) == 1 and len(groups[0][0]) == 2


def _fill(days: list[dt.date | None]) -> list[dt.date | None]:
    """The working days from the first to the last (a visit does not run over
    a weekend), when the two make a plausible visit."""
    if len(days) != 2 or None in days or not 0 < (days[1] - days[0]).days <= 31:
        return days
    between = (days[0] + dt.timedelta(days=offset) for offset in range(1, (days[1] - days[0]).days))
    return [days[0], *(day for day in between if day.weekday() < 5), days[1]]


def read_numeric(text: str) -> tuple[list[dt.date | None], list[str]]:
    parts = re.split(r"[/.]", text)
    day, month, year = (int(p) for p in parts)
    if year < 100:
        year += 2000
    problems = ["numeric"]
    if not 1 <= month <= 12:
        problems.append(f"impossible date: {text}")
        return [None], problems
    return [_make(year, month, day, problems)], problems


def read_month_first(text: str) -> tuple[list[dt.date | None], list[str]]:
    month = _MONTH_RE.search(text)
    day = _DAY_RE.search(text, month.end())
    year = _YEAR_RE.search(text, day.end())
    problems = ["month first"]
    if day.group(2):
        problems.append("ordinal")
    return [
        _make(
            int(year.group().replace(" ", "")),
            MONTHS[month.group().rstrip(".").lower()],
            int(day.group(1)),
            problems,
        )
    ], problems


_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def read_match(match: re.Match) -> tuple[list[dt.date | None], list[str]]:
    if match.group("textual"):
        before = match.string[max(0, match.start() - 9) : match.start()]
        return read_textual(match.group(), between=bool(_BETWEEN.search(before)))
    if match.group("numeric"):
        return read_numeric(match.group())
    return read_month_first(match.group())
