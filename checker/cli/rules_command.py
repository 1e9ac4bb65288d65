"""`lettercheck rules`, `explain` and `schema`: the rules as documentation.

Both `rules` and `explain` see the rule packs of the configuration
(`--config`, else the nearest one). On a terminal they are laid out with
rich; piped, `rules` prints whole lines and `explain` its markdown.
"""

from __future__ import annotations

import sys

from checker.cli.messages import console, fail
from checker.output.escape import for_humans


def configured_rules(config: str | None) -> list:
    """The PARSE rules, the core pack and the packs the configuration adds
    (which may name the letter types its rule folders add)."""
    from checker.checking.config import ConfigError, config_for, load_config_file
    from checker.checking.letter_type_files import letter_types_for
    from checker.checking.rule_packs import RulePackError, load_rules

    try:
        settings = load_config_file(config) if config else config_for(".")
        types = letter_types_for(settings.rule_dirs)
        return load_rules(settings.rule_dirs, settings.param_overrides(), letter_types=types)
    except (ConfigError, RulePackError) as error:
        fail(str(error))


def run_rules(category: str | None, severity: str | None, fmt: str, config: str | None) -> None:
    from checker.output.sink import tolerant_stdout

    tolerant_stdout()
    found = [
        r
        for r in configured_rules(config)
        if (not category or r.category == category) and (not severity or r.severity == severity)
    ]
    if not found and fmt not in ("json", "markdown"):
        chosen = " and ".join(
            f"{what} {value}" for what, value in (("category", category), ("severity", severity)) if value
        )
        print(f"no rules of {chosen}" if chosen else "no rules")
        return
    if fmt == "json":
        print(_as_json(found))
    elif fmt == "markdown":
        from checker.checking.rule_docs import rules_markdown

        print(rules_markdown(found))
    else:
        _table(found)


def _as_json(rules) -> str:
    import json

    from checker.output.escape import for_unicode

    listing = [
        {
            "id": r.id,
            "name": r.name,
            "category": r.category,
            "severity": r.severity,
            "applies_to": list(r.applies_to or []),
            "message": r.message,
            "summary": r.reports,
            "help": r.help,
            "kind": r.kind,
            "origin": r.origin,
        }
        for r in rules
    ]
    return for_unicode(json.dumps(listing, indent=2, ensure_ascii=False))


def _table(rules) -> None:
    """A rich table on a terminal; piped, whole lines, nothing padded or cut."""
    rows = [(r.id, r.name, r.category, r.severity, r.reports) for r in rules]
    rows = [tuple(for_humans(cell) for cell in row) for row in rows]
    if not sys.stdout.isatty():
        from checker.output.statistics import aligned

        print(aligned([("ID", "Name", "Category", "Severity", "Reports"), *rows]))
        return
    from rich.markup import escape
    from rich.table import Table

    out = console()
    headers = ("ID", "Name", "Category", "Severity")
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=False)][:4]
    if out.width < sum(widths) + _TABLE_FRAME + _NARROWEST_REPORTS:
        _listed(rows, out)
        return
    table = Table(title=f"{len(rules)} rules", title_justify="left")
    for column in headers:
        table.add_column(column, no_wrap=True)
    table.add_column("Reports", overflow="fold", ratio=1)  # wraps at word boundaries
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    out.print(table)


_TABLE_FRAME = 16  # a rich table's borders and padding for five columns
_NARROWEST_REPORTS = 24  # below this the Reports column is unreadable (or gone)


def _listed(rows, out) -> None:
    """A terminal too narrow for the table: each rule on a line of its own,
    what it reports below, both wrapped at word boundaries (a table would cut
    the IDs and squeeze the Reports column out)."""
    from rich.padding import Padding
    from rich.text import Text

    out.print(f"{len(rows)} rules")
    for rule_id, name, category, severity, reports in rows:
        out.print(Text.assemble((rule_id, "bold"), f"  {severity}  {name} ({category})"))
        out.print(Padding(Text(reports), (0, 0, 0, 4)))


def run_explain(rule_id: str, config: str | None) -> None:
    from checker.checking.rule_docs import explain_rule
    from checker.output.sink import tolerant_stdout

    tolerant_stdout()
    found = configured_rules(config)
    wanted = rule_id.strip()
    rule = next((r for r in found if r.id == wanted.upper() or r.name == wanted.lower()), None)
    if rule is None:
        import difflib

        candidates = [r.id for r in found] + [r.name for r in found]
        close = difflib.get_close_matches(wanted.upper(), candidates, n=3) or difflib.get_close_matches(
            wanted.lower(), candidates, n=3
        )
        fail(f"no rule {wanted!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))
    text = "\n".join(for_humans(line) for line in explain_rule(rule).split("\n"))
    if not sys.stdout.isatty():  # piped: the markdown itself, as `ruff rule` prints it
        print(text)
        return
    from rich.markdown import Markdown

    console().print(Markdown(text))


def run_schema(which: str) -> None:
    """Print the JSON Schema of rule files, of `check --format json`, of the
    configuration or of letter types files."""
    if which in ("check-json", "config"):
        from pathlib import Path

        name = "check.schema.json" if which == "check-json" else "config.schema.json"
        path = Path(__file__).resolve().parent.parent / "schemas" / name
    else:
        from checker.resources import resource_path

        name = "letter_types.schema.json" if which == "letter-types" else "schema.json"
        path = resource_path("rules") / name
    print(path.read_text(encoding="utf-8"), end="")
