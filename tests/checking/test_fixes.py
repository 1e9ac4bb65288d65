"""Applying fixes: right-to-left on a line, overlapping fixes left alone."""

from __future__ import annotations

from checker.checking.fixes import apply_fixes
from checker.diagnostics import Diagnostic, Fix
from checker.model import Span


def _fix(line, column, end_column, replacement):
    return Diagnostic(
        "X001", "style", "warning", Span(line, column, line, end_column), "m", fix=Fix(replacement, "d")
    )


def test_two_fixes_on_one_line_keep_their_columns():
    fixes = [_fix(1, 1, 7, "while"), _fix(1, 8, 15, "among")]
    text, applied = apply_fixes("whilst amongst them\nnext", fixes)
    assert text == "while among them\nnext"
    assert sorted(d.fix.replacement for d in applied) == ["among", "while"]


def test_overlapping_fixes_apply_once_and_multiline_spans_are_skipped():
    overlapping = [_fix(1, 1, 10, "A"), _fix(1, 5, 12, "B")]
    multiline = Diagnostic("X002", "style", "warning", Span(1, 1, 2, 3), "m", fix=Fix("C", "d"))
    text, applied = apply_fixes("0123456789abcdef\nxyz", [*overlapping, multiline])
    assert text == "0123Bbcdef\nxyz"  # columns 5-11 became "B"
    assert [d.fix.replacement for d in applied] == ["B"]


def test_a_fix_that_would_add_a_line_is_not_applied():
    """Every line keeps its number and its own ending: a replacement holding a
    line break is left for a person."""
    text, applied = apply_fixes("one two\nthree", [_fix(1, 5, 8, "2\nextra"), _fix(2, 1, 6, "3")])
    assert text == "one two\n3"
    assert [d.fix.replacement for d in applied] == ["3"]
