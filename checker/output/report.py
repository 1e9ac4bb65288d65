"""Structural reports of letters: rich (for people), JSON (the contract), markdown.
The HTML pack is in html_report.py.

Renderers only present facts computed by `letter_data.letter_dict` and the
engine's diagnostics; letter text is escaped for each medium.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from checker.diagnostics import SEVERITIES, place_words
from checker.output.escape import mark_invisible, visible
from checker.output.letter_data import REPORT_VERSION, letter_dict

if TYPE_CHECKING:
    from checker.api.results import FileResult


def _long_date(iso: str | None) -> str:
    if not iso:
        return "—"
    import datetime as dt

    from checker.reading.written_dates import format_long_date

    return format_long_date(dt.date.fromisoformat(iso))


def render_report_json(results: list[FileResult]) -> str:
    """The letter model of the SPEC for each letter, with every diagnostic
    (parse problems and the rules' findings) and a count per severity."""
    from checker.output import summary

    letters = []
    for result in results:
        if result.letter is not None and not result.unreadable:
            data = letter_dict(result.letter, result.alignment)
            if result.document is not None:
                _add_places(data, result.document)
        else:
            data = {"path": result.path, "letter_type": "unknown"}
        data["diagnostics"] = [d.to_dict() for d in result.diagnostics]
        counts = summary([result])
        data["summary"] = {key: counts[key] for key in ("errors", "warnings", "infos")}
        letters.append(data)
    return json.dumps({"version": REPORT_VERSION, "letters": letters}, indent=2, ensure_ascii=False)


def _add_places(data: dict, document) -> None:
    """In a PDF or Word letter, say where each section, recommendation,
    finding and area starts in the file: `page` and `page_line` (PDF),
    `paragraph` (Word). Their `line` stays the line of the text lettercheck
    rebuilt (it links recommendations to findings)."""
    for key in ("sections", "recommendations", "findings", "areas"):
        for entry in data.get(key, []):
            place = document.locate(entry["line"], 1)
            if document.kind == "pdf":
                entry.update(page=place.page, page_line=place.line)
            else:
                entry.update(paragraph=place.line, part=place.part or "body")


class Places:
    """How the report names a line of the letter's text: by its number in a
    text file; in a PDF or Word file by where it is printed ("page 2, line
    14", "paragraph 12"), as the problems are, since the rebuilt text's line
    numbers mean nothing to someone reading the file."""

    def __init__(self, result: FileResult) -> None:
        self.document = result.document
        self.header = "Line" if self.document is None else "Where"

    def cell(self, line: int) -> str:
        return str(line) if self.document is None else self.words(line)

    def words(self, line: int) -> str:
        if self.document is None:
            return f"line {line}"
        return place_words(self.document.kind, self.document.locate(line, 1), column=False)


def report_tables(result: FileResult) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report of one letter as (title, header, rows) tables of plain text
    (the markdown format escapes it)."""
    data = letter_dict(result.letter, result.alignment)
    places = Places(result)
    recipient = data["recipient"] or {}
    fields = [
        ("Letter type", data["letter_type"].replace("_", " ")),
        ("Format", data["layout"]),
        ("Title", data["title"]),
        ("Local authority", data["local_authority"]),
        ("Letter date", _long_date(data["letter_date"])),
        ("Visit dates", ", ".join(_long_date(d) for d in data["visit_dates"]) or None),
        ("Recipient", ", ".join(v for v in recipient.values() if v) or None),
        ("Salutation", data["salutation"]),
        ("Closing", data["closing"]),
        ("Sign-off", data["sign_off"]),
    ]
    signatory = (data["signatory"] or {}).get("name")
    tables = [
        ("Letter", ["Field", "Value"], [[name, value or "—"] for name, value in fields]),
        (
            "Inspectors",
            ["Name", "Role", "As written", "Signs"],
            [
                [p["name"], p["role"] or "?", p["role_text"] or "", "✔" if p["name"] == signatory else ""]
                for p in data["inspectors"]
            ],
        ),
        (
            "Sections",
            [places.header, "Heading", "Kind", "Paragraphs", "Bullets", "Words"],
            [
                [
                    places.cell(s["line"]),
                    s["heading"],
                    s["kind"],
                    str(s["paragraphs"]),
                    str(s["bullets"]),
                    str(s["words"]),
                ]
                for s in data["sections"]
            ],
        ),
    ]
    return tables + _map_tables(data, places)


def _map_tables(data: dict, places: Places) -> list[tuple[str, list[str], list[list[str]]]]:
    """Recommendations beside the findings that support them; areas covered
    beside the findings that evaluate them."""
    tables = []
    if data["recommendations"]:
        rows = [
            [
                places.cell(rec["line"]),
                rec["text"],
                _support_text(rec["support"], places) or Alert("no supporting finding"),
            ]
            for rec in data["recommendations"]
        ]
        header = [places.header, "Recommendation", "Supported by"]
        tables.append(("Recommendations and their support", header, rows))
    if data["areas"]:
        rows = [
            [
                places.cell(area["line"]),
                area["text"],
                _support_text(area["evidence"], places) or Alert("not evaluated"),
            ]
            for area in data["areas"]
        ]
        header = [places.header, "Area", "Evaluated at"]
        tables.append(("Areas covered and the findings that evaluate them", header, rows))
    return tables


class Alert(str):
    """A table cell that stands out (bold in markdown): a missing link."""


def _support_text(links: list[dict], places: Places) -> str:
    return "; ".join(
        "its own statement (written as a finding)"
        if s.get("kind") == "statement"
        else f"{places.words(s['line'])} ({s['score']:.2f}: {', '.join(s['shared_terms'][:3])})"
        for s in links
    )


# Markdown punctuation that could start emphasis, code, links or a table cell
# break; `<`, `>` and `&` become entities so no raw HTML reaches a renderer.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: str) -> str:
    """Letter text made inert in markdown: HTML escaped, markup characters
    backslash-escaped, control and invisible characters shown, on one line."""
    from html import escape

    flat = " ".join(mark_invisible(visible(text)).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(flat, quote=False))


def render_markdown(results: list[FileResult]) -> str:
    out: list[str] = []
    for result in results:
        title = (
            result.letter.title.value
            if result.letter and result.letter.title and not result.unreadable
            else None
        )
        out.append(f"# {markdown_text(title or result.path)}\n")
        counts = dict.fromkeys(SEVERITIES, 0)
        for diagnostic in result.diagnostics:
            counts[diagnostic.severity] += 1
        out.append(
            f"{markdown_text(result.path)} · {result.letter_type.replace('_', ' ')} · "
            f"{_counted(counts['error'], 'error')}, {_counted(counts['warning'], 'warning')}, "
            f"{counts['info']} info\n"
        )
        if result.diagnostics:
            out.append("## Problems\n")
            out.append("| Where | Severity | Rule | Message | Help |")
            out.append("|---|---|---|---|---|")
            out.extend(
                f"| {d.location} | {d.severity} | {d.rule} | "
                f"{markdown_text(d.message)} | {markdown_text(d.help)} |"
                for d in result.diagnostics
            )
            out.append("")
        if result.letter is None or result.unreadable:
            continue
        for title, header, rows in report_tables(result):
            out.append(f"## {title}\n")
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            out.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
            out.append("")
    return "\n".join(out)


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _cell(cell: str) -> str:
    return f"**{markdown_text(cell)}**" if isinstance(cell, Alert) else markdown_text(cell)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_rich(results: list[FileResult], console) -> None:
    """A tree and tables per letter for the terminal. Letter text is escaped:
    '[/bold]' in a letter is text, not rich markup."""
    from rich.panel import Panel

    for result in results:
        if result.letter is None or result.unreadable:
            for d in result.diagnostics:
                console.print(
                    f"[bold red]{_rich_text(result.path)}:{d.location}[/] {d.rule} {_rich_text(d.message)}"
                )
            continue
        data = letter_dict(result.letter, result.alignment)
        console.print(Panel(_rich_tree(data, result.path), border_style="cyan"))
        for table in _rich_tables(data, Places(result)):
            console.print(table)
        signatory = (data["signatory"] or {}).get("name")
        t = _rich_text
        console.print(f"[dim]closing:[/] {t(data['closing']) if data['closing'] else '[red]missing[/]'}")
        console.print(
            f"[dim]sign-off:[/] {t(data['sign_off']) if data['sign_off'] else '[red]missing[/]'}  "
            f"[dim]signed:[/] {t(signatory) if signatory else '[red]?[/]'}"
        )
        for d in result.diagnostics:
            style = _SEVERITY_STYLE[d.severity]
            console.print(f"{d.location} [{style}]{d.severity}[/] {d.rule} {t(d.message)}")
        console.print()


def _rich_text(value) -> str:
    """Letter text for rich: markup escaped, control and invisible characters shown."""
    from rich.markup import escape

    return escape(mark_invisible(visible(str(value))))


def _rich_tree(data: dict, path: str):
    """The letter's facts as a tree: type, format, authority, date, recipient, salutation."""
    from rich.tree import Tree

    t = _rich_text
    tree = Tree(f"[bold]{t(data['title'] or '(no title)')}[/]  [dim]{t(path)}[/]")
    meta = tree.add("[bold cyan]Letter[/]")
    meta.add(f"type: [green]{data['letter_type'].replace('_', ' ')}[/]")
    if data["layout"]:
        meta.add(f"format: {t(data['layout'])}")
    meta.add(f"local authority: {t(data['local_authority']) if data['local_authority'] else '[red]?[/]'}")
    meta.add(f"dated: {_long_date(data['letter_date'])}")
    recipient = data["recipient"]
    if recipient:
        who = tree.add("[bold cyan]Recipient[/]")
        for key in ("name", "job_title", "organisation", "postcode"):
            who.add(f"{key.replace('_', ' ')}: {t(recipient[key]) if recipient[key] else '[dim]—[/]'}")
    tree.add(f"[bold cyan]Salutation[/] {t(data['salutation']) if data['salutation'] else '[red]missing[/]'}")
    return tree


def _rich_table(title: str, columns: tuple[str, ...], right: tuple[str, ...] = ()):
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE, title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    return table


def _rich_tables(data: dict, places: Places) -> list:
    """The visit timeline, the inspectors, the sections and the evidence maps."""
    t = _rich_text
    timeline = _rich_table("Visit timeline", ("Date", "Event"))
    for day in data["visit_dates"]:
        timeline.add_row(_long_date(day), "visit day")
    if data["letter_date"]:
        timeline.add_row(_long_date(data["letter_date"]), "letter dated")
    inspectors = _rich_table("Inspectors", ("Name", "Role", "As written", "Signs"))
    signatory = (data["signatory"] or {}).get("name")
    for person in data["inspectors"]:
        role = t(person["role"]) if person["role"] else "[red]unknown[/]"
        signs = "✔" if person["name"] == signatory else ""
        inspectors.add_row(t(person["name"]), role, t(person["role_text"] or ""), signs)
    sections = _rich_table(
        "Sections", (places.header, "Heading", "Kind", "¶", "•", "Words"), (places.header, "¶", "•", "Words")
    )
    for s in data["sections"]:
        colour = "yellow" if s["kind"] == "other" else "green"
        counts = (str(s["paragraphs"]), str(s["bullets"]), str(s["words"]))
        sections.add_row(places.cell(s["line"]), t(s["heading"]), f"[{colour}]{s['kind']}[/]", *counts)
    tables = [timeline, inspectors, sections]
    maps = (
        (
            "recommendations",
            "support",
            "Recommendation → supporting findings",
            "Recommendation",
            "Supported by",
        ),
        ("areas", "evidence", "Areas covered → findings that evaluate them", "Area", "Evaluated at"),
    )
    for key, links, title, what, linked in maps:
        if data[key]:
            where = places.header.lower()
            columns = (places.header, what, f"{linked} ({where} · score · shared terms)")
            table = _rich_table(title, columns, (places.header,))
            for row in data[key]:
                table.add_row(
                    places.cell(row["line"]), t(_short(row["text"], 60)), _links_cell(row[links], t, places)
                )
            tables.append(table)
    return tables


def _links_cell(links: list[dict], t, places: Places) -> str:
    cells = [
        f"{places.cell(s['line'])} · {s['score']:.2f} · {t(', '.join(s['shared_terms'][:3]))}" for s in links
    ]
    return "\n".join(cells) or "[bold red]none[/]"
