"""Plain formats for `check`: concise, JSON (the SPEC contract), GitHub annotations.

Human lines escape control characters (a newline in a file name cannot forge
a second line); JSON is always valid UTF-8 (see checker.output.escape).
"""

from __future__ import annotations

import json

from checker.diagnostics import SEVERITIES
from checker.output import summary
from checker.output.escape import for_humans, for_unicode


def concise_line(path: str, d) -> str:
    """`path:line:col: RULE [severity] message` (`path:page 2:14:5: ...` in a
    PDF, `path:paragraph 12:40: ...` in a Word file)."""
    return f"{for_humans(path)}:{d.location}: {for_humans(d.rule)} [{d.severity}] {for_humans(d.message)}"


def concise_summary(results) -> str:
    counts = summary(results)

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    found = ", ".join(count(counts[f"{level}s"], level) for level in SEVERITIES)
    return f"Found {found} in {count(counts['files'], 'file')}."


def render_check_json(results, statistics: dict | None = None) -> str:
    """The `--format json` document; its JSON Schema ships as checker/schemas/check.schema.json."""
    files = [
        {"path": r.path, "letter_type": r.letter_type, "diagnostics": [d.to_dict() for d in r.diagnostics]}
        for r in results
    ]
    counts = summary(results)
    counts["fixable"] = sum(1 for r in results if r.rewritable for d in r.diagnostics if d.fix is not None)
    document = {"version": 1, "files": files, "summary": counts}
    if statistics is not None:
        document["statistics"] = statistics
    return for_unicode(json.dumps(document, indent=2, ensure_ascii=False))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _repository_path(path: str) -> str:
    """A path as GitHub matches annotations to files: relative to the checkout
    (the folder lettercheck runs in), with no `./` ("./letters/x.md" from
    walking "." would be attached to no file)."""
    import os

    if path == "<stdin>":
        return path
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive
            return path
        return path if relative.startswith("..") else relative
    return os.path.normpath(path)


def _visible(text: str) -> str:
    """Controls made visible, except the line breaks GitHub's own escapes carry."""
    return "\n".join(for_humans(part) for part in text.replace("\r\n", "\n").split("\n"))


def render_github(results) -> str:
    """GitHub Actions workflow commands: annotations on the pull request."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for result in results:
        for d in result.diagnostics:
            where = d.file_span
            props = (
                f"file={_escape_property(_visible(_repository_path(result.path)))},"
                f"line={where.line},col={where.column},"
                f"endLine={where.end_line},endColumn={where.end_column},"
                f"title={_escape_property(_visible(d.rule))}"
            )
            # GitHub shows no page of a PDF: the message says where it is.
            message = d.message if d.place is None else f"{d.location_words}: {d.message}"
            lines.append(f"::{level[d.severity]} {props}::{_escape_data(_visible(message))}")
    return "\n".join(lines)
