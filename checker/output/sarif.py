"""SARIF 2.1.0 for code-scanning upload.

Columns are counted in Unicode code points (letters are full of curly quotes),
which the run declares with `columnKind`.
"""

from __future__ import annotations

import json

from checker import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(results, rules) -> str:
    used = sorted({d.rule for r in results for d in r.diagnostics})
    by_id = {rule.id: rule for rule in rules}
    descriptors = []
    for rule_id in used:
        rule = by_id.get(rule_id)
        descriptor = {"id": rule_id}
        if rule is not None:
            descriptor.update(
                {
                    "name": rule.name,
                    "shortDescription": {"text": rule.message},
                    "fullDescription": {"text": rule.why or rule.help},
                    "help": {"text": rule.help},
                    "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                    "properties": {"category": rule.category},
                }
            )
        descriptors.append(descriptor)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    sarif_results = []
    for result in results:
        for d in result.diagnostics:
            item = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": result.path.replace("\\", "/")},
                            "region": {
                                "startLine": d.span.line,
                                "startColumn": d.span.column,
                                "endLine": d.span.end_line,
                                "endColumn": d.span.end_column,
                            },
                        }
                    }
                ],
            }
            if d.fix is not None:
                item["fixes"] = [
                    {
                        "description": {"text": d.fix.description},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": result.path.replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": d.span.line,
                                            "startColumn": d.span.column,
                                            "endLine": d.span.end_line,
                                            "endColumn": d.span.end_column,
                                        },
                                        "insertedContent": {"text": d.fix.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(item)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lettercheck",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
