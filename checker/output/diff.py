"""`check --diff`: what `--fix` would change, as a unified diff, nothing written.

The fixes are applied to exactly the lines that were checked; letter text is
shown with control characters escaped, like every human format.
"""

from __future__ import annotations

import difflib

from checker.checking.fixes import apply_fixes
from checker.output.escape import for_humans, keep_tabs


def fixed_lines(result) -> tuple[list[str], list[str], list]:
    """(lines as checked, lines once fixed, the problems the fixes mend)."""
    lines = list(result.lines)
    if result.unreadable or not any(d.fix for d in result.diagnostics):
        return lines, lines, []
    text, applied = apply_fixes("\n".join(lines), result.diagnostics)
    return lines, text.split("\n"), applied


def unified_diff(path: str, before: list[str], after: list[str]) -> str:
    """A unified diff of one file, or "" when nothing changes."""
    if before == after:
        return ""
    name = for_humans(path)
    shown = difflib.unified_diff(
        [keep_tabs(line) for line in before],
        [keep_tabs(line) for line in after],
        fromfile=name,
        tofile=name,
        lineterm="",
    )
    return "\n".join(shown) + "\n"
