"""Cutting lines into highlighted segments (checker/output/annotate.py)."""

from __future__ import annotations

from checker.diagnostics import Diagnostic
from checker.model import Span
from checker.output.annotate import annotate


def problem(line, column, end_line, end_column, severity="error") -> Diagnostic:
    return Diagnostic("X001", "style", severity, Span(line, column, end_line, end_column), "m")


def cut(lines, diagnostics):
    annotated, outside = annotate(lines, diagnostics)
    return [[(s.text, s.diagnostics, s.ends) for s in line.segments] for line in annotated], outside


def test_overlapping_spans_split_at_every_boundary():
    lines, _ = cut(["abcdefghij"], [problem(1, 3, 1, 8), problem(1, 5, 1, 11, "warning")])
    assert lines == [[("ab", (), ()), ("cd", (0,), ()), ("efg", (0, 1), (0,)), ("hij", (1,), (1,))]]


def test_a_span_across_lines_covers_each_line_to_its_end():
    lines, _ = cut(["first", "", "second", "third"], [problem(1, 3, 3, 4)])
    assert lines == [
        [("fi", (), ()), ("rst", (0,), ())],
        [],  # an empty line in the middle has nothing to highlight, and no marker
        [("sec", (0,), (0,)), ("ond", (), ())],
        [("third", (), ())],
    ]


def test_an_end_at_column_1_does_not_reach_the_next_line():
    lines, _ = cut(["one", "two"], [problem(1, 1, 2, 1)])
    assert lines == [[("one", (0,), (0,))], [("two", (), ())]]


def test_a_point_is_an_empty_segment_before_its_column():
    lines, _ = cut(["abc", ""], [problem(1, 2, 1, 2), problem(2, 1, 2, 1)])
    assert lines == [[("a", (), ()), ("", (0,), (0,)), ("bc", (), ())], [("", (1,), (1,))]]


def test_positions_past_the_text_are_clamped_or_listed_apart():
    annotated, outside = annotate(
        ["short"], [problem(1, 4, 1, 99), problem(1, 40, 1, 41), problem(7, 1, 7, 2)]
    )
    assert [(s.text, s.diagnostics) for s in annotated[0].segments] == [("sho", ()), ("rt", (0,)), ("", (1,))]
    assert outside == [2]  # line 7 of a one-line file
    assert annotated[0].notes == [0, 1]
    assert annotate([], [problem(1, 1, 1, 1)])[1] == [0]  # no text at all (an unreadable file)


def test_control_characters_are_shown_one_for_one():
    (line,), _ = annotate(["a\x1b[31mb\x7f\tc"], [problem(1, 2, 1, 3)])
    assert "".join(s.text for s in line.segments) == "a␛[31mb␡\tc"
    assert line.segments[1].text == "␛"  # the column still points at the escape character
