"""A diagnostic: one problem found in one file, at one exact position."""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import Span

CATEGORIES = ("parse", "structure", "dates", "inspectors", "alignment", "consistency", "style", "draft")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(slots=True)
class Fix:
    """Replace the diagnostic's span with `replacement`."""

    replacement: str
    description: str

    def to_dict(self) -> dict:
        return {"replacement": self.replacement, "description": self.description}


@dataclass(slots=True)
class Diagnostic:
    rule: str
    category: str
    severity: str
    span: Span
    message: str
    help: str = ""
    fix: Fix | None = None
    internal: bool = False  # lettercheck failed here (a bug): exit code 2, never a verdict

    def sort_key(self) -> tuple:
        return (self.span.line, self.span.column, self.rule)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "message": self.message,
            "help": self.help,
            "fix": self.fix.to_dict() if self.fix else None,
        }
