"""The `lettercheck` command: thin, it parses options and calls checker.api.

`--version` is answered before typer, rich or lark are imported so that it
stays instant.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from checker import __version__


class CheckFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class ReportFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


app = typer.Typer(
    name="lettercheck",
    help="Check Ofsted inspection letters (focused and monitoring visits) before they are published.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"lettercheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """lettercheck: lint inspection letters, print structural reports, explain rules."""


def _fail(message: str) -> None:
    sys.stderr.write(f"lettercheck: error: {message}\n")
    raise typer.Exit(2)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Letters (.md, .txt), folders to walk, or - for stdin.")],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            help="Exit 1 on problems at or above this level [default: error, or fail_on in config]."
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules (IDs, prefixes or categories).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules (IDs, prefixes or categories).")
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(help="Configuration file (default: nearest .lettercheck.yaml or pyproject.toml)."),
    ] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Show counts per rule.")] = False,
    baseline: Annotated[
        str | None, typer.Option(help="Report only problems beyond this baseline file.")
    ] = None,
    write_baseline: Annotated[
        str | None, typer.Option(help="Write the problems found as a baseline file.")
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes (0: one per core; at most one per file, four per core).",
        ),
    ] = 0,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr [default: on a terminal]."),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the fixes rules offer (files are rewritten), then report.")
    ] = False,
) -> None:
    """Check letters against the rules and report problems."""
    import os

    from checker import api
    from checker import baseline as baselines
    from checker.config import ConfigError, config_for, load_config_file
    from checker.diagnostics import SEVERITY_RANK
    from checker.engine import engine_for
    from checker.rulepack import RulePackError

    try:
        base_config = load_config_file(config) if config else config_for(paths[0] if paths else ".")
        # Build the rules now: a broken pack or an unknown selector is reported even with no file to check.
        engine_for(api.effective_config(paths[0], config, tuple(select or ()), tuple(ignore or ())))
    except (ConfigError, RulePackError) as error:
        _fail(str(error))
    level = (fail_on.value if fail_on else None) or base_config.fail_on
    known = None
    try:
        known = baselines.load(baseline) if baseline else None
        if write_baseline:
            baselines.check_writable(write_baseline)
    except baselines.BaselineError as error:
        _fail(str(error))
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    fmt = output_format.value
    streaming = fmt in ("text", "concise", "github")
    console = _console() if fmt == "text" else None
    interactive = sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")
    show_progress = progress if progress is not None else (interactive and fmt == "text")

    files = list(api.iter_paths(paths, base_config.include, base_config.exclude))
    if not files:
        patterns = ", ".join(base_config.include)
        sys.stderr.write(f"lettercheck: warning: no letters ({patterns}) found in {', '.join(paths)}\n")
    if fix and "-" in files:
        _fail("--fix cannot rewrite standard input")
    chosen = (config, tuple(select or ()), tuple(ignore or ()))
    write_failures: list[str] = []  # files whose fixed text could not be written
    if fix:
        outcomes = (_fix_or_report(path, chosen, write_failures) for path in files)
    else:
        checked = api.check_paths(files, *chosen, jobs=workers, keep_lines=fmt == "text")
        outcomes = ((result, 0) for result in checked)

    results = []
    fixed = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    try:
        with _progress(show_progress and len(files) > 1, len(files)) as advance:
            for result, fixed_here in outcomes:
                fixed += fixed_here
                if known is not None:
                    result.diagnostics = known.filter(result.path, result.diagnostics)
                for d in result.diagnostics:
                    counts[d.severity] += 1
                if streaming:
                    _stream(fmt, console, result)
                    result.letter = None  # keep memory flat: only diagnostics remain
                results.append(result)
                advance(sum(counts.values()))
    except api.SetupError as error:
        _fail(str(error))

    if write_baseline:
        try:
            baselines.write(write_baseline, results)
        except baselines.BaselineError as error:
            _fail(str(error))
    _finish(fmt, console, results, statistics, level)
    if fix:
        sys.stderr.write(f"lettercheck: fixed {fixed} problem{'s' if fixed != 1 else ''}\n")
    if any(result.incomplete for result in results) or write_failures:
        raise typer.Exit(2)
    worst = max((SEVERITY_RANK[s] for s, n in counts.items() if n), default=0)
    raise typer.Exit(1 if worst >= SEVERITY_RANK[level] else 0)


def _fix_or_report(path: str, chosen: tuple, write_failures: list):
    """Fix one file; when its fixes are not written, say so and report it unfixed.
    A failed write (disk full...) is an error (exit 2); a refusal that keeps
    data safe (the file changed on disk...) is a warning."""
    from checker import api

    try:
        return api.fix_file(path, *chosen)
    except api.FixNotWritten as error:
        if error.failed:
            write_failures.append(path)
        sys.stderr.write(f"lettercheck: {'error' if error.failed else 'warning'}: {error.message}\n")
        return error.result, 0


@contextmanager
def _progress(enabled: bool, total: int):
    """A rich progress bar on stderr (files done, problems so far), or nothing."""
    if not enabled:
        yield lambda problems: None
        return
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda problems: bar.update(task, advance=1, description=f"checking · {problems} problems")


def _stream(fmt: str, console, result) -> None:
    if fmt == "text":
        from checker.output.text import render_diagnostic

        for d in result.diagnostics:
            render_diagnostic(console, result, d)
    elif fmt == "github":
        from checker.output.formats import render_github

        text = render_github([result])
        if text:
            print(text)
    elif fmt == "concise":
        from checker.output.formats import concise_line

        for d in result.diagnostics:
            print(concise_line(result.path, d))


def _finish(fmt: str, console, results, statistics: bool, level: str) -> None:
    from checker.output import formats

    if fmt == "text":
        from checker.output.text import render_summary

        render_summary(console, results, statistics)
    elif fmt == "concise":
        print(formats.concise_summary(results))
    elif fmt == "json":
        print(formats.render_json(results))
    elif fmt == "sarif":
        from checker.output.sarif import render_sarif
        from checker.rulepack import load_rules

        print(render_sarif(results, load_rules()))
    elif fmt == "junit":
        from checker.output.junit import render_junit

        print(render_junit(results, level))


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Letters, folders, or - for stdin.")],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.rich,
) -> None:
    """Print the structure of letters: metadata, visit timeline, inspectors,
    sections and the recommendation → findings map."""
    from checker import api

    results = api.report_paths(paths)
    fmt = output_format.value
    if fmt == "json":
        from checker.output.report import render_json

        print(render_json(results))
    elif fmt == "markdown":
        from checker.output.report import render_markdown

        print(render_markdown(results))
    elif fmt == "html":
        from checker.output.report import render_html

        print(render_html(results))
    else:
        from checker.output.report import render_rich

        render_rich(results, _console())
    for result in results:
        for d in result.diagnostics:
            if d.category == "parse":
                sys.stderr.write(f"{result.path}:{d.span.line}:{d.span.column}: {d.rule} {d.message}\n")
    if any(result.unreadable for result in results):
        raise typer.Exit(2)


@app.command()
def rules(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    severity: Annotated[Level | None, typer.Option(help="Only this severity.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table, json or markdown.")] = "table",
) -> None:
    """List every rule: ID, category, severity, what it reports."""
    from checker.rulepack import RulePackError, load_rules

    try:
        found = load_rules()
    except RulePackError as error:
        _fail(str(error))
    found = [
        r
        for r in found
        if (not category or r.category == category) and (not severity or r.severity == severity.value)
    ]
    if output_format == "json":
        import json

        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "category": r.category,
                        "severity": r.severity,
                        "applies_to": list(r.applies_to or []),
                        "message": r.message,
                        "help": r.help,
                    }
                    for r in found
                ],
                indent=2,
            )
        )
        return
    if output_format == "markdown":
        from checker.docs import rules_markdown

        print(rules_markdown(found))
        return
    from rich.table import Table

    table = Table(title=f"{len(found)} rules")
    for column in ("ID", "Name", "Category", "Severity", "Reports"):
        table.add_column(column)
    for r in found:
        table.add_row(r.id, r.name, r.category, r.severity, r.message)
    _console().print(table)


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule ID, e.g. DATE001, or its name.")]) -> None:
    """Explain a rule: what it checks, why, how to fix it, with examples."""
    from checker.docs import explain_rule
    from checker.rulepack import RulePackError, load_rules

    try:
        found = load_rules()
    except RulePackError as error:
        _fail(str(error))
    wanted = rule_id.strip()
    from checker.api import PARSE_RULES

    if wanted.upper() in PARSE_RULES:
        what, help_text = PARSE_RULES[wanted.upper()]
        print(
            f"{wanted.upper()} (parse, error): {what}.\n{help_text}\nExit code 2; the other files are still checked."
        )
        return
    rule = next((r for r in found if r.id == wanted.upper() or r.name == wanted.lower()), None)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(wanted.upper(), [r.id for r in found], n=3)
        _fail(f"no rule {wanted!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))
    from rich.markdown import Markdown

    _console().print(Markdown(explain_rule(rule)))


@app.command()
def schema() -> None:
    """Print the JSON Schema of rule files (for editor autocompletion)."""
    from checker.resources import resource_path

    print((resource_path("rules") / "schema.json").read_text(encoding="utf-8"), end="")


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"lettercheck {__version__}")
        return
    app()
