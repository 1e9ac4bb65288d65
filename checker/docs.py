"""Rule documentation generated from the YAML: `explain` and the README table."""

from __future__ import annotations

import difflib

from checker.checks import REGISTRY, load_all
from checker.rulepack import Rule


def _example_lines(example: dict) -> list[str]:
    lines = []
    base = example.get("base", "focused")
    for old, new in example.get("replace", []):
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        body = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
        lines.extend(body or [f"- {old}", f"+ {new}"])
    if not lines:
        lines = [f"  (the {base} example letter, unchanged)"]
    return lines


def explain_rule(rule: Rule) -> str:
    load_all()
    kind = REGISTRY.get(rule.kind)
    out = [
        f"# {rule.id} ({rule.name})",
        "",
        f"**Category** {rule.category} · **severity** {rule.severity} · "
        f"**applies to** {', '.join(rule.applies_to) if rule.applies_to else 'every letter type'}",
        "",
        "## What it does",
        "",
        f"Reports: *{rule.message}*",
        "",
    ]
    if kind and kind.doc:
        out += [" ".join(kind.doc.split()), ""]
    if rule.why:
        out += ["## Why it matters", "", rule.why, ""]
    out += ["## How to fix it", "", rule.help, ""]
    params = {k: v for k, v in rule.params.items() if not k.startswith("_")}
    out += ["## Check", "", f"Kind `{rule.kind}`" + (f" with `{params}`" if params else ""), ""]
    if rule.examples:
        out += ["## Examples", ""]
        for example in rule.examples:
            verdict = "Triggers" if example["trigger"] else "Does not trigger"
            base = example.get("base", "focused")
            out += [
                f"{verdict} (edit of the {base} example letter):",
                "",
                "```diff",
                *_example_lines(example),
                "```",
                "",
            ]
    out += [f"Defined in `{rule.origin}`."]
    return "\n".join(out)


def rules_markdown(rules: list[Rule]) -> str:
    rows = ["| ID | Name | Category | Severity | Reports |", "|---|---|---|---|---|"]
    for rule in rules:
        message = rule.message.replace("|", "\\|")
        rows.append(f"| {rule.id} | {rule.name} | {rule.category} | {rule.severity} | {message} |")
    return "\n".join(rows)
