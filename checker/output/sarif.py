"""SARIF 2.1.0 for code-scanning upload, valid against the official schema.

Columns are counted in Unicode code points (letters are full of curly quotes),
which the run declares with `columnKind`. File names become URI references
(percent-encoded from the file name's bytes, so a space, `%`, `,` or `:`, or
a byte that is not UTF-8, still names the file exactly); relative ones are
resolved against `%SRCROOT%`, the folder lettercheck ran in.
"""

from __future__ import annotations

import json
import os
import string
from pathlib import Path, PurePath
from urllib.parse import quote_from_bytes

from checker import __version__
from checker.output.escape import for_unicode

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
STDIN_URI = "stdin"  # a relative reference no file in the repository is likely to have


def _fs_bytes(path: str) -> bytes:
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no file system produced
        return path.encode("utf-8", "replace")


def artifact_location(path: str) -> dict:
    """An `artifactLocation` naming `path` by a valid URI reference."""
    if path == "<stdin>":
        return {"uri": STDIN_URI, "description": {"text": "standard input"}}
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            return {"uri": pure.as_uri()}  # file:///..., percent-encoded from the name's bytes
        except (ValueError, UnicodeEncodeError):  # pragma: no cover - a surrogate no file system made
            return {"uri": "file://" + quote_from_bytes(_fs_bytes(pure.as_posix()), safe="/")}
    relative = PurePath(os.path.normpath(path)).as_posix()
    return {"uri": quote_from_bytes(_fs_bytes(relative), safe="/"), "uriBaseId": SRCROOT}


def generic_text(template: str) -> str:
    """A message template with each `{placeholder}` shown as an ellipsis."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            parts.append(literal)
        if field is not None and parts[-1:] != ["…"]:
            parts.append("…")  # adjacent placeholders ("{right}{year_hint}") read as one
    return "".join(parts)


def _rule_descriptor(rule) -> dict:
    from checker.checking.rule_docs import explain_rule

    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or generic_text(rule.message)},
        "fullDescription": {"text": generic_text(rule.why or rule.help)},
        "help": {"text": generic_text(rule.help), "markdown": explain_rule(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _region(span) -> dict:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _document_region(d) -> dict:
    """The region of a problem in its file: in a PDF the lines are counted on
    the page (the region's `page` and `endPage` properties); in a Word file
    the line is the paragraph (`paragraph`, `part`)."""
    region = _region(d.file_span)
    fields = d.place_fields()
    if fields:
        region["properties"] = {
            "endPage" if key == "end_page" else key: value for key, value in fields.items()
        }
    return region


def render_sarif(results, rules, statistics: dict | None = None) -> str:
    """The SARIF document; `rules` describe every rule the results name
    (the PARSE rules too)."""
    used = sorted({d.rule for r in results for d in r.diagnostics})
    by_id = {rule.id: rule for rule in rules}
    # every diagnostic comes from a loaded rule; an unknown one still gets its ID
    descriptors = [
        _rule_descriptor(by_id[rule_id]) if rule_id in by_id else {"id": rule_id} for rule_id in used
    ]
    index = {rule_id: i for i, rule_id in enumerate(used)}
    sarif_results = []
    for result in results:
        location = artifact_location(result.path)
        sarif_results += [_result(d, index[d.rule], location) for d in result.diagnostics]
    run = {
        "tool": {"driver": {"name": "lettercheck", "version": __version__, "rules": descriptors}},
        "invocations": [
            {"executionSuccessful": not any(d.rule == "PARSE004" for r in results for d in r.diagnostics)}
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if statistics is not None:
        run["properties"] = {"statistics": statistics}
    document = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return for_unicode(json.dumps(document, indent=2, ensure_ascii=False))


def _result(d, rule_index: int, location: dict) -> dict:
    """One problem as a SARIF result, with its fix where the rule offers one."""
    item = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _document_region(d)}}],
    }
    if d.fix is not None and d.place is None:  # a PDF or Word file is never rewritten
        replacement = {"deletedRegion": _region(d.span), "insertedContent": {"text": d.fix.replacement}}
        change = {"artifactLocation": location, "replacements": [replacement]}
        item["fixes"] = [{"description": {"text": d.fix.description}, "artifactChanges": [change]}]
    return item
