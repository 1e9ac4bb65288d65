"""`lettercheck check`: what the command does with its options.

Files are checked (or fixed) one after another; the streaming formats
(text, concise, github) print each file's problems as soon as it is checked,
the machine formats are written whole when the run ends. Only the
diagnostics of a checked file are kept, so memory stays flat. The exit code
is a verdict (0, 1) only when every file was checked.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from checker.api.settings import Selection, SetupError
from checker.checking.selectors import split_list
from checker.cli.messages import error, fail, note, plural, warn

STREAMING = ("text", "concise", "github")


@dataclass(slots=True)
class CheckOptions:
    """The command line of `check`, as typed (see checker.cli.commands)."""

    paths: list[str] | None = None
    output_format: str = "text"
    output_file: str | None = None
    statistics: bool = False
    quiet: bool = False
    progress: bool | None = None
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    fix: bool = False
    diff: bool = False
    show_fixes: bool = False
    config: str | None = None
    show_settings: str | None = None
    stdin_filename: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int = 0
    force_exclude: bool = False
    selection: Selection = field(init=False)

    def __post_init__(self) -> None:
        self.output_format = getattr(self.output_format, "value", self.output_format)
        self.fail_on = getattr(self.fail_on, "value", self.fail_on)
        self.selection = Selection.of(
            self.config, split_list(self.select), split_list(self.ignore), split_list(self.extend_select)
        )

    @property
    def rewrites(self) -> bool:
        """--fix, and not only to show the diff."""
        return self.fix and not self.diff


def run_check(options: CheckOptions) -> int:
    """Run `check`; return its exit code."""
    from checker.output.sink import tolerant_stdout

    tolerant_stdout()
    if options.show_settings is not None:
        from checker.cli.show_settings import show_settings

        show_settings(options.show_settings, options.selection, options.output_format)
        return 0
    paths = list(options.paths or ())
    if options.stdin_filename and not paths:
        paths = ["-"]
    elif options.stdin_filename and "-" not in paths:
        warn("--stdin-filename is ignored: it names standard input, which is checked only with - or no path")
    if not paths:
        fail("no letters to check: name files or folders, or - for standard input (see --help)")
    return CheckRun(options, paths).run()


class CheckRun:
    """One run of `check`: set up (configuration, rules, baseline, files),
    then each file checked and shown, then the summary and the exit code."""

    def __init__(self, options: CheckOptions, paths: list[str]) -> None:
        from checker.api.paths import iter_paths
        from checker.checking import baseline as baselines
        from checker.output.sink import Sink

        self.options = options
        self.format = options.output_format
        first = options.stdin_filename if paths[0] == "-" and options.stdin_filename else paths[0]
        config = self._setup(first)
        self.level = options.fail_on or config.fail_on
        try:
            self.baseline = baselines.load(options.baseline) if options.baseline else None
            if options.write_baseline:
                baselines.check_writable(options.write_baseline)
        except baselines.BaselineError as problem:
            fail(str(problem))
        self.files = list(
            iter_paths(paths, config.include, config.exclude, config.root, options.force_exclude)
        )
        if not self.files:
            warn(_nothing_found(paths, config.include, options.force_exclude))
        if options.rewrites and "-" in self.files:
            fail("--fix cannot rewrite standard input (--diff shows the changes instead)")
        self.sink = Sink(options.output_file)
        self.console = _text_console(self.sink) if self.format == "text" else None
        self.results: list = []
        self.fixed: list = []  # (path, problems fixed)
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.write_failures: list[str] = []  # files whose fixed text could not be written

    def _setup(self, first: str):
        """The configuration of the first file; its rules are built now, so
        that a broken pack or an unknown selector is reported even with no file."""
        from checker.checking.config import ConfigError

        try:
            config = self.options.selection.config_for(first)
            self.options.selection.engine_for(first)
        except (ConfigError, SetupError) as problem:
            fail(str(problem))
        return config

    def run(self) -> int:
        from checker.output.progress import progress_for

        bar = progress_for(len(self.files), self.options.progress, self._progress_by_default())
        try:
            for result, fixed_here in self._outcomes():
                self._take(result, fixed_here, bar)
                bar.advance(sum(self.counts.values()))
        except SetupError as problem:
            bar.close()
            fail(str(problem))
        bar.close()
        return self._finish()

    def _progress_by_default(self) -> bool:
        options = self.options
        interactive = sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("CI")
        return interactive and self.format == "text" and not options.quiet and not options.output_file

    def _outcomes(self):
        """(result, problems fixed) for each file, in order."""
        from checker import api

        options = self.options
        if options.rewrites:
            return (self._fix_or_report(path) for path in self.files)
        selection = options.selection
        checked = api.check_paths(
            self.files,
            selection.config,
            selection.select,
            selection.ignore,
            jobs=options.jobs if options.jobs > 0 else (os.cpu_count() or 1),
            keep_lines=self.format == "text" or options.diff,
            extend_select=selection.extend_select,
            stdin_name=options.stdin_filename,
        )
        return ((result, []) for result in checked)

    def _fix_or_report(self, path: str):
        """Fix one file; when its fixes are not written, say so and report it
        unfixed. A failed write (disk full...) is an error (exit 2); a refusal
        that keeps data safe (the file changed on disk...) is a warning."""
        from checker import api

        selection = self.options.selection
        try:
            return api.fix_file(
                path, selection.config, selection.select, selection.ignore, selection.extend_select
            )
        except api.FixNotWritten as refused:
            if refused.failed:
                self.write_failures.append(path)
                error(refused.message)
            else:
                warn(refused.message)
            return refused.result, []

    def _take(self, result, fixed_here: list, bar) -> None:
        """Show one file's outcome as it comes, and keep only its diagnostics."""
        if self.options.diff:
            fixed_here = self._show_diff(result, bar)
        if fixed_here:
            self.fixed.append((result.path, fixed_here))
        if self.baseline is not None:
            result.diagnostics = self.baseline.filter(result.path, result.diagnostics)
        for d in result.diagnostics:
            self.counts[d.severity] += 1
        if self._streaming:
            with bar.paused():
                _stream(self.format, self.console, self.sink, result)
        result.keep_only_diagnostics()  # memory stays flat: only the diagnostics remain
        self.results.append(result)

    @property
    def _streaming(self) -> bool:
        only_statistics = self.options.statistics and self.format in ("text", "concise")
        return self.format in STREAMING and not self.options.diff and not only_statistics

    def _show_diff(self, result, bar) -> list:
        """Print what --fix would change in one file; return the problems it mends."""
        from checker.output.diff import fixed_lines, unified_diff

        if not result.rewritable:  # a PDF or Word file: no diff, but say why
            if any(d.fix for d in result.diagnostics):
                from checker.api.fixing import not_rewritten

                with bar.paused():
                    warn(not_rewritten(result.path, result))
            return []
        before, after, applied = fixed_lines(result)
        text = unified_diff(result.path, before, after)
        if text:
            with bar.paused():
                self.sink.write(text)
        return applied

    def _finish(self) -> int:
        """The summary or the document, the baseline, the notes; the exit code."""
        from checker.checking import baseline as baselines
        from checker.output.sink import OutputError

        options = self.options
        rules = (
            _rules_used(self.results, options.selection)
            if options.statistics or self.format == "sarif"
            else []
        )
        if not options.diff:
            _document(self.format, self.console, self.sink, self.results, rules, self.level, options)
        try:
            self.sink.close()
            if options.write_baseline:
                baselines.write(options.write_baseline, self.results)
        except (OutputError, baselines.BaselineError) as problem:
            fail(str(problem))
        _report_fixes(self.fixed, options)
        if options.write_baseline:
            found = plural(sum(self.counts.values()), "problem")
            note(f"baseline written to {options.write_baseline} ({found})", options.quiet)
        return self._exit_code()

    def _exit_code(self) -> int:
        """2 when input could not be checked or fixes could not be written
        (never a verdict); with --diff, 1 when something would change; else
        1 for problems at the fail level (0 with --exit-zero or --write-baseline)."""
        from checker.diagnostics import SEVERITY_RANK

        options = self.options
        if self.write_failures or any(result.incomplete for result in self.results):
            return 2
        if options.diff:
            return 1 if self.fixed else 0
        if options.write_baseline or options.exit_zero:
            return 0
        worst = max((SEVERITY_RANK[s] for s, n in self.counts.items() if n), default=0)
        return 1 if worst >= SEVERITY_RANK[self.level] else 0


def _text_console(sink):
    from rich.console import Console

    if sink.path:
        return Console(file=sink.stream, highlight=False, soft_wrap=False, color_system=None, width=100)
    from checker.cli.messages import console

    return console()


def _stream(fmt: str, console, sink, result) -> None:
    """One file's problems, in a streaming format."""
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


def _document(fmt: str, console, sink, results, rules, level: str, options: CheckOptions) -> None:
    """What ends the output: the statistics, the summary, or the whole document."""
    from checker.output.statistics import as_json, tally

    counts = tally(results, {rule.id: rule.name for rule in rules}) if options.statistics else None
    if counts is not None and fmt in STREAMING:
        _statistics(fmt, console, sink, counts)
        return
    stats = as_json(counts) if counts is not None else None
    if fmt == "text" and not options.quiet:
        from checker.output.text import render_summary

        render_summary(console, results)
    elif fmt == "concise" and not options.quiet:
        from checker.output.formats import concise_summary

        sink.line(concise_summary(results))
    elif fmt == "json":
        from checker.output.formats import render_check_json

        sink.document(render_check_json(results, stats))
    elif fmt == "sarif":
        from checker.output.sarif import render_sarif

        sink.document(render_sarif(results, rules, stats))
    elif fmt == "junit":
        from checker.output.junit import render_junit

        sink.document(render_junit(results, level, stats))


def _statistics(fmt: str, console, sink, counts) -> None:
    from checker.output.statistics import as_lines

    if fmt == "text":
        from checker.output.text import render_statistics

        render_statistics(console, as_lines(counts))
    else:
        for line in as_lines(counts):
            sink.line(line)


def _rules_used(results, selection: Selection) -> list:
    """The rules behind the results, from every configuration that applied,
    with the PARSE rules (reading reports those whatever is selected)."""
    found = {}
    for path in dict.fromkeys(result.path for result in results):
        engine = selection.engine_for(path if path != "<stdin>" else "-")
        for rule in engine.rules:
            found.setdefault(rule.id, rule)
        for rule in engine.all_rules:
            if rule.category == "parse":
                found.setdefault(rule.id, rule)
    return list(found.values())


def _report_fixes(fixed: list, options: CheckOptions) -> None:
    """What --fix mended (or --diff would): a count, and with --show-fixes the list."""
    problems = sum(len(found) for _, found in fixed)
    if options.diff:
        note(f"would fix {plural(problems, 'problem')} in {plural(len(fixed), 'file')}", options.quiet)
    elif options.fix:
        note(f"fixed {plural(problems, 'problem')}", options.quiet)
    if options.show_fixes and (options.fix or options.diff):
        sys.stderr.write(fixes_summary(fixed, would=options.diff))


def fixes_summary(fixed, would: bool = False) -> str:
    """`--show-fixes`: the problems fixed, per file and rule (as ruff lists them)."""
    total = sum(len(found) for _, found in fixed)
    if not total:
        return f"{'Would fix' if would else 'Fixed'} no problems.\n"
    from checker.output.escape import for_humans

    lines = [f"{'Would fix' if would else 'Fixed'} {plural(total, 'problem')}:"]
    for path, found in fixed:
        lines.append(f"- {for_humans(path)}:")
        per_rule: dict[str, int] = {}
        for d in found:
            per_rule[d.rule] = per_rule.get(d.rule, 0) + 1
        lines.extend(f"    {count} × {for_humans(rule)}" for rule, count in sorted(per_rule.items()))
    return "\n".join(lines) + "\n"


def _nothing_found(paths: list[str], include: tuple[str, ...], force_exclude: bool) -> str:
    if force_exclude and not any(os.path.isdir(path) for path in paths):
        return "nothing to check: every file named is excluded (--force-exclude)"
    return f"no letters ({', '.join(include)}) found in {', '.join(paths)}"
