"""Load rule packs (YAML), validate them, and report any mistake with its line.

A rule file is checked against rules/schema.json (published for editors),
then each rule's check kind, parameters, patterns and message template are
checked, so a broken pack fails at load with `file:line: what is wrong`.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker.checks import REGISTRY, load_all
from checker.resources import resource_path


class RulePackError(Exception):
    def __init__(self, message: str, path: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.message = message
        self.path = path
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    applies_to: tuple[str, ...] | None
    message: str
    help: str
    why: str
    kind: str
    params: dict = field(hash=False)
    examples: tuple = field(default=(), hash=False)
    origin: str = ""

    def applies(self, letter_type: str) -> bool:
        return self.applies_to is None or letter_type in self.applies_to

    def format(self, facts: dict) -> str:
        return string.Formatter().vformat(self.message, (), _Facts(facts))

    def format_help(self, facts: dict) -> str:
        return string.Formatter().vformat(self.help, (), _Facts(facts))


class _Facts(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def schema() -> dict:
    return json.loads((resource_path("rules") / "schema.json").read_text(encoding="utf-8"))


def _node_at(node, path) -> object:
    """The YAML node at a JSON path, for the line of a schema error."""
    import yaml

    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            if match is None:
                match = next((k for k, v in node.value if k.value == key), None)
                return match or node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node


def _position(node) -> tuple[int, int]:
    mark = getattr(node, "start_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _yaml_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def load_rule_file(path: Path, overrides: dict | None = None, validate: bool = True) -> list[Rule]:
    """Load one rule file. `validate=False` skips the JSON Schema pass, used for
    the shipped core pack, which the test suite validates against the schema."""
    import yaml

    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulePackError(f"cannot read rule file: {error}", name) from None
    try:
        root = yaml.compose(text, Loader=_yaml_loader())
        data = yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise RulePackError(
            f"invalid YAML: {problem}", name, *((mark.line + 1, mark.column + 1) if mark else (1, 1))
        ) from None
    if data is None:
        return []

    if validate:
        _validate(data, root, name)

    load_all()
    from checker.lettertypes import load_letter_types

    letter_types = load_letter_types()
    rules = []
    for index, item in enumerate(data["rules"]):
        node = _node_at(root, ["rules", index])
        line, _column = _position(node)
        for position, name_of_type in enumerate(item.get("applies_to") or ()):
            if name_of_type not in letter_types:
                known = ", ".join(letter_types)
                raise RulePackError(
                    f"rule {item['id']}: unknown letter type {name_of_type!r} in applies_to (known: {known})",
                    name,
                    *_position(_node_at(root, ["rules", index, "applies_to", position])),
                )
        check = dict(item["check"])
        kind_name = check.pop("kind")
        kind = REGISTRY.get(kind_name)
        if kind is None:
            known = ", ".join(sorted(REGISTRY))
            raise RulePackError(
                f"rule {item['id']}: unknown check kind {kind_name!r} (known: {known})",
                name,
                *_position(_node_at(root, ["rules", index, "check", "kind"])),
            )
        check.update((overrides or {}).get(item["id"], {}))
        missing = [p for p in kind.required if p not in check]
        unknown = [p for p in check if p not in kind.required + kind.optional]
        if missing or unknown:
            problem = f"missing parameter {missing[0]!r}" if missing else f"unknown parameter {unknown[0]!r}"
            raise RulePackError(
                f"rule {item['id']}: check kind {kind_name!r}: {problem}",
                name,
                *_position(_node_at(root, ["rules", index, "check"])),
            )
        try:
            params = kind.prepare(check) if kind.prepare else check
            list(string.Formatter().parse(item["message"]))
            list(string.Formatter().parse(item["help"]))
        except ValueError as error:
            where = (
                ["rules", index, "check", error.param]
                if hasattr(error, "param")
                else ["rules", index, "check"]
            )
            raise RulePackError(
                f"rule {item['id']}: {error}", name, *_position(_node_at(root, where))
            ) from None
        rules.append(
            Rule(
                id=item["id"],
                name=item.get("name", item["id"].lower()),
                category=item["category"],
                severity=item["severity"],
                applies_to=tuple(item["applies_to"]) if item.get("applies_to") else None,
                message=item["message"],
                help=item["help"],
                why=item.get("why", ""),
                kind=kind_name,
                params=params,
                examples=tuple(item.get("examples") or ()),
                origin=f"{name}:{line}",
            )
        )
    return rules


def _validate(data, root, name: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise RulePackError(
            f"{error.message} (at {where})", name, *_position(_node_at(root, error.absolute_path))
        )


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def core_dir() -> Path:
    return resource_path("rules") / "core"


def load_rules(extra_dirs: tuple[str, ...] = (), overrides: dict | None = None) -> list[Rule]:
    """The core pack plus any user rule directories; IDs must be unique."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    core = core_dir()
    for directory in (core, *map(Path, extra_dirs)):
        if not Path(directory).is_dir():
            raise RulePackError("rule directory does not exist", str(directory))
        for file in rule_files(directory):
            for rule in load_rule_file(file, overrides, validate=Path(directory) != core):
                if rule.id in seen:
                    path, line = rule.origin.rsplit(":", 1)
                    raise RulePackError(
                        f"duplicate rule id {rule.id} (first defined at {seen[rule.id]})", path, int(line)
                    )
                seen[rule.id] = rule.origin
                rules.append(rule)
    return rules
