"""`check --show-settings FILE`: which configuration, rule packs and rules
apply to one file, and why (like ruff's `--show-settings`)."""

from __future__ import annotations

import os

from checker.output.escape import for_humans


def show_settings(path: str, selection, fmt: str) -> None:
    """Print the settings for `path`: as JSON with `-f json`, else as text."""
    from checker.api.settings import SetupError
    from checker.checking.config import ConfigError
    from checker.cli.messages import fail

    try:
        info = describe(path, selection)
    except (ConfigError, SetupError) as error:
        fail(str(error))
    if fmt == "json":
        import json

        from checker.output.escape import for_unicode

        print(for_unicode(json.dumps(info, indent=2, ensure_ascii=False)))
    else:
        print(render_text(info))


def describe(path: str, selection) -> dict:
    """The settings for `path` as data (raises ConfigError or SetupError)."""
    from checker.checking.rule_packs import core_dir, rule_files
    from checker.checking.selectors import matches

    engine = selection.engine_for(path)
    config = engine.config  # names and case resolved
    ignored_here = config.ignored_for(path)
    packs = [str(core_dir()), *config.rule_dirs]
    rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "category": rule.category,
            "severity": rule.severity,
            "applies_to": list(rule.applies_to) if rule.applies_to else "every letter type",
            "origin": rule.origin,
        }
        for rule in engine.rules
        if not (ignored_here and matches(rule, ignored_here))
    ]
    return {
        "file": path,
        "configuration": config.path or "none found: the defaults",
        "walked_by_folder_checks": config.wants(path),
        "settings": {
            "select": list(config.select) or "every rule",
            "ignore": list(config.ignore),
            "per_file_ignores_here": list(ignored_here),
            "severity": dict(config.severity),
            "params": config.param_overrides(),
            "include": list(config.include),
            "exclude": list(config.exclude),
            "fail_on": config.fail_on,
            "from_command_line": list(config.from_command_line),
        },
        "rule_packs": {pack: [str(f) for f in rule_files(pack)] for pack in packs},
        "letter_types": {
            name: {"label": letter_type.label, "defined": list(engine.letter_types.origins.get(name, ()))}
            for name, letter_type in engine.letter_types.items()
        },
        "rules": rules,
    }


def render_text(info: dict) -> str:
    """The same, for people."""
    out = [f"File: {info['file']}", f"Configuration: {info['configuration']}"]
    out.append(
        "Walked when its folder is checked: "
        + ("yes" if info["walked_by_folder_checks"] else "no (include/exclude)")
    )
    out.append("Settings:")
    for key, value in info["settings"].items():
        if value in ([], {}):
            continue
        out.append(f"  {key} = {_plain(value)}")
    out.append("Rule packs:")
    for pack, files in info["rule_packs"].items():
        out.append(f"  {pack}")
        out.extend(f"    {os.path.basename(file)}" for file in files)
    out.append("Letter types:")
    for name, letter_type in info["letter_types"].items():
        defined = letter_type["defined"]
        where = f"  ({defined[0]}" + (f"; extended at {', '.join(defined[1:])}" if defined[1:] else "") + ")"
        out.append(f"  {name}{where if defined else ''}")
    out.append(f"Rules that apply ({len(info['rules'])}):")
    width = max((len(rule["id"]) for rule in info["rules"]), default=0)
    for rule in info["rules"]:
        applies = rule["applies_to"]
        types = "" if isinstance(applies, str) else f"  (only {', '.join(applies)})"
        out.append(f"  {rule['id']:<{width}}  {rule['severity']:<7}  {rule['name']}{types}")
    return for_humans_lines(out)


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v) if isinstance(v, dict | list) else v}" for k, v in value.items())
    return str(value)


def for_humans_lines(lines: list[str]) -> str:
    return "\n".join(for_humans(line) for line in lines)
