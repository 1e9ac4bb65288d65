"""The commands and their options (typer): each parses its options and calls
the module that does its work (checker.cli.check_command, .report_command, .rules_command)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from checker.cli.help import Command, Group
from checker.diagnostics import CATEGORIES, SEVERITIES

ROOT_EXAMPLES = """
lettercheck check draft.md             # lint a draft
lettercheck check letters/ -f github   # annotate a pull request
lettercheck report letter.md           # the letter's structure
lettercheck explain DATE001            # what a rule checks and why
"""

CheckFormat = Enum(
    "CheckFormat", {name: name for name in ("text", "concise", "json", "sarif", "github", "junit")}, type=str
)
ReportFormat = Enum("ReportFormat", {name: name for name in ("rich", "json", "markdown", "html")}, type=str)
RulesFormat = Enum("RulesFormat", {name: name for name in ("table", "json", "markdown")}, type=str)
Level = Enum("Level", {name: name for name in SEVERITIES}, type=str)
Category = Enum("Category", {name: name for name in CATEGORIES}, type=str)


class SchemaName(str, Enum):
    rules = "rules"
    check_json = "check-json"
    config = "config"
    letter_types = "letter-types"


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
        from checker import __version__

        print(f"lettercheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """lettercheck: lint inspection letters, print structural reports, explain rules."""


def _option(*names: str, help: str, panel: str | None = None, metavar: str | None = None, **more):
    """An option with its help, its group in `--help` and a plain metavar."""
    return typer.Option(*names, help=help, rich_help_panel=panel, metavar=metavar, **more)


_OUTPUT, _RULES, _FIXES, _CONFIG = "Output", "Rule selection", "Fixes", "Configuration and baseline"
_DEFAULT_CONFIG = "[default: the nearest .lettercheck.yaml or pyproject.toml]"

PATHS = typer.Argument(
    metavar="PATH", help="Letters (.md, .txt, .pdf, .docx), folders to walk, or - for standard input."
)
FORMAT = _option(
    "--format", "-f", metavar="FORMAT", panel=_OUTPUT, help="text, concise, json, sarif, github or junit."
)
OUTPUT_FILE = _option(
    "--output-file", "-o", metavar="FILE", panel=_OUTPUT,
    help="Write the output to FILE (whole, when the run ends) instead of standard output.",
)  # fmt: skip
STATISTICS = _option(
    "--statistics",
    panel=_OUTPUT,
    help="Count problems per rule; with text or concise, print only that table.",
)
QUIET = _option(
    "--quiet", "-q", panel=_OUTPUT, help="Print the problems and nothing else (no summary or progress)."
)
PROGRESS = _option(
    "--progress/--no-progress", panel=_OUTPUT,
    help="Progress on standard error [default: on a terminal, with the text format].",
)  # fmt: skip
SELECT = _option(
    "--select", metavar="RULES", panel=_RULES,
    help="Only these rules: IDs, names, ID prefixes (DATE) or categories (style), comma-separated.",
)  # fmt: skip
EXTEND_SELECT = _option(
    "--extend-select", metavar="RULES", panel=_RULES, help="Add these rules to the selection."
)
IGNORE = _option("--ignore", metavar="RULES", panel=_RULES, help="Skip these rules (as --select).")
FAIL_ON = _option(
    "--fail-on", metavar="LEVEL", panel=_RULES,
    help="Exit 1 on problems at or above error, warning or info [default: error, or fail_on in config].",
)  # fmt: skip
EXIT_ZERO = _option(
    "--exit-zero", panel=_RULES,
    help="Exit 0 even when problems are found (2 still means input or setup failed).",
)  # fmt: skip
FIX = _option("--fix", panel=_FIXES, help="Apply the fixes rules offer (files are rewritten), then report.")
DIFF = _option(
    "--diff", panel=_FIXES,
    help="Show what --fix would change as a unified diff, write nothing; exit 1 if anything would change.",
)  # fmt: skip
SHOW_FIXES = _option(
    "--show-fixes", panel=_FIXES, help="With --fix or --diff, list the problems fixed per file and rule."
)
CONFIG = _option("--config", metavar="FILE", panel=_CONFIG, help=f"Configuration file {_DEFAULT_CONFIG}.")
SHOW_SETTINGS = _option(
    "--show-settings", metavar="FILE", panel=_CONFIG,
    help="Show the configuration, rule packs and rules that apply to FILE, then exit.",
)  # fmt: skip
STDIN_FILENAME = _option(
    "--stdin-filename", metavar="NAME", panel=_CONFIG,
    help="Report standard input as NAME, with the configuration that applies to NAME.",
)  # fmt: skip
BASELINE = _option(
    "--baseline", metavar="FILE", panel=_CONFIG, help="Report only problems beyond this baseline."
)
WRITE_BASELINE = _option(
    "--write-baseline", metavar="FILE", panel=_CONFIG,
    help="Record the problems found as a baseline (exit 0 once written).",
)  # fmt: skip
FORCE_EXCLUDE = _option(
    "--force-exclude", panel=_CONFIG,
    help="Skip files named on the command line that a folder walk would skip (the "
    "configuration's exclude, a README); for pre-commit hooks, which name every changed file.",
)  # fmt: skip
JOBS = _option(
    "--jobs", "-j", metavar="N", panel=_CONFIG, min=0, show_default=False,
    help="Worker processes; 0 (the default) is one per core. Never more than one per file, nor four per core.",
)  # fmt: skip

CHECK_EXAMPLES = """
lettercheck check draft.md
lettercheck check letters/ --format github
lettercheck check letters/ --select DATE,STR --ignore date-style
lettercheck check draft.md --diff            # what --fix would change
cat draft.md | lettercheck check - --stdin-filename letters/draft.md
lettercheck check letters/ --format sarif --output-file lettercheck.sarif
"""


@app.command(
    cls=Command, epilog=CHECK_EXAMPLES, short_help="Check letters against the rules and report problems."
)
def check(
    paths: Annotated[list[str] | None, PATHS] = None,
    output_format: Annotated[CheckFormat, FORMAT] = CheckFormat.text,
    output_file: Annotated[str | None, OUTPUT_FILE] = None,
    statistics: Annotated[bool, STATISTICS] = False,
    quiet: Annotated[bool, QUIET] = False,
    progress: Annotated[bool | None, PROGRESS] = None,
    select: Annotated[list[str] | None, SELECT] = None,
    extend_select: Annotated[list[str] | None, EXTEND_SELECT] = None,
    ignore: Annotated[list[str] | None, IGNORE] = None,
    fail_on: Annotated[Level | None, FAIL_ON] = None,
    exit_zero: Annotated[bool, EXIT_ZERO] = False,
    fix: Annotated[bool, FIX] = False,
    diff: Annotated[bool, DIFF] = False,
    show_fixes: Annotated[bool, SHOW_FIXES] = False,
    config: Annotated[str | None, CONFIG] = None,
    show_settings: Annotated[str | None, SHOW_SETTINGS] = None,
    stdin_filename: Annotated[str | None, STDIN_FILENAME] = None,
    baseline: Annotated[str | None, BASELINE] = None,
    write_baseline: Annotated[str | None, WRITE_BASELINE] = None,
    jobs: Annotated[int, JOBS] = 0,
    force_exclude: Annotated[bool, FORCE_EXCLUDE] = False,
) -> None:
    """Check letters against the rules and report problems.

    Exit codes: 0 nothing at or above the fail level, 1 problems at or above
    it, 2 unreadable input, a bad option, configuration or rule pack.
    """
    options = dict(locals())  # the options as typed, before anything else is named here
    from checker.cli.check_command import CheckOptions, run_check

    raise SystemExit(run_check(CheckOptions(**options)))


REPORT_OUTPUT = _option(
    "--output", "-o", metavar="PATH",
    help="Write to this file instead of standard output. With --format html, a path not ending "
    "in .html is a folder: index.html, one page per letter and pack.html (all, to print).",
)  # fmt: skip
REPORT_EXAMPLES = """
lettercheck report letter.md
lettercheck report letters/ --format html -o qa/
lettercheck report letter.md --format json
"""


@app.command(
    cls=Command,
    epilog=REPORT_EXAMPLES,
    short_help="Print the structure of letters with their problems (QA reports).",
)
def report(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Letters, folders, or - for stdin.")],
    output_format: Annotated[
        ReportFormat, _option("--format", "-f", metavar="FORMAT", help="rich, json, markdown or html.")
    ] = ReportFormat.rich,
    output: Annotated[str | None, REPORT_OUTPUT] = None,
    config: Annotated[
        str | None, _option("--config", metavar="FILE", help=f"Configuration file {_DEFAULT_CONFIG}.")
    ] = None,
    select: Annotated[
        list[str] | None, _option("--select", metavar="RULES", help="Only these rules (as check --select).")
    ] = None,
    ignore: Annotated[
        list[str] | None, _option("--ignore", metavar="RULES", help="Skip these rules (as check --ignore).")
    ] = None,
) -> None:
    """Print the structure of letters with their problems: metadata, visit
    timeline, inspectors, sections, the recommendation → findings map, and (in
    HTML) the letter annotated, ready to print for quality assurance."""
    from checker.api.settings import Selection
    from checker.checking.selectors import split_list
    from checker.cli.report_command import run_report

    selection = Selection.of(config, split_list(select), split_list(ignore))
    raise SystemExit(run_report(paths, output_format.value, output, selection))


def _one_of(names: tuple[str, ...]) -> str:
    """'a, b or c': the values an option takes, for its help."""
    return ", ".join(names[:-1]) + " or " + names[-1]


RULES_CONFIG = _option(
    "--config", metavar="FILE", help=f"Configuration whose rule packs to include {_DEFAULT_CONFIG}."
)


@app.command(
    cls=Command,
    epilog="lettercheck rules --category dates\nlettercheck rules --format json > rules.json",
    short_help="List the rules: ID, name, category, severity, what each reports.",
)
def rules(
    category: Annotated[
        Category | None, typer.Option(metavar="CATEGORY", help=f"Only this category: {_one_of(CATEGORIES)}.")
    ] = None,
    severity: Annotated[
        Level | None, typer.Option(metavar="LEVEL", help=f"Only this severity: {_one_of(SEVERITIES)}.")
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or markdown.")
    ] = RulesFormat.table,
    config: Annotated[str | None, RULES_CONFIG] = None,
) -> None:
    """List every rule, with the configured rule packs: ID, name, category, severity, what it reports."""
    from checker.cli.rules_command import run_rules

    run_rules(category and category.value, severity and severity.value, output_format.value, config)


@app.command(
    cls=Command,
    epilog="lettercheck explain DATE001\nlettercheck explain date-style\nlettercheck explain parse002",
    short_help="Explain a rule: what it checks, why, how to fix it, with examples.",
)
def explain(
    rule_id: Annotated[
        str, typer.Argument(metavar="RULE", help="A rule ID or name, in any case: DATE001, date-style.")
    ],
    config: Annotated[str | None, RULES_CONFIG] = None,
) -> None:
    """Explain a rule: what it checks, why, how to fix it, with examples."""
    from checker.cli.rules_command import run_explain

    run_explain(rule_id, config)


@app.command(
    cls=Command,
    epilog="lettercheck schema > lettercheck-rules.schema.json\nlettercheck schema check-json\n"
    "lettercheck schema config > .lettercheck.schema.json\n"
    "lettercheck schema letter-types > letter_types.schema.json",
    short_help="Print a JSON Schema (rules, check-json, config or letter-types).",
)
def schema(
    which: Annotated[
        SchemaName,
        typer.Argument(
            metavar="WHICH",
            help="rules (rule files, the default), check-json (check --format json), config "
            "(.lettercheck.yaml and [tool.lettercheck]) or letter-types (letter_types.yaml).",
        ),
    ] = SchemaName.rules,
) -> None:
    """Print a JSON Schema (for editor completion): of rule files, of `check --format json`, of the
    configuration or of letter types files."""
    from checker.cli.rules_command import run_schema

    run_schema(which.value)


@app.command(
    cls=Command,
    epilog="lettercheck init\nlettercheck init --pyproject\nlettercheck init letters/",
    short_help="Write a commented .lettercheck.yaml (or [tool.lettercheck]).",
)
def init(
    folder: Annotated[str, typer.Argument(metavar="FOLDER", help="Where to write it [default: here].")] = ".",
    pyproject: Annotated[
        bool,
        typer.Option("--pyproject", help="Add [tool.lettercheck] to the folder's pyproject.toml instead."),
    ] = False,
) -> None:
    """Write a commented .lettercheck.yaml (or [tool.lettercheck] in pyproject.toml); never overwrites."""
    from checker.cli.init_command import run_init

    run_init(folder, pyproject)


@app.command(
    cls=Command,
    epilog="lettercheck lsp\nlettercheck lsp --config letters/.lettercheck.yaml",
    short_help="Run the language server for editors (LSP over standard I/O).",
)
def lsp(
    config: Annotated[
        str | None,
        typer.Option(
            metavar="FILE", help="Use this configuration for every letter [default: the nearest one to each]."
        ),
    ] = None,
    debounce: Annotated[
        int, typer.Option(metavar="MS", min=0, max=1000, help="Check once typing pauses this long.")
    ] = 100,
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Talk over standard input and output (the only way).")
    ] = False,
) -> None:
    """Run the language server for editors (LSP over standard input and output)."""
    import os

    from checker.cli.messages import fail

    if config is not None and not os.path.isfile(config):
        fail(f"{config}: no such configuration file")
    from checker.lsp.server import serve

    serve(config, debounce / 1000)
