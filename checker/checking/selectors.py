"""Rule selectors as people write them: `DATE001`, `date001`, `date-style`,
`DATE`, `dates`, or several at once, `DATE,STR012`.

Wherever a rule ID is accepted (`--select`, `--ignore`, `--extend-select`,
the configuration, suppression comments), its name and any letter case are
accepted too, as `lettercheck explain` does. Resolution turns each into the
canonical ID, prefix or category; one that matches nothing is left as
written for the caller to report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace


def split_list(values: Iterable[str] | None) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    found = []
    for value in values or ():
        found.extend(part.strip() for part in value.split(","))
    return tuple(part for part in found if part)


def resolve(selector: str, rules) -> str:
    """The canonical form of one selector (an ID, a prefix or a category)."""
    from checker.api import PARSE_NAMES

    ids = {rule.id for rule in rules} | set(PARSE_NAMES)
    categories = {rule.category for rule in rules} | {"parse"}
    if selector in ids or selector in categories:
        return selector
    if selector.isupper() and any(rule_id.startswith(selector) for rule_id in ids):
        return selector
    named = {rule.name: rule.id for rule in rules} | {name: rule_id for rule_id, name in PARSE_NAMES.items()}
    lowered, upper = selector.lower(), selector.upper()
    if lowered in named:
        return named[lowered]
    if lowered in categories:
        return lowered
    if upper in ids or any(rule_id.startswith(upper) for rule_id in ids):
        return upper
    return selector


def resolve_config(config, rules):
    """`config` with every rule selector in canonical form."""

    def each(selectors):
        return tuple(resolve(s, rules) for s in selectors)

    resolved = replace(
        config,
        select=each(config.select),
        ignore=each(config.ignore),
        severity=tuple((resolve(rule, rules), level) for rule, level in config.severity),
        params=tuple((resolve(rule, rules), values) for rule, values in config.params),
        per_file_ignores=tuple((glob, each(selectors)) for glob, selectors in config.per_file_ignores),
        from_command_line=each(config.from_command_line),
    )
    return config if resolved == config else resolved
