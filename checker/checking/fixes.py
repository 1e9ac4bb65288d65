"""Apply the fixes that rules offer (`lettercheck check --fix`).

A fix replaces its diagnostic's span with a text. Only single-line spans are
fixed, with text that holds no line break, so every line keeps its number and
its own ending; overlapping fixes are left for the next run. Writing the
result back (encoding, BOM, line endings, atomically) is source.write's job.
"""

from __future__ import annotations

from checker.diagnostics import Diagnostic


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """The text with every applicable fix made, and the problems they fixed."""
    lines = text.split("\n")
    fixable = [
        d
        for d in diagnostics
        if d.fix is not None
        and d.span.line == d.span.end_line
        and not any(mark in d.fix.replacement for mark in "\r\n")
    ]
    fixable.sort(key=lambda d: (d.span.line, d.span.column), reverse=True)
    applied = []
    previous = None  # the span fixed last, to the right of this one
    for d in fixable:
        span = d.span
        if previous and previous.line == span.line and span.end_column > previous.column:
            continue  # overlaps a fix already made
        line = lines[span.line - 1]
        lines[span.line - 1] = line[: span.column - 1] + d.fix.replacement + line[span.end_column - 1 :]
        applied.append(d)
        previous = span
    return "\n".join(lines), applied
