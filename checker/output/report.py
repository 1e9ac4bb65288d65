"""Structural reports of letters: rich (for people), JSON (the contract), markdown.

Renderers only present facts computed by `serialise.letter_dict`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from checker.serialise import REPORT_VERSION, letter_dict

if TYPE_CHECKING:
    from checker.api import FileResult


def _long_date(iso: str | None) -> str:
    if not iso:
        return "—"
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"


def render_json(results: list[FileResult]) -> str:
    letters = []
    for result in results:
        if result.letter is not None:
            data = letter_dict(result.letter, result.alignment)
        else:
            data = {"path": result.path, "letter_type": "unknown"}
        data["diagnostics"] = [d.to_dict() for d in result.diagnostics]
        letters.append(data)
    return json.dumps({"version": REPORT_VERSION, "letters": letters}, indent=2, ensure_ascii=False)


def report_tables(result: FileResult) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report of one letter as (title, header, rows) tables: the shared
    content of the markdown and HTML formats."""
    data = letter_dict(result.letter, result.alignment)
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
            ["Line", "Heading", "Kind", "Paragraphs", "Bullets", "Words"],
            [
                [
                    str(s["line"]),
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
    if data["recommendations"]:
        rows = [
            [
                str(rec["line"]),
                _short(rec["text"]),
                ", ".join(f"line {s['line']} ({s['score']:.2f})" for s in rec["support"]) or "none",
            ]
            for rec in data["recommendations"]
        ]
        tables.append(("Recommendations and their support", ["Line", "Recommendation", "Supported by"], rows))
    return tables


def render_markdown(results: list[FileResult]) -> str:
    out: list[str] = []
    for result in results:
        out.append(f"# {result.path}\n")
        for diagnostic in result.diagnostics:
            out.append(f"> **{diagnostic.rule}** line {diagnostic.span.line}: {diagnostic.message}\n")
        if result.letter is None or result.unreadable:
            continue
        for title, header, rows in report_tables(result):
            out.append(f"## {title}\n")
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            out.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
            out.append("")
    return "\n".join(out)


def render_html(results: list[FileResult]) -> str:
    """One self-contained page (no scripts, no external files) for a QA pack."""
    from html import escape

    body: list[str] = []
    for result in results:
        body.append(f"<section><h1>{escape(result.path)}</h1>")
        for d in result.diagnostics:
            body.append(
                f'<p class="problem"><b>{escape(d.rule)}</b> line {d.span.line}: {escape(d.message)}</p>'
            )
        if result.letter is not None and not result.unreadable:
            for title, header, rows in report_tables(result):
                body.append(f"<h2>{escape(title)}</h2><table><thead><tr>")
                body.extend(f"<th>{escape(cell)}</th>" for cell in header)
                body.append("</tr></thead><tbody>")
                for row in rows:
                    body.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
                body.append("</tbody></table>")
        body.append("</section>")
    style = (
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}"
        "table{border-collapse:collapse;margin-bottom:1.5rem}"
        "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}"
        "th{background:#eef}.problem{color:#a00}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>lettercheck report</title><style>{style}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>"
    )


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_rich(results: list[FileResult], console) -> None:
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.tree import Tree

    for result in results:
        if result.letter is None or result.unreadable:
            for d in result.diagnostics:
                console.print(
                    f"[bold red]{result.path}:{d.span.line}:{d.span.column}[/] {d.rule} {d.message}"
                )
            continue
        data = letter_dict(result.letter, result.alignment)
        tree = Tree(f"[bold]{data['title'] or '(no title)'}[/]  [dim]{result.path}[/]")
        meta = tree.add("[bold cyan]Letter[/]")
        meta.add(f"type: [green]{data['letter_type'].replace('_', ' ')}[/]")
        if data["layout"]:
            meta.add(f"format: {data['layout']}")
        meta.add(f"local authority: {data['local_authority'] or '[red]?[/]'}")
        meta.add(f"dated: {_long_date(data['letter_date'])}")
        recipient = data["recipient"]
        if recipient:
            who = tree.add("[bold cyan]Recipient[/]")
            for key in ("name", "job_title", "organisation", "postcode"):
                who.add(f"{key.replace('_', ' ')}: {recipient[key] or '[dim]—[/]'}")
        tree.add(f"[bold cyan]Salutation[/] {data['salutation'] or '[red]missing[/]'}")

        timeline = Table(box=box.SIMPLE, title="Visit timeline", title_justify="left")
        timeline.add_column("Date")
        timeline.add_column("Event")
        for day in data["visit_dates"]:
            timeline.add_row(_long_date(day), "visit day")
        if data["letter_date"]:
            timeline.add_row(_long_date(data["letter_date"]), "letter dated")

        inspectors = Table(box=box.SIMPLE, title="Inspectors", title_justify="left")
        for column in ("Name", "Role", "As written", "Signs"):
            inspectors.add_column(column)
        signatory = (data["signatory"] or {}).get("name")
        for person in data["inspectors"]:
            inspectors.add_row(
                person["name"],
                person["role"] or "[red]unknown[/]",
                person["role_text"] or "",
                "✔" if person["name"] == signatory else "",
            )

        sections = Table(box=box.SIMPLE, title="Sections", title_justify="left")
        for column in ("Line", "Heading", "Kind", "¶", "•", "Words"):
            sections.add_column(column, justify="right" if column in ("Line", "¶", "•", "Words") else "left")
        for s in data["sections"]:
            colour = "yellow" if s["kind"] == "other" else "green"
            sections.add_row(
                str(s["line"]),
                s["heading"],
                f"[{colour}]{s['kind']}[/]",
                str(s["paragraphs"]),
                str(s["bullets"]),
                str(s["words"]),
            )

        console.print(Panel(tree, border_style="cyan"))
        console.print(timeline)
        console.print(inspectors)
        console.print(sections)
        if data["recommendations"]:
            support = Table(
                box=box.SIMPLE, title="Recommendation → supporting findings", title_justify="left"
            )
            support.add_column("Line", justify="right")
            support.add_column("Recommendation")
            support.add_column("Supported by (line · score · shared terms)")
            for rec in data["recommendations"]:
                cells = (
                    "\n".join(
                        f"{s['line']} · {s['score']:.2f} · {', '.join(s['shared_terms'][:3])}"
                        for s in rec["support"]
                    )
                    or "[bold red]no supporting finding[/]"
                )
                support.add_row(str(rec["line"]), _short(rec["text"], 60), cells)
            console.print(support)
        areas = getattr(result.alignment, "areas", {}) if result.alignment else {}
        if areas:
            table = Table(
                box=box.SIMPLE, title="Areas covered → findings that evaluate them", title_justify="left"
            )
            table.add_column("Line", justify="right")
            table.add_column("Area")
            table.add_column("Evaluated at lines")
            area_text = {b.line: b.text.value for b in result.letter.section("areas_covered").bullets}
            for line, links in areas.items():
                table.add_row(
                    str(line),
                    _short(area_text.get(line, ""), 60),
                    ", ".join(str(link.line) for link in links) or "[bold red]not evaluated[/]",
                )
            console.print(table)
        console.print(f"[dim]closing:[/] {data['closing'] or '[red]missing[/]'}")
        console.print(
            f"[dim]sign-off:[/] {data['sign_off'] or '[red]missing[/]'}  "
            f"[dim]signed:[/] {signatory or '[red]?[/]'}"
        )
        for d in result.diagnostics:
            console.print(f"[yellow]{d.rule}[/] {d.message}")
        console.print()
