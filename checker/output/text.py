"""Diagnostics for people, in the style of rustc and ruff.

error[DATE001]: letter is dated 1 February 2023, but the visit ended on 1 February 2023
  --> draft.md:11:1
   |
11 | 1 February 2023
   | ^^^^^^^^^^^^^^^
   = help: The letter is written after the visit: ...
"""

from __future__ import annotations

from rich import box
from rich.markup import escape
from rich.table import Table

from checker.output import summary

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _source_lines(result) -> list[str]:
    if result.letter is not None:
        return result.letter.lines
    return []


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


def render_diagnostic(console, result, d) -> None:
    style = _STYLE[d.severity]
    console.print(f"[{style}]{d.severity}[{d.rule}][/]: [bold]{escape(d.message)}[/]", soft_wrap=True)
    console.print(f"  [blue]-->[/] {escape(result.path)}:{d.span.line}:{d.span.column}", soft_wrap=True)
    lines = _source_lines(result)
    width = len(str(d.span.end_line))
    gutter = " " * width
    if 0 < d.span.line <= len(lines):
        console.print(f" {gutter} [blue]|[/]", highlight=False)
        room = max(console.width - width - 6, 40)
        last = min(d.span.end_line, d.span.line + 2)
        for number in range(d.span.line, last + 1):
            text = lines[number - 1].expandtabs(1)
            start = d.span.column if number == d.span.line else len(text) - len(text.lstrip()) + 1
            end = d.span.end_column if number == d.span.end_line else len(text) + 1
            end = max(end, start + 1)
            shown, offset = _window(text, start, room)
            first = max(start - offset, 1)
            stop = min(end - offset, len(shown) + 1)
            marks = " " * (first - 1) + "^" * max(stop - first, 1)
            console.print(
                f" [blue]{number:>{width}} |[/] {escape(shown)}", highlight=False, no_wrap=True, crop=True
            )
            console.print(
                f" {gutter} [blue]|[/] [{style}]{marks}[/]", highlight=False, no_wrap=True, crop=True
            )
        if d.span.end_line > last:
            console.print(f" {gutter} [blue]|[/] [dim]... to line {d.span.end_line}[/]", highlight=False)
    if d.help:
        console.print(f" {gutter} [blue]=[/] [bold]help[/]: {escape(d.help)}", soft_wrap=True)
    if d.fix is not None:
        console.print(f" {gutter} [blue]=[/] [bold]fix[/]: {escape(d.fix.description)}", highlight=False)
    console.print()


def render_summary(console, results, statistics: bool = False) -> None:
    counts = summary(results)
    if statistics:
        table = Table(title="Problems by rule", title_justify="left")
        table.add_column("Rule")
        table.add_column("Category")
        table.add_column("Severity")
        table.add_column("Count", justify="right")
        tally: dict[tuple, int] = {}
        for result in results:
            for d in result.diagnostics:
                key = (d.rule, d.category, d.severity)
                tally[key] = tally.get(key, 0) + 1
        for (rule, category, severity), count in sorted(tally.items(), key=lambda item: (-item[1], item[0])):
            table.add_row(rule, category, f"[{_STYLE[severity]}]{severity}[/]", str(count))
        console.print(table)
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
