"""Applying fixes: right-to-left on a line, overlapping fixes left alone."""

from __future__ import annotations

from checker.diagnostics import Diagnostic, Fix
from checker.fix import apply_fixes
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
