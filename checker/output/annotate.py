"""Place diagnostics on the letter's own lines, for the annotated HTML report.

Spans overlap (a repeated word inside a long sentence) and some are empty (a
missing part is reported at a point), so each line is cut at every span
boundary into segments, each carrying the diagnostics that cover it. Columns
are 1-based and end-exclusive, counted in characters, as in every diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.diagnostics import SEVERITY_RANK, Diagnostic
from checker.output.escape import visible


@dataclass(slots=True)
class Segment:
    """A run of a line's text covered by the same diagnostics (indexes into
    the letter's list). Empty text marks a point: a problem reported between
    two characters."""

    text: str
    diagnostics: tuple[int, ...] = ()
    severity: str | None = None  # the most severe of them
    ends: tuple[int, ...] = ()  # diagnostics whose span ends with this segment (their tag follows it)


@dataclass(slots=True)
class AnnotatedLine:
    number: int
    segments: list[Segment]
    notes: list[int] = field(default_factory=list)  # diagnostics reported on this line (they start here)


def annotate(lines: list[str], diagnostics: list[Diagnostic]) -> tuple[list[AnnotatedLine], list[int]]:
    """The lines cut into segments, and the diagnostics that fall outside the
    text (a letter with no lines, or a position past its end)."""
    ranges: dict[int, list[tuple[int, int, int]]] = {}  # line -> (start, end, diagnostic)
    ends: dict[int, tuple[int, int]] = {}  # diagnostic -> (line, column) where its span ends
    notes: dict[int, list[int]] = {}
    outside: list[int] = []
    for index, diagnostic in enumerate(diagnostics):
        span = diagnostic.span
        if not lines or not 1 <= span.line <= len(lines):
            outside.append(index)
            continue
        notes.setdefault(span.line, []).append(index)
        last = min(max(span.end_line, span.line), len(lines))
        for number in range(span.line, last + 1):
            length = len(lines[number - 1])
            start = span.column if number == span.line else 1
            end = span.end_column if number == span.end_line else length + 1
            start = min(max(start, 1), length + 1)
            end = min(max(end, start), length + 1)
            if start == end and number != span.line:
                continue  # an end-exclusive span that stops at the start of this line
            ranges.setdefault(number, []).append((start, end, index))
            ends[index] = (number, end)
    annotated = [
        AnnotatedLine(
            number,
            _segments(text, ranges.get(number, []), diagnostics, _ending(ends, number)),
            notes.get(number, []),
        )
        for number, text in enumerate(lines, start=1)
    ]
    return annotated, outside


def _ending(ends: dict[int, tuple[int, int]], number: int) -> dict[int, list[int]]:
    """column -> the diagnostics whose span ends there on line `number`."""
    found: dict[int, list[int]] = {}
    for index, (line, column) in ends.items():
        if line == number:
            found.setdefault(column, []).append(index)
    return found


def _segments(
    text: str, ranges: list[tuple[int, int, int]], diagnostics: list[Diagnostic], ending: dict[int, list[int]]
) -> list[Segment]:
    if not ranges:
        return [Segment(visible(text))] if text else []
    points = sorted((start, index) for start, end, index in ranges if start == end)
    spans = [(start, end, index) for start, end, index in ranges if start < end]
    cuts = sorted(
        {1, len(text) + 1} | {s for s, _, _ in spans} | {e for _, e, _ in spans} | {p for p, _ in points}
    )
    segments: list[Segment] = []
    for left, right in zip(cuts, [*cuts[1:], None], strict=True):
        for at, index in points:
            if at == left:
                segments.append(Segment("", (index,), diagnostics[index].severity, (index,)))
        if right is None:
            break
        covering = tuple(index for start, end, index in spans if start <= left and right <= end)
        closing = tuple(index for index in ending.get(right, ()) if index in covering)
        piece = visible(text[left - 1 : right - 1])
        previous = segments[-1] if segments else None
        if previous and previous.text and previous.diagnostics == covering and not previous.ends:
            previous.text += piece
            previous.ends = closing
        else:
            segments.append(Segment(piece, covering, _worst(covering, diagnostics), closing))
    return segments


def _worst(indexes: tuple[int, ...], diagnostics: list[Diagnostic]) -> str | None:
    if not indexes:
        return None
    return max((diagnostics[i].severity for i in indexes), key=SEVERITY_RANK.__getitem__)
