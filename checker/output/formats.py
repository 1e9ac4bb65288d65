"""Plain machine formats for `check`: concise, JSON (the SPEC contract), GitHub."""

from __future__ import annotations

import json

from checker.output import summary


def concise_line(path: str, d) -> str:
    return f"{path}:{d.span.line}:{d.span.column}: {d.rule} [{d.severity}] {d.message}"


def concise_summary(results) -> str:
    counts = summary(results)
    return (
        f"Found {counts['errors']} errors, {counts['warnings']} warnings, {counts['infos']} infos "
        f"in {counts['files']} files."
    )


def render_json(results) -> str:
    files = [
        {"path": r.path, "letter_type": r.letter_type, "diagnostics": [d.to_dict() for d in r.diagnostics]}
        for r in results
    ]
    return json.dumps(
        {"version": 1, "files": files, "summary": summary(results)}, indent=2, ensure_ascii=False
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results) -> str:
    """GitHub Actions workflow commands: annotations on the pull request."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for result in results:
        for d in result.diagnostics:
            props = (
                f"file={_escape_property(result.path)},line={d.span.line},col={d.span.column},"
                f"endLine={d.span.end_line},endColumn={d.span.end_column},title={_escape_property(d.rule)}"
            )
            lines.append(f"::{level[d.severity]} {props}::{_escape_data(d.message)}")
    return "\n".join(lines)
