"""`lettercheck report`: each letter's structure with its problems, in the
chosen format, printed or written to a file (a folder for the HTML pack).
Exit code 2 when a file could not be read, else 0: a report is not a gate."""

from __future__ import annotations

import sys

from checker.api.settings import Selection, SetupError
from checker.cli.messages import fail, silence_stdout


def run_report(paths: list[str], fmt: str, output: str | None, selection: Selection) -> int:
    from checker import api
    from checker.checking.config import ConfigError

    try:
        config = selection.config_for(paths[0])
        selection.engine_for(paths[0])  # a broken pack is reported before any file
        results = api.report_paths(
            paths, selection.config, selection.select, selection.ignore, config.include, config.exclude
        )
    except (ConfigError, SetupError) as error:
        fail(str(error))
    try:
        _emit(fmt, results, output)
    except BrokenPipeError:  # the reader stopped reading (`| head`): not a failure of the report
        silence_stdout()
    except Exception as error:  # a bug while rendering: one clear line, never a traceback or a verdict
        fail(f"internal error while writing the report: {type(error).__name__}: {error} (please report it)")
    for result in results:
        for d in result.diagnostics:
            if d.category == "parse":
                sys.stderr.write(f"{result.path}:{d.location}: {d.rule} {d.message}\n")
    return 2 if any(result.unreadable for result in results) else 0


def _emit(fmt: str, results, output: str | None) -> None:
    """Print the report, or write it to `output` (a folder for the HTML pack)."""
    if output and fmt == "html" and not output.lower().endswith((".html", ".htm")):
        import os

        from checker.output.html_report import INDEX, write_pack
        from checker.output.pack_files import PackNotWritten

        try:
            written = _write(output, lambda: write_pack(results, output))
        except PackNotWritten as error:
            state = (
                f"{output} now holds only part of this report, and no index: write it again"
                if error.changed
                else f"nothing in {output} was changed"
            )
            fail(f"{error.path}: cannot write the report: {error.reason}; {state}")
        index = os.path.join(output, INDEX)
        sys.stderr.write(f"lettercheck: wrote {len(written)} files to {output}; start at {index}\n")
        return
    text = _as_text(fmt, results, to_file=bool(output))
    if output:
        from checker.atomic import write_text

        _write(output, lambda: write_text(output, text))
        sys.stderr.write(f"lettercheck: wrote {output}\n")
    elif text is not None:
        print(text)


def _as_text(fmt: str, results, to_file: bool) -> str | None:
    """The report as text; the rich view prints itself unless it goes to a file."""
    if fmt == "json":
        from checker.output.report import render_report_json

        return render_report_json(results)
    if fmt == "markdown":
        from checker.output.report import render_markdown

        return render_markdown(results)
    if fmt == "html":
        from checker.output.html_report import render_document

        return render_document(results)
    from checker.output.report import render_rich

    if not to_file:
        from checker.cli.messages import console

        render_rich(results, console())
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
        fail(f"{output}: cannot write the report: {error.strerror or error}")
