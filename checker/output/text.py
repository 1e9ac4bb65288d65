"""Diagnostics for people, in the style of rustc and ruff.

error[DATE001]: letter is dated 1 February 2023, but the visit ended on 1 February 2023
  --> draft.md:11:1
   |
11 | 1 February 2023
   | ^^^^^^^^^^^^^^^
   = help: The letter is written after the visit: ...
"""

from __future__ import annotations

import textwrap

from rich import box
from rich.markup import escape
from rich.table import Table

from checker.diagnostics import place_words
from checker.output import summary
from checker.output.escape import for_humans

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _window(text: str, column: int, room: int) -> tuple[str, int]:
    """A slice of a long line that shows `column`, and how many characters
    were cut on the left (an ellipsis takes the place of the first one)."""
    if len(text) <= room:
        return text, 0
    left = max(0, min(column - 1 - room // 4, len(text) - room))
    shown = text[left : left + room]
    if left > 0:
        shown = "…" + shown[1:]
    if left + room < len(text):
        shown = shown[:-1] + "…"
    return shown, left


def _wrap(console, markup_prefix: str, plain_prefix: str, body: str, **options) -> None:
    """Print prefix + body; on a terminal, wrap the body at word boundaries
    under its first word (or a short indent when the prefix is wide)."""
    width = console.width if console.is_terminal else 0
    indent = len(plain_prefix) if width - len(plain_prefix) >= 30 else 4
    if not width or width - indent < 20 or len(plain_prefix) + len(body) <= width:
        console.print(f"{markup_prefix}{escape(body)}", soft_wrap=True, **options)
        return
    lines = textwrap.wrap(
        plain_prefix + body,
        width=width - 1,
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    )
    if not lines[0].startswith(plain_prefix):  # pragma: no cover - a prefix never breaks
        console.print(f"{markup_prefix}{escape(body)}", soft_wrap=True, **options)
        return
    console.print(f"{markup_prefix}{escape(lines[0][len(plain_prefix) :])}", soft_wrap=True, **options)
    for line in lines[1:]:
        console.print(escape(line), soft_wrap=True, **options)


def render_diagnostic(console, result, d) -> None:
    style = _STYLE[d.severity]
    head = f"{d.severity}[{for_humans(d.rule)}]: "
    _wrap(console, f"[{style}]{escape(head[:-2])}[/]: [bold]", head, for_humans(d.message))
    path = for_humans(result.path)
    console.print(f"  [blue]-->[/] {escape(path)}:{d.location}", soft_wrap=True)
    rows, more = _shown_rows(result, d)
    width = max((len(label) for label, *_ in rows), default=1)
    gutter = " " * width
    if rows:
        console.print(f" {gutter} [blue]|[/]", highlight=False)
        room = max(console.width - width - 6, 40)
    for label, raw, start, end in rows:
        if not label:  # a page break inside the span
            console.print(f" {gutter} [blue]|[/] [dim]{escape(raw)}[/]", highlight=False)
            continue
        # Controls in the line are shown escaped: move the underline with them.
        text = for_humans(raw)
        start = len(for_humans(raw[: start - 1])) + 1
        end = len(for_humans(raw[: end - 1])) + 1 + max(0, end - 1 - len(raw))
        shown, offset = _window(text, start, room)
        first = max(start - offset, 1)
        stop = min(end - offset, len(shown) + 1)
        marks = " " * (first - 1) + "^" * max(stop - first, 1)
        console.print(
            f" [blue]{label:>{width}} |[/] {escape(shown)}", highlight=False, no_wrap=True, crop=True
        )
        console.print(f" {gutter} [blue]|[/] [{style}]{marks}[/]", highlight=False, no_wrap=True, crop=True)
    if more:
        console.print(f" {gutter} [blue]|[/] [dim]... to {more}[/]", highlight=False)
    if d.help:
        _wrap(console, f" {gutter} [blue]=[/] [bold]help[/]: ", f" {gutter} = help: ", for_humans(d.help))
    if d.fix is not None:
        _wrap(
            console,
            f" {gutter} [blue]=[/] [bold]fix[/]: ",
            f" {gutter} = fix: ",
            for_humans(d.fix.description),
            highlight=False,
        )
    console.print()


_SHOWN = 3  # lines of a long span shown; the rest is "... to line N"


def _shown_rows(result, d) -> tuple[list[tuple[str, str, int, int]], str]:
    """The lines to show under a problem, as (gutter label, text, first and
    end column underlined), and where a longer span ends ("" when all is
    shown). A PDF shows its printed lines, numbered on the page; a Word file
    its paragraphs, numbered."""
    if result.document is not None and d.place is not None:
        return _document_rows(result.document, d)
    lines, span = result.lines, d.span
    if not 0 < span.line <= len(lines):
        return [], ""
    rows = []
    last = min(span.end_line, span.line + _SHOWN - 1)
    for number in range(span.line, last + 1):
        raw = lines[number - 1].expandtabs(1)
        start = span.column if number == span.line else len(raw) - len(raw.lstrip()) + 1
        end = span.end_column if number == span.end_line else len(raw) + 1
        rows.append((str(number), raw, start, max(end, start + 1)))
    return rows, f"line {span.end_line}" if span.end_line > last else ""


def _document_rows(document, d) -> tuple[list[tuple[str, str, int, int]], str]:
    """The printed lines (PDF) or paragraphs (Word) the span covers: each
    piece of the rebuilt text is one of them, labelled with its number."""
    span = d.span
    rows: list[tuple[str, str, int, int]] = []
    page = d.place.start.page
    for number in range(span.line, min(span.end_line, len(document.lines)) + 1):
        line, origins = document.lines[number - 1], document.origins[number - 1]
        if not origins:
            continue
        low = max(span.column - 1 if number == span.line else 0, origins[0][0])  # not on "## " or "• "
        high = max(span.end_column - 1 if number == span.end_line else len(line), low)
        for index, (start, place) in enumerate(origins):
            stop = origins[index + 1][0] if index + 1 < len(origins) else len(line)
            text = line[start:stop].rstrip(" ")
            end = start + len(text)
            covered = start < high and low < end if low < high else start <= low <= end
            if not covered:
                continue
            if len(rows) >= _SHOWN:
                return rows, place_words(d.place.kind, d.place.end, column=False)
            if place.page != page:
                page = place.page
                rows.append(("", f"page {page}", 0, 0))
            first = min(max(low - start, 0), len(text)) + 1
            last = min(max(high - start, 0), len(text)) + 1
            rows.append((str(place.line), text, first, max(last, first + 1)))
            if low >= high:
                return rows, ""
    return rows, ""


def render_statistics(console, lines: list[str]) -> None:
    """The `--statistics` table (see checker.output.statistics.as_lines)."""
    for line in lines:
        console.print(escape(line), soft_wrap=True, highlight=False)


def render_summary(console, results) -> None:
    counts = summary(results)
    clean = sum(1 for r in results if not r.diagnostics)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("Files", "Clean", "Errors", "Warnings", "Infos"):
        table.add_column(column, justify="right")
    table.add_row(
        str(counts["files"]),
        f"[green]{clean}[/]",
        f"[bold red]{counts['errors']}[/]" if counts["errors"] else "0",
        f"[bold yellow]{counts['warnings']}[/]" if counts["warnings"] else "0",
        f"[bold cyan]{counts['infos']}[/]" if counts["infos"] else "0",
    )
    console.print(table)
    fixable = sum(1 for r in results if r.rewritable for d in r.diagnostics if d.fix is not None)
    if fixable:
        console.print(
            f"{fixable} problem{' can' if fixable == 1 else 's can'} be fixed with `--fix` "
            "(`--diff` shows the changes first).",
            highlight=False,
            soft_wrap=True,
        )
