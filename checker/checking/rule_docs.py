"""Rule documentation generated from the YAML: `explain` and the README table."""

from __future__ import annotations

import difflib

from checker.checking.kinds import REGISTRY, load_all
from checker.checking.rules import Rule


def _example_lines(example: dict) -> list[str]:
    lines = []
    base = example.get("base", "focused")
    for old, new in example.get("replace", []):
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        body = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
        lines.extend(body or [f"- {old}", f"+ {new}"])
    for mark in example.get("review", []):
        at = f" at '{mark['at']}'" if "at" in mark else ""
        lines.append(f"  (as a Word draft with a {mark['kind']} by {mark['author']}: '{mark['text']}'{at})")
    if not lines:
        lines = [f"  (the {base} example letter, unchanged)"]
    return lines


def explain_rule(rule: Rule) -> str:
    load_all()
    kind = REGISTRY.get(rule.kind)
    out = [
        f"# {rule.id} ({rule.name})",
        "",
        f"**Category** {rule.category} · **severity** {rule.severity} · **applies to** {_applies_to(rule)}",
        "",
        "## What it does",
        "",
        f"Reports: *{rule.reports}*",
        "",
    ]
    if kind and kind.doc:
        out += [" ".join(kind.doc.split()), ""]
    if rule.why:
        out += ["## Why it matters", "", rule.why, ""]
    out += ["## How to fix it", "", rule.help, ""]
    out += ["## Check", "", *check_prose(rule, kind), ""]
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


def _applies_to(rule: Rule) -> str:
    if rule.category == "parse":
        return "every file"
    return ", ".join(rule.applies_to) if rule.applies_to else "every letter type"


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


def check_prose(rule: Rule, kind) -> list[str]:
    """The rule's check kind and its declared parameters with this rule's
    values, in words (markdown lines)."""
    declared = kind.params if kind else ()
    if not declared:
        return [f"Checked by the `{rule.kind}` check kind, which takes no parameters here."]
    lines = [f"Checked by the `{rule.kind}` check kind with these parameters:", ""]
    for param in declared:
        value = _value(rule.params[param.name]) if param.name in rule.params else "not set"
        doc = f" — {param.doc}" if param.doc else ""
        lines.append(f"- **{param.name}**: {value}{doc} ({param.details()})")
    example = declared[0].name
    lines += [
        "",
        f"A configuration can change them, e.g. `params = {{{rule.id} = {{{example} = ...}}}}` "
        "in `[tool.lettercheck]`.",
    ]
    return lines


def rules_markdown(rules: list[Rule]) -> str:
    rows = ["| ID | Name | Category | Severity | Reports |", "|---|---|---|---|---|"]
    for rule in rules:
        message = rule.reports.replace("|", "\\|")
        rows.append(f"| {rule.id} | {rule.name} | {rule.category} | {rule.severity} | {message} |")
    return "\n".join(rows)


def kinds_markdown() -> str:
    """The check kinds a rule can name: their declared parameters and docstrings."""
    load_all()
    rows = ["| Kind | Parameters | What it checks |", "|---|---|---|"]
    for name in sorted(REGISTRY):
        kind = REGISTRY[name]
        described = (p.describe() + (f": {p.doc}" if p.doc else "") for p in kind.params)
        params = "<br>".join(described).replace("|", "\\|") or "—"
        doc = " ".join(kind.doc.split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {params} | {doc} |")
    return "\n".join(rows)


def parse_markdown() -> str:
    """The PARSE rules (rules/parse.yaml) as a table."""
    from checker.checking.rule_packs import parse_rules

    return rules_markdown(list(parse_rules().values()))


def core_rules_markdown() -> str:
    """The core pack (rules/core/) as a table."""
    from checker.checking.rule_packs import load_rules

    return rules_markdown([rule for rule in load_rules() if rule.category != "parse"])


GENERATED = {"parse": parse_markdown, "rules": core_rules_markdown, "kinds": kinds_markdown}


def _param_schema(param) -> dict:
    """A parameter's contract as JSON Schema, for editors' completion and hover."""
    from checker.checking.scopes import SCOPES, section_kinds

    by_type = {
        "string": {"type": "string", "minLength": 1},
        "template": {"type": "string"},
        "regex": {"type": "string", "minLength": 1},
        "integer": {"type": "integer"},
        "number": {"type": "number"},
        "boolean": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "strings": {"type": "array", "items": {"type": "string"}},
        "regexes": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "mapping": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
        "word_lists": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "group": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1}]},
        "scope": {  # a section kind of your own letter types is a section:<kind> too
            "anyOf": [
                {"enum": [*SCOPES, *(f"section:{kind}" for kind in section_kinds())]},
                {"type": "string", "pattern": "^section:[a-z][a-z0-9_]*$"},
            ]
        },
    }
    schema = {"description": param.doc, **by_type[param.type]}
    if param.choices:
        schema["enum"] = list(param.choices)
    if param.minimum is not None:
        schema["minimum"] = param.minimum
    if param.maximum is not None:
        schema["maximum"] = param.maximum
    if not param.required and param.default is not None:
        schema["default"] = list(param.default) if isinstance(param.default, tuple) else param.default
    return schema


def check_schema() -> dict:
    """The `check` part of rules/schema.json: each kind and its parameters."""
    load_all()
    cases = []
    for name in sorted(REGISTRY):
        kind = REGISTRY[name]
        cases.append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {
                    "properties": {"kind": True, **{p.name: _param_schema(p) for p in kind.params}},
                    "required": ["kind", *kind.required],
                    "additionalProperties": False,
                },
            }
        )
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {
                "enum": sorted(REGISTRY),
                "description": "The check kind (see the README's kinds table).",
            }
        },
        "allOf": cases,
        "description": "The check kind and its parameters (generated from the kinds' declared contracts).",
    }


def update_schema(text: str) -> str:
    """rules/schema.json with its `check` definition regenerated from the code."""
    import json

    schema = json.loads(text)
    schema["$defs"]["rule"]["properties"]["check"] = check_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def update_readme(text: str) -> str:
    """Replace each `<!-- generated:NAME -->...<!-- /generated:NAME -->` block."""
    for name, make in GENERATED.items():
        start, end = f"<!-- generated:{name} -->", f"<!-- /generated:{name} -->"
        if start in text and end in text:
            before, rest = text.split(start, 1)
            _, after = rest.split(end, 1)
            text = f"{before}{start}\n{make()}\n{end}{after}"
    return text


def _update_file(path: str, update) -> None:
    """Rewrite `path` with `update(text)` when that changes it, and say so."""
    with open(path, encoding="utf-8") as handle:
        current = handle.read()
    updated = update(current)
    if updated != current:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(updated)
        print(f"updated {path}")


if __name__ == "__main__":  # python -m checker.checking.rule_docs README.md (and rules/schema.json beside it)
    import os
    import sys

    readme = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    _update_file(readme, update_readme)
    _update_file(
        os.path.join(os.path.dirname(os.path.abspath(readme)), "rules", "schema.json"), update_schema
    )
