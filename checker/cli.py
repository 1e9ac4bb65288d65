"""The `lettercheck` command: thin, it parses options and calls checker.api.

`--version` is answered before typer, rich or lark are imported so that it
stays instant.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from checker import __version__
from checker.cli_help import Command, Group

ROOT_EXAMPLES = """
lettercheck check draft.md             # lint a draft
lettercheck check letters/ -f github   # annotate a pull request
lettercheck report letter.md           # the letter's structure
lettercheck explain DATE001            # what a rule checks and why
"""


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
    cls=Group,
    epilog=ROOT_EXAMPLES,
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


CHECK_EXAMPLES = """
lettercheck check draft.md
lettercheck check letters/ --format github
lettercheck check letters/ --select DATE,STR --ignore date-style
lettercheck check draft.md --diff            # what --fix would change
cat draft.md | lettercheck check - --stdin-filename letters/draft.md
lettercheck check letters/ --format sarif --output-file lettercheck.sarif
"""

_OUTPUT, _RULES, _FIXES, _CONFIG = "Output", "Rule selection", "Fixes", "Configuration and baseline"


@app.command(cls=Command, epilog=CHECK_EXAMPLES)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Letters (.md, .txt), folders to walk, or - for standard input."),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, concise, json, sarif, github or junit.",
            rich_help_panel=_OUTPUT,
        ),
    ] = CheckFormat.text,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the output to FILE (whole, when the run ends) instead of standard output.",
            rich_help_panel=_OUTPUT,
        ),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Count problems per rule; with text or concise, print only that table.",
            rich_help_panel=_OUTPUT,
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print the problems and nothing else (no summary or progress).",
            rich_help_panel=_OUTPUT,
        ),
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Progress on standard error [default: on a terminal, with the text format].",
            rich_help_panel=_OUTPUT,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="RULES",
            help="Only these rules: IDs, names, ID prefixes (DATE) or categories (style), comma-separated.",
            rich_help_panel=_RULES,
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Add these rules to the selection.", rich_help_panel=_RULES),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="RULES", help="Skip these rules (as --select).", rich_help_panel=_RULES),
    ] = None,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            metavar="LEVEL",
            help="Exit 1 on problems at or above error, warning or info [default: error, or fail_on in config].",
            rich_help_panel=_RULES,
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when problems are found (2 still means input or setup failed).",
            rich_help_panel=_RULES,
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply the fixes rules offer (files are rewritten), then report.",
            rich_help_panel=_FIXES,
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show what --fix would change as a unified diff, write nothing; exit 1 if anything would change.",
            rich_help_panel=_FIXES,
        ),
    ] = False,
    show_fixes: Annotated[
        bool,
        typer.Option(
            "--show-fixes",
            help="With --fix or --diff, list the problems fixed per file and rule.",
            rich_help_panel=_FIXES,
        ),
    ] = False,
    config: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Configuration file [default: the nearest .lettercheck.yaml or pyproject.toml].",
            rich_help_panel=_CONFIG,
        ),
    ] = None,
    show_settings: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Show the configuration, rule packs and rules that apply to FILE, then exit.",
            rich_help_panel=_CONFIG,
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Report standard input as NAME, with the configuration that applies to NAME.",
            rich_help_panel=_CONFIG,
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            metavar="FILE", help="Report only problems beyond this baseline.", rich_help_panel=_CONFIG
        ),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Record the problems found as a baseline (exit 0 once written).",
            rich_help_panel=_CONFIG,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=0,
            help="Worker processes [default: one per core; at most one per file, four per core].",
            rich_help_panel=_CONFIG,
        ),
    ] = 0,
) -> None:
    """Check letters against the rules and report problems.

    Exit codes: 0 nothing at or above the fail level, 1 problems at or above
    it, 2 unreadable input, a bad option, configuration or rule pack.
    """
    import os

    from checker import api
    from checker.checking import baseline as baselines
    from checker.checking.config import ConfigError, config_for, load_config_file
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import RulePackError
    from checker.checking.selectors import split_list
    from checker.output.progress import progress_for
    from checker.output.sink import OutputError, Sink, tolerant_stdout

    tolerant_stdout()
    chosen = (config, split_list(select), split_list(ignore))
    extend = split_list(extend_select)
    fmt = output_format.value
    if show_settings is not None:
        _show_settings(show_settings, chosen, extend, fmt)
        return
    paths = list(paths or ())
    if stdin_filename and not paths:
        paths = ["-"]
    if not paths:
        _fail("no letters to check: name files or folders, or - for standard input (see --help)")
    first = stdin_filename if paths[0] == "-" and stdin_filename else paths[0]
    try:
        base_config = load_config_file(config) if config else config_for(first)
        # Build the rules now: a broken pack or an unknown selector is reported even with no file to check.
        engine_for(api.effective_config(first, config, chosen[1], chosen[2], extend))
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
    files = list(api.iter_paths(paths, base_config.include, base_config.exclude))
    if not files:
        patterns = ", ".join(base_config.include)
        _warn(f"no letters ({patterns}) found in {', '.join(paths)}")
    if fix and not diff and "-" in files:
        _fail("--fix cannot rewrite standard input (--diff shows the changes instead)")
    sink = Sink(output_file)
    only_statistics = statistics and fmt in ("text", "concise")
    streaming = fmt in ("text", "concise", "github") and not diff and not only_statistics
    console = _text_console(sink) if fmt == "text" else None
    interactive = sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")
    default_on = interactive and fmt == "text" and not quiet and not output_file
    bar = progress_for(len(files), progress, default_on)
    write_failures: list[str] = []  # files whose fixed text could not be written
    if fix and not diff:
        outcomes = (_fix_or_report(path, chosen, extend, write_failures) for path in files)
    else:
        checked = api.check_paths(
            files,
            *chosen,
            jobs=workers,
            keep_lines=fmt == "text" or diff,
            extend_select=extend,
            stdin_name=stdin_filename,
        )
        outcomes = ((result, []) for result in checked)

    results = []
    fixed = []  # (path, problems fixed)
    counts = {"error": 0, "warning": 0, "info": 0}
    try:
        for result, fixed_here in outcomes:
            if diff:
                fixed_here = _show_diff(sink, bar, result)
                result.letter = None
            if fixed_here:
                fixed.append((result.path, fixed_here))
            if known is not None:
                result.diagnostics = known.filter(result.path, result.diagnostics)
            for d in result.diagnostics:
                counts[d.severity] += 1
            if streaming:
                with bar.paused():
                    _stream(fmt, console, sink, result)
                result.letter = None  # keep memory flat: only diagnostics remain
            results.append(result)
            bar.advance(sum(counts.values()))
    except api.SetupError as error:
        bar.close()
        _fail(str(error))
    bar.close()

    rules = _rules_used(results, chosen, extend) if statistics or fmt == "sarif" else []
    if not diff:
        _finish(fmt, console, sink, results, rules, level, quiet, statistics)
    try:
        sink.close()
        if write_baseline:
            baselines.write(write_baseline, results)
    except (OutputError, baselines.BaselineError) as error:
        _fail(str(error))
    _report_fixes(fixed, fix, diff, show_fixes, quiet)
    if write_baseline:
        _note(quiet, f"baseline written to {write_baseline} ({_plural(sum(counts.values()), 'problem')})")
    raise typer.Exit(
        _exit_code(
            results,
            counts,
            level,
            diff=(bool(fixed) if diff else None),
            lenient=bool(write_baseline or exit_zero),
            failed=bool(write_failures),
        )
    )


def _report_fixes(fixed, fix: bool, diff: bool, show_fixes: bool, quiet: bool) -> None:
    """What --fix mended (or --diff would): a count, and with --show-fixes the list."""
    problems = sum(len(found) for _, found in fixed)
    if diff:
        _note(quiet, f"would fix {_plural(problems, 'problem')} in {_plural(len(fixed), 'file')}")
    elif fix:
        _note(quiet, f"fixed {_plural(problems, 'problem')}")
    if show_fixes and (fix or diff):
        sys.stderr.write(fixes_summary(fixed, would=diff))


def _exit_code(results, counts: dict, level: str, diff: bool | None, lenient: bool, failed: bool) -> int:
    """2 when input could not be checked or fixes could not be written
    (never a verdict); with --diff
    (`diff`: whether anything would change) 1 when something would; else 1
    for problems at the fail level (0 when `lenient`)."""
    from checker.diagnostics import SEVERITY_RANK

    if failed or any(result.incomplete for result in results):
        return 2
    if diff is not None:
        return 1 if diff else 0
    if lenient:
        return 0
    worst = max((SEVERITY_RANK[s] for s, n in counts.items() if n), default=0)
    return 1 if worst >= SEVERITY_RANK[level] else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _warn(message: str) -> None:
    from checker.output.escape import for_humans

    sys.stderr.write(f"lettercheck: warning: {for_humans(message)}\n")


def _error(message: str) -> None:
    from checker.output.escape import for_humans

    sys.stderr.write(f"lettercheck: error: {for_humans(message)}\n")


def _note(quiet: bool, message: str) -> None:
    if not quiet:
        from checker.output.escape import for_humans

        sys.stderr.write(f"lettercheck: {for_humans(message)}\n")


def fixes_summary(fixed, would: bool = False) -> str:
    """`--show-fixes`: the problems fixed, per file and rule (as ruff lists them)."""
    total = sum(len(found) for _, found in fixed)
    if not total:
        return f"{'Would fix' if would else 'Fixed'} no problems.\n"
    from checker.output.escape import for_humans

    lines = [f"{'Would fix' if would else 'Fixed'} {_plural(total, 'problem')}:"]
    for path, found in fixed:
        lines.append(f"- {for_humans(path)}:")
        per_rule: dict[str, int] = {}
        for d in found:
            per_rule[d.rule] = per_rule.get(d.rule, 0) + 1
        lines.extend(f"    {count} × {for_humans(rule)}" for rule, count in sorted(per_rule.items()))
    return "\n".join(lines) + "\n"


def _show_diff(sink, bar, result) -> list:
    """Print what --fix would change in one file; return the problems it mends."""
    from checker.output.diff import fixed_lines, unified_diff

    before, after, applied = fixed_lines(result)
    text = unified_diff(result.path, before, after)
    if text:
        with bar.paused():
            sink.write(text)
    return applied


def _show_settings(path: str, chosen: tuple, extend: tuple, fmt: str) -> None:
    from checker.checking.config import ConfigError
    from checker.checking.rule_packs import RulePackError
    from checker.settings_view import describe, render_text

    try:
        info = describe(path, *chosen, extend)
    except (ConfigError, RulePackError) as error:
        _fail(str(error))
    if fmt == "json":
        import json

        from checker.output.escape import for_unicode

        print(for_unicode(json.dumps(info, indent=2, ensure_ascii=False)))
    else:
        print(render_text(info))


def _rule_names(rules) -> dict[str, str]:
    from checker.api import PARSE_NAMES

    return {**PARSE_NAMES, **{rule.id: rule.name for rule in rules}}


def _text_console(sink):
    from rich.console import Console

    if sink.path:
        return Console(file=sink.stream, highlight=False, soft_wrap=False, color_system=None, width=100)
    return _console()


def _fix_or_report(path: str, chosen: tuple, extend: tuple, write_failures: list):
    """Fix one file; when its fixes are not written, say so and report it unfixed.
    A failed write (disk full...) is an error (exit 2); a refusal that keeps
    data safe (the file changed on disk...) is a warning."""
    from checker import api

    try:
        return api.fix_file(path, *chosen, extend)
    except api.FixNotWritten as error:
        if error.failed:
            write_failures.append(path)
            _error(error.message)
        else:
            _warn(error.message)
        return error.result, []


def _stream(fmt: str, console, sink, result) -> None:
    if fmt == "text":
        from checker.output.text import render_diagnostic

        for d in result.diagnostics:
            render_diagnostic(console, result, d)
    elif fmt == "github":
        from checker.output.formats import render_github

        text = render_github([result])
        if text:
            sink.line(text)
    elif fmt == "concise":
        from checker.output.formats import concise_line

        for d in result.diagnostics:
            sink.line(concise_line(result.path, d))


def _finish(fmt: str, console, sink, results, rules, level: str, quiet: bool, statistics: bool) -> None:
    from checker.output import formats
    from checker.output.statistics import as_json, as_lines, tally

    counts = tally(results, _rule_names(rules)) if statistics else None
    stats = as_json(counts) if counts is not None else None
    if counts is not None and fmt in ("text", "concise", "github"):
        if fmt == "text":
            from checker.output.text import render_statistics

            render_statistics(console, as_lines(counts))
        else:
            for line in as_lines(counts):
                sink.line(line)
        return
    if fmt == "text":
        if not quiet:
            from checker.output.text import render_summary

            render_summary(console, results)
    elif fmt == "concise":
        if not quiet:
            sink.line(formats.concise_summary(results))
    elif fmt == "json":
        sink.document(formats.render_json(results, stats))
    elif fmt == "sarif":
        from checker.output.sarif import render_sarif

        sink.document(render_sarif(results, rules, stats))
    elif fmt == "junit":
        from checker.output.junit import render_junit

        sink.document(render_junit(results, level, stats))


def _rules_used(results, chosen: tuple, extend: tuple) -> list:
    """The rules behind the results, from every configuration that applied."""
    from checker import api
    from checker.checking.engine import engine_for

    found = {}
    for path in dict.fromkeys(result.path for result in results):
        config = api.effective_config(
            path if path != "<stdin>" else "-", chosen[0], chosen[1], chosen[2], extend
        )
        for rule in engine_for(config).rules:
            found.setdefault(rule.id, rule)
    return list(found.values())


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Letters, folders, or - for stdin.")],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.rich,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of standard output. With --format html, a path not ending "
            "in .html is a folder: index.html, one page per letter and pack.html (all, to print).",
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(help="Configuration file (default: nearest .lettercheck.yaml or pyproject.toml)."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules (IDs, prefixes or categories).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules (IDs, prefixes or categories).")
    ] = None,
) -> None:
    """Print the structure of letters with their problems: metadata, visit
    timeline, inspectors, sections, the recommendation → findings map, and (in
    HTML) the letter annotated, ready to print for quality assurance."""
    from checker import api
    from checker.checking.config import ConfigError, config_for, load_config_file
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import RulePackError

    chosen = (config, tuple(select or ()), tuple(ignore or ()))
    try:
        base_config = load_config_file(config) if config else config_for(paths[0])
        engine_for(api.effective_config(paths[0], *chosen))  # a broken pack is reported before any file
        results = api.report_paths(paths, *chosen, include=base_config.include, exclude=base_config.exclude)
    except (ConfigError, RulePackError, api.SetupError) as error:
        _fail(str(error))
    try:
        _emit_report(output_format.value, results, output)
    except typer.Exit:
        raise
    except Exception as error:  # a bug while rendering: one clear line, never a traceback or a verdict
        _fail(f"internal error while writing the report: {type(error).__name__}: {error} (please report it)")
    for result in results:
        for d in result.diagnostics:
            if d.category == "parse":
                sys.stderr.write(f"{result.path}:{d.span.line}:{d.span.column}: {d.rule} {d.message}\n")
    if any(result.unreadable for result in results):
        raise typer.Exit(2)


def _emit_report(fmt: str, results, output: str | None) -> None:
    """Print the report, or write it to `output` (a folder for the HTML pack)."""
    if output and fmt == "html" and not output.lower().endswith((".html", ".htm")):
        import os

        from checker.output.html_report import INDEX, write_pack

        written = _write(output, lambda: write_pack(results, output))
        index = os.path.join(output, INDEX)
        sys.stderr.write(f"lettercheck: wrote {len(written)} files to {output}; start at {index}\n")
        return
    text = _report_text(fmt, results, to_file=bool(output))
    if output:
        from checker.output.files import write_atomic

        _write(output, lambda: write_atomic(output, text))
        sys.stderr.write(f"lettercheck: wrote {output}\n")
    elif text is not None:
        print(text)


def _report_text(fmt: str, results, to_file: bool) -> str | None:
    """The report as text; the rich view prints itself unless it goes to a file."""
    if fmt == "json":
        from checker.output.report import render_json

        return render_json(results)
    if fmt == "markdown":
        from checker.output.report import render_markdown

        return render_markdown(results)
    if fmt == "html":
        from checker.output.html_report import render_document

        return render_document(results)
    from checker.output.report import render_rich

    if not to_file:
        render_rich(results, _console())
        return None
    import io

    from rich.console import Console

    buffer = io.StringIO()
    render_rich(results, Console(file=buffer, width=120, color_system=None, highlight=False, soft_wrap=False))
    return buffer.getvalue()


def _write(output: str, write):
    """Run `write`; a file that cannot be written is a clear error (exit 2)."""
    try:
        return write()
    except OSError as error:
        _fail(f"{output}: cannot write the report: {error.strerror or error}")


class RulesFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Category(str, Enum):  # checker.diagnostics.CATEGORIES (a test keeps them equal)
    parse = "parse"
    structure = "structure"
    dates = "dates"
    inspectors = "inspectors"
    alignment = "alignment"
    consistency = "consistency"
    style = "style"
    draft = "draft"


def _configured_rules(config: str | None) -> list:
    """The core pack and the packs the configuration adds (`--config`, else the nearest one)."""
    from checker.checking.config import ConfigError, config_for, load_config_file
    from checker.checking.rule_packs import RulePackError, load_rules

    try:
        settings = load_config_file(config) if config else config_for(".")
        return load_rules(settings.rule_dirs, settings.param_overrides())
    except (ConfigError, RulePackError) as error:
        _fail(str(error))


_CONFIG_OPTION = typer.Option(
    "--config",
    metavar="FILE",
    help="Configuration whose rule packs to include [default: the nearest .lettercheck.yaml or pyproject.toml].",
)


@app.command(
    cls=Command, epilog="lettercheck rules --category dates\nlettercheck rules --format json > rules.json"
)
def rules(
    category: Annotated[
        Category | None, typer.Option(metavar="CATEGORY", help="Only this category.", show_choices=False)
    ] = None,
    severity: Annotated[Level | None, typer.Option(metavar="LEVEL", help="Only this severity.")] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or markdown.")
    ] = RulesFormat.table,
    config: Annotated[str | None, _CONFIG_OPTION] = None,
) -> None:
    """List every rule, with the configured rule packs: ID, name, category, severity, what it reports."""
    from checker.output.sink import tolerant_stdout

    tolerant_stdout()
    found = [
        r
        for r in _configured_rules(config)
        if (not category or r.category == category.value) and (not severity or r.severity == severity.value)
    ]
    fmt = output_format.value
    if fmt == "json":
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
                "help": r.help,
                "kind": r.kind,
                "origin": r.origin,
            }
            for r in found
        ]
        print(for_unicode(json.dumps(listing, indent=2, ensure_ascii=False)))
        return
    if fmt == "markdown":
        from checker.checking.rule_docs import rules_markdown

        print(rules_markdown(found))
        return
    from checker.output.escape import for_humans

    rows = [(r.id, r.name, r.category, r.severity, r.message) for r in found]
    rows = [tuple(for_humans(cell) for cell in row) for row in rows]
    if not sys.stdout.isatty():  # piped: whole lines, nothing padded or cut
        from checker.output.statistics import aligned

        print(aligned([("ID", "Name", "Category", "Severity", "Reports"), *rows]))
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(found)} rules", title_justify="left")
    for column in ("ID", "Name", "Category", "Severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("Reports", overflow="fold", ratio=1)  # wraps at word boundaries
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    _console().print(table)


@app.command(
    cls=Command,
    epilog="lettercheck explain DATE001\nlettercheck explain date-style\nlettercheck explain parse002",
)
def explain(
    rule_id: Annotated[
        str, typer.Argument(metavar="RULE", help="A rule ID or name, in any case: DATE001, date-style.")
    ],
    config: Annotated[str | None, _CONFIG_OPTION] = None,
) -> None:
    """Explain a rule: what it checks, why, how to fix it, with examples."""
    from checker.api import PARSE_NAMES
    from checker.checking.rule_docs import explain_parse, explain_rule
    from checker.output.escape import for_humans
    from checker.output.sink import tolerant_stdout

    tolerant_stdout()
    found = _configured_rules(config)
    wanted = rule_id.strip()
    parse = {**{name: rule for rule, name in PARSE_NAMES.items()}, **{rule: rule for rule in PARSE_NAMES}}
    rule = next((r for r in found if r.id == wanted.upper() or r.name == wanted.lower()), None)
    if rule is not None:
        text = explain_rule(rule)
    elif wanted.upper() in parse or wanted.lower() in parse:
        text = explain_parse(parse.get(wanted.upper()) or parse[wanted.lower()])
    else:
        import difflib

        candidates = [r.id for r in found] + [r.name for r in found] + list(PARSE_NAMES)
        close = difflib.get_close_matches(wanted.upper(), candidates, n=3) or difflib.get_close_matches(
            wanted.lower(), candidates, n=3
        )
        _fail(f"no rule {for_humans(wanted)!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))
    text = "\n".join(for_humans(line) for line in text.split("\n"))
    if not sys.stdout.isatty():  # piped: the markdown itself, as `ruff rule` prints it
        print(text)
        return
    from rich.markdown import Markdown

    _console().print(Markdown(text))


class SchemaName(str, Enum):
    rules = "rules"
    check_json = "check-json"


@app.command(
    cls=Command, epilog="lettercheck schema > lettercheck-rules.schema.json\nlettercheck schema check-json"
)
def schema(
    which: Annotated[
        SchemaName,
        typer.Argument(
            metavar="WHICH", help="rules (rule files, the default) or check-json (check --format json)."
        ),
    ] = SchemaName.rules,
) -> None:
    """Print a JSON Schema: of rule files (for editor autocompletion) or of `check --format json`."""
    if which is SchemaName.check_json:
        from pathlib import Path

        path = Path(__file__).resolve().parent / "schemas" / "check.schema.json"
    else:
        from checker.resources import resource_path

        path = resource_path("rules") / "schema.json"
    print(path.read_text(encoding="utf-8"), end="")


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"lettercheck {__version__}")
        return
    app()
