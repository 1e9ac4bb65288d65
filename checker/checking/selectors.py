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
from contextlib import suppress
from dataclasses import replace
from pathlib import Path


def matches(rule, selectors) -> bool:
    """Does any selector (an ID, an ID prefix or a category, canonical) pick `rule`?"""
    return any(
        rule.id == s or rule.category == s or (s.isupper() and rule.id.startswith(s)) for s in selectors
    )


def split_list(values: Iterable[str] | None) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    found = []
    for value in values or ():
        found.extend(part.strip() for part in value.split(","))
    return tuple(part for part in found if part)


def resolve(selector: str, rules) -> str:
    """The canonical form of one selector (an ID, a prefix or a category)."""
    ids = {rule.id for rule in rules}
    categories = {rule.category for rule in rules}
    if selector in ids or selector in categories:
        return selector
    if selector.isupper() and any(rule_id.startswith(selector) for rule_id in ids):
        return selector
    named = {rule.name: rule.id for rule in rules}
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


def check_selectors(config, rules) -> None:
    """A rule ID, prefix or category in the configuration that matches no rule
    is a typo that would silently switch checking off: say so."""
    from checker.checking.config import ConfigError

    wanted = [("select", s) for s in config.select] + [("ignore", s) for s in config.ignore]
    wanted += [("severity", rule_id) for rule_id, _ in config.severity]
    wanted += [("params", rule_id) for rule_id, _ in config.params]
    wanted += [("per_file_ignores", s) for _, selectors in config.per_file_ignores for s in selectors]
    for setting, selector in wanted:
        exact = setting in ("severity", "params")  # these name one rule
        if any(rule.id == selector if exact else matches(rule, (selector,)) for rule in rules):
            continue
        message = (
            f"'{selector}' in {setting} matches no rule ID, prefix or category (see `lettercheck rules`)"
        )
        if selector in config.from_command_line or not config.path:
            raise ConfigError(message.replace(f"in {setting}", f"(--{setting})"), "command line", line=0)
        error = ConfigError(message, config.path, key=setting)
        with suppress(OSError):
            error = error.at_key_line(Path(config.path).read_text(encoding="utf-8"))
        raise error
