"""Reading dates the way letters write them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.reading.written_dates import DATE_EXPRESSION, DATE_LINE, read_match

D = dt.date


@pytest.mark.parametrize(
    ("text", "days", "problems"),
    [
        ("6 and 7 February 2018", [D(2018, 2, 6), D(2018, 2, 7)], []),
        ("8–9 December 2015", [D(2015, 12, 8), D(2015, 12, 9)], []),
        ("31 January and 1 February 2024", [D(2024, 1, 31), D(2024, 2, 1)], []),
        ("17 July 2019", [D(2019, 7, 17)], []),
        ("6, 7 and 8 March 2023", [D(2023, 3, 6), D(2023, 3, 7), D(2023, 3, 8)], []),
        ("Monday 3 to Wednesday 5 July 2023", [D(2023, 7, 3), D(2023, 7, 4), D(2023, 7, 5)], []),
        ("30 December and 2 January 2019", [D(2018, 12, 30), D(2019, 1, 2)], []),
        ("1st March 2018", [D(2018, 3, 1)], ["ordinal"]),
        ("01 March 2018", [D(2018, 3, 1)], ["leading zero"]),
        ("1 Mar 2018", [D(2018, 3, 1)], ["abbreviated month"]),
        ("01/03/2018", [D(2018, 3, 1)], ["numeric"]),
        ("March 1, 2018", [D(2018, 3, 1)], ["month first"]),
        ("31 February 2018", [None], ["impossible date: 31 February 2018"]),
        ("15 and 16 of May 2018", [D(2018, 5, 15), D(2018, 5, 16)], ["of"]),
        ("1st of March 2018", [D(2018, 3, 1)], ["ordinal", "of"]),
        ("30 and 31 January 2018", [D(2018, 1, 30), D(2018, 1, 31)], []),
    ],
)
def test_date_expressions(text, days, problems):
    match = DATE_EXPRESSION.search(f"on {text}.")
    assert match and match.group() == text
    assert read_match(match) == (days, problems)


def test_days_without_a_year_are_no_dates():
    match = DATE_EXPRESSION.search("on 30 and 31 January. The inspectors")
    assert read_match(match) == ([], ["no year"])


def test_days_listed_out_of_order_are_kept_in_written_order():
    match = DATE_EXPRESSION.search("1 February and 31 January 2023")
    assert read_match(match)[0] == [D(2023, 2, 1), D(2023, 1, 31)]


@pytest.mark.parametrize(
    "line", ["1 March 2018", "Date: 8 December 2017", "01/03/2018", "1st March 2018", "1st of March 2018"]
)
def test_date_lines(line):
    assert DATE_LINE.match(line)


@pytest.mark.parametrize(
    "line", ["Dear Ms Murphy", "In 2018 the council", "Textphone 0161 618 8524", "14th day of March 2018"]
)
def test_not_date_lines(line):
    assert not DATE_LINE.match(line)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # "between" makes "and" a range; a range skips the weekend it spans
        ("between 3 and 5 November 2020", [D(2020, 11, 3), D(2020, 11, 4), D(2020, 11, 5)]),
        ("between 13 October and 15 October 2020", [D(2020, 10, 13), D(2020, 10, 14), D(2020, 10, 15)]),
        ("on 30 January to 2 February 2024", [D(2024, 1, 30), D(2024, 1, 31), D(2024, 2, 1), D(2024, 2, 2)]),
        ("from 2 to 6 March 2023", [D(2023, 3, 2), D(2023, 3, 3), D(2023, 3, 6)]),
        # a year that spans a year is not filled in: DATE011 names it
        ("on 24 October 2022 to 25 October 2023", [D(2022, 10, 24), D(2023, 10, 25)]),
        # a year split by PDF extraction
        ("on 3 April 201 8", [D(2018, 4, 3)]),
    ],
)
def test_ranges_and_extraction_splits(text, days):
    match = DATE_EXPRESSION.search(text)
    assert read_match(match) == (days, [])


def test_and_without_between_lists_two_days():
    match = DATE_EXPRESSION.search("on 3 and 5 November 2020")
    assert read_match(match)[0] == [D(2020, 11, 3), D(2020, 11, 5)]


def test_a_split_year_is_a_date_line():
    assert DATE_LINE.match("3 April 201 8")
