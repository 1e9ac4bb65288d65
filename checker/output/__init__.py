"""Renderers for diagnostics and reports: data in, text out."""

from __future__ import annotations


def summary(results) -> dict:
    counts = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0}
    for result in results:
        for d in result.diagnostics:
            counts[{"error": "errors", "warning": "warnings", "info": "infos"}[d.severity]] += 1
    return counts
