"""`--statistics`: problems counted per rule, for every output format.

Like ruff's `--statistics`: the most frequent rule first, with its name and
how many of its problems `--fix` can mend.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.output.escape import for_humans


@dataclass(slots=True)
class RuleCount:
    rule: str
    name: str
    category: str
    severity: str
    count: int = 0
    fixable: int = 0


def tally(results, names: dict[str, str]) -> list[RuleCount]:
    """Counts per rule (and severity, when configuration changed one), most frequent first."""
    counts: dict[tuple[str, str], RuleCount] = {}
    for result in results:
        for d in result.diagnostics:
            key = (d.rule, d.severity)
            if key not in counts:
                counts[key] = RuleCount(d.rule, names.get(d.rule, d.rule.lower()), d.category, d.severity)
            counts[key].count += 1
            counts[key].fixable += d.fix is not None
    return sorted(counts.values(), key=lambda c: (-c.count, c.rule, c.severity))


def as_json(counts: list[RuleCount]) -> dict:
    """The `statistics` object of `--format json`, keyed by rule ID."""
    found: dict[str, dict] = {}
    for c in counts:
        entry = found.setdefault(
            c.rule, {"name": c.name, "category": c.category, "count": 0, "fixable": 0, "by_severity": {}}
        )
        entry["count"] += c.count
        entry["fixable"] += c.fixable
        entry["by_severity"][c.severity] = entry["by_severity"].get(c.severity, 0) + c.count
    return found


def aligned(rows: list[tuple[str, ...]]) -> str:
    """Rows as text columns: every column but the last padded to its widest cell."""
    if not rows:
        return ""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]) for row in rows
    )


def as_lines(counts: list[RuleCount]) -> list[str]:
    """Plain aligned lines: count, rule, severity, [*] when fixable, name."""
    if not counts:
        return []
    number = max(len(str(c.count)) for c in counts)
    rule = max(len(c.rule) for c in counts)
    severity = max(len(c.severity) for c in counts)
    return [
        f"{c.count:>{number}}  {for_humans(c.rule):<{rule}}  {c.severity:<{severity}}  "
        f"{'[*] ' if c.fixable else '    '}{for_humans(c.name)}"
        for c in counts
    ]
