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
    out += ["## Check", "", *check_prose(rule), ""]
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


def _code(value) -> str:
    """A value as inline code; backticks inside are fenced with more of them."""
    text = str(value)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return "; ".join(f"{_code(k)} → {_code(v)}" for k, v in value.items()) or "none"
    if isinstance(value, list | tuple):
        return ", ".join(_code(v) for v in value) or "none"
    return _code(value)


def check_prose(rule: Rule) -> list[str]:
    """The rule's check kind and parameters, in words (markdown lines)."""
    params = {
        k: v
        for k, v in rule.params.items()
        if not k.startswith("_") and isinstance(v, str | int | float | bool | list | tuple | dict)
    }
    if not params:
        return [f"Checked by the `{rule.kind}` check kind, which takes no parameters here."]
    lines = [f"Checked by the `{rule.kind}` check kind with these parameters:", ""]
    lines += [f"- **{name}**: {_value(value)}" for name, value in params.items()]
    example = next(iter(params))
    lines += [
        "",
        f"A configuration can change them, e.g. `params = {{{rule.id} = {{{example} = ...}}}}` "
        "in `[tool.lettercheck]`.",
    ]
    return lines


def explain_parse(rule_id: str) -> str:
    """`explain PARSE00n`: the reading problems, in the same shape as a rule."""
    from checker.api import PARSE_NAMES, PARSE_RULES

    what, help_text = PARSE_RULES[rule_id]
    return "\n".join(
        [
            f"# {rule_id} ({PARSE_NAMES[rule_id]})",
            "",
            "**Category** parse · **severity** error · **applies to** every file",
            "",
            "## What it does",
            "",
            f"Reports that {what}. Reading a file gives at most one `parse` diagnostic, instead of the rules.",
            "",
            "## How to fix it",
            "",
            help_text,
            "",
            "## Exit code",
            "",
            "2: a file that cannot be checked never looks like a verdict; the other files are still checked.",
        ]
    )


def rules_markdown(rules: list[Rule]) -> str:
    rows = ["| ID | Name | Category | Severity | Reports |", "|---|---|---|---|---|"]
    for rule in rules:
        message = rule.message.replace("|", "\\|")
        rows.append(f"| {rule.id} | {rule.name} | {rule.category} | {rule.severity} | {message} |")
    return "\n".join(rows)


def kinds_markdown() -> str:
    """The check kinds a rule can name, from their docstrings."""
    load_all()
    rows = ["| Kind | Parameters | What it checks |", "|---|---|---|"]
    for name in sorted(REGISTRY):
        kind = REGISTRY[name]
        params = ", ".join([*(f"**{p}**" for p in kind.required), *kind.optional]) or "—"
        doc = " ".join(kind.doc.split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {params} | {doc} |")
    return "\n".join(rows)


def parse_markdown() -> str:
    from checker.api import PARSE_NAMES, PARSE_RULES

    rows = ["| ID | Name | Category | Severity | Reports |", "|---|---|---|---|---|"]
    rows += [
        f"| {rule} | {PARSE_NAMES[rule]} | parse | error | {what} |"
        for rule, (what, _) in PARSE_RULES.items()
    ]
    return "\n".join(rows)


def core_rules_markdown() -> str:
    from checker.rulepack import load_rules

    return rules_markdown(load_rules())


GENERATED = {"parse": parse_markdown, "rules": core_rules_markdown, "kinds": kinds_markdown}


def update_readme(text: str) -> str:
    """Replace each `<!-- generated:NAME -->...<!-- /generated:NAME -->` block."""
    for name, make in GENERATED.items():
        start, end = f"<!-- generated:{name} -->", f"<!-- /generated:{name} -->"
        if start in text and end in text:
            before, rest = text.split(start, 1)
            _, after = rest.split(end, 1)
            text = f"{before}{start}\n{make()}\n{end}{after}"
    return text


if __name__ == "__main__":  # python -m checker.docs README.md
    import sys

    path = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    with open(path, encoding="utf-8") as handle:
        current = handle.read()
    updated = update_readme(current)
    if updated != current:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(updated)
        print(f"updated {path}")
