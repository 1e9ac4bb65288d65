"""Load rule packs (YAML), validate them, and report any mistake with its line.

A rule file is checked against rules/schema.json (published for editors),
then each rule's check kind, parameters, patterns and message template are
checked, so a broken pack fails at load with `file:line: what is wrong`.
The rules lettercheck ships are rules/parse.yaml (its own, for files it
cannot read) and the core pack, rules/core/.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.checking.kinds import REGISTRY, ParamError, load_all
from checker.checking.rules import Rule, check_template
from checker.resources import resource_path

if TYPE_CHECKING:
    from checker.reading.letter_types import LetterTypes

READING_KIND = "reading_problem"  # the kind of the PARSE rules: reported while reading


class RulePackError(Exception):
    def __init__(self, message: str, path: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.message = message
        self.path = path
        self.line = line
        self.column = column


@cache
def schema() -> dict:
    return json.loads((resource_path("rules") / "schema.json").read_text(encoding="utf-8"))


def node_at(node, path) -> object:
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


def position(node) -> tuple[int, int]:
    mark = getattr(node, "start_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def load_rule_file(
    path: Path,
    overrides: dict | None = None,
    validate: bool = True,
    overrides_from: str | None = None,
    own: bool = False,
    letter_types: LetterTypes | None = None,
) -> list[Rule]:
    """Load one rule file. `validate=False` skips the JSON Schema pass, used for
    the shipped packs, which the test suite validates against the schema.
    `overrides` (rule ID -> parameters, from the configuration file
    `overrides_from`) replace the pack's own parameters. Only lettercheck's
    `own` pack may hold the parse category and PARSE IDs. `applies_to` and
    `section:<kind>` scopes may name the `letter_types` of the configuration
    (default: lettercheck's own)."""
    name = str(path)
    data, locate = _read_pack(Path(path), validate)
    if data is None:
        return []
    load_all()
    if letter_types is None:
        from checker.reading.letter_types import load_letter_types

        letter_types = load_letter_types()
    rules = []
    for index, item in enumerate(data["rules"]):

        def fail(message: str, *where, index=index, rule_id=item["id"]) -> RulePackError:
            return RulePackError(f"rule {rule_id}: {message}", name, *locate(["rules", index, *where]))

        line, _column = locate(["rules", index])
        override = (overrides or {}).get(item["id"])
        if not own:
            _not_lettercheck_own(item, fail)
        rules.append(_rule(item, fail, f"{name}:{line}", override, overrides_from, letter_types))
    return rules


def _read_pack(path: Path, validate: bool):
    """(data, where) of a rule file: `where(path in the data)` is the (line,
    column) of a value. A shipped pack comes read ahead of time while it is
    unchanged (checker.prebuilt): then only each rule's line is known, which
    is all its rules' origins need (the tests make sure they load)."""
    from checker.checking.bounded_yaml import YamlError, load

    if not validate:
        from checker.prebuilt import shipped_yaml

        prebuilt = shipped_yaml(path)
        if prebuilt is not None:
            lines = prebuilt["rule_lines"]
            return prebuilt["data"], lambda where: (lines[where[1]], 1) if len(where) > 1 else (1, 1)
    from checker.checking.setting_files import read_setting_text, why_not_read

    name = str(path)
    try:
        text = read_setting_text(path)
    except UnicodeDecodeError as error:
        raise RulePackError(f"cannot read rule file: not UTF-8 text (byte {error.start})", name) from None
    except OSError as error:
        raise RulePackError(f"cannot read rule file: {why_not_read(name, error)}", name) from None
    try:
        root, data = load(text, trusted=not validate)  # the shipped packs are not validated: ours
    except YamlError as error:
        raise RulePackError(error.message, name, error.line, error.column) from None
    if data is not None and validate:
        _validate(data, root, name)
    return data, lambda where: position(node_at(root, where))


def _not_lettercheck_own(item: dict, fail) -> None:
    """User packs may not claim what rules/parse.yaml holds: reading problems."""
    if item["category"] == "parse" or item["id"].startswith("PARSE"):
        where = "category" if item["category"] == "parse" else "id"
        raise fail("the parse category and PARSE IDs are lettercheck's own (reading files)", where)
    if isinstance(item["check"], dict) and item["check"].get("kind") == READING_KIND:
        raise fail(f"check kind {READING_KIND!r} is lettercheck's own (rules/parse.yaml)", "check", "kind")


def _rule(
    item: dict,
    fail,
    origin: str,
    override: dict | None,
    overrides_from: str | None,
    letter_types: LetterTypes,
) -> Rule:
    """One rule, checked: `fail(message, *path)` is the error at a place in it."""
    for index, name_of_type in enumerate(item.get("applies_to") or ()):
        if name_of_type not in letter_types:
            known = ", ".join(letter_types)
            message = f"unknown letter type {name_of_type!r} in applies_to (known: {known})"
            raise fail(message, "applies_to", index)
    given = dict(item["check"])
    kind_name = given.pop("kind")
    kind = REGISTRY.get(kind_name)
    if kind is None:
        raise fail(
            f"unknown check kind {kind_name!r} (known: {', '.join(sorted(REGISTRY))})", "check", "kind"
        )
    for field_name in ("message", "help"):
        try:
            check_template(item[field_name], field_name)
        except ParamError as error:
            raise fail(str(error), field_name) from None
    section_kinds = letter_types.section_kinds
    try:
        params = kind.configure(given, section_kinds)
    except ParamError as error:
        where = ["check", error.param] if error.param in given else ["check"]
        raise fail(f"check kind {kind_name!r}: {error}", *where) from None
    if override:  # the configuration's `params`: its mistakes are the configuration's
        try:
            params = kind.configure({**given, **override}, section_kinds)
        except ParamError as error:
            raise _override_error(overrides_from, item["id"], kind_name, error, override) from None
    return Rule(
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
        origin=origin,
        summary=item.get("summary", ""),
    )


def _override_error(config_path: str | None, rule_id: str, kind_name: str, error: ParamError, override: dict):
    """A bad `params` setting is the configuration's fault: point at it."""
    message = f"params for {rule_id}: check kind {kind_name!r}: {error}"
    if not config_path:
        return RulePackError(message, "configuration")
    line, column = 1, 1
    with suppress(OSError, UnicodeDecodeError):
        text = Path(config_path).read_text(encoding="utf-8")
        rule_at = re.search(rf"\b{re.escape(rule_id)}\b", text)
        start = rule_at.start() if rule_at else 0
        param = error.param if error.param in override else None
        found = re.search(rf"\b{re.escape(param)}\b", text[start:]) if param else None
        offset = start + (found.start() if found else 0)
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return RulePackError(message, config_path, line, column)


def _validate(data, root, name: str) -> None:
    """The pack against the published JSON Schema. Mistakes inside `check` are
    left to the kinds' contracts, whose messages say more."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = [e for e in validator.iter_errors(data) if list(e.absolute_path)[2:3] != ["check"]]
    errors.sort(key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise RulePackError(
            f"{error.message} (at {where})", name, *position(node_at(root, error.absolute_path))
        )


def rule_files(directory: Path) -> list[Path]:
    """The rule packs of a folder: its YAML files, but for letter types files
    (checker.checking.letter_type_files)."""
    return sorted(
        p
        for p in Path(directory).rglob("*.y*ml")
        if p.suffix in (".yaml", ".yml") and p.name not in ("letter_types.yaml", "letter_types.yml")
    )


def core_dir() -> Path:
    return resource_path("rules") / "core"


def parse_rules_file() -> Path:
    return resource_path("rules") / "parse.yaml"


@cache
def parse_rules() -> dict[str, Rule]:
    """lettercheck's own rules for files it cannot read (PARSE001...), by ID."""
    return {rule.id: rule for rule in load_rule_file(parse_rules_file(), validate=False, own=True)}


def load_rules(
    extra_dirs: tuple[str, ...] = (),
    overrides: dict | None = None,
    overrides_from: str | None = None,
    letter_types: LetterTypes | None = None,
) -> list[Rule]:
    """The PARSE rules, the core pack and any user rule directories; IDs must
    be unique. `overrides` are the configuration's `params` (from the file
    `overrides_from`); `letter_types` those of the configuration."""
    rules = list(parse_rules().values())
    seen = {rule.id: rule.origin for rule in rules}
    core = core_dir()
    for directory in (core, *map(Path, extra_dirs)):
        if not Path(directory).is_dir():
            raise RulePackError("rule directory does not exist", str(directory))
        for file in rule_files(directory):
            validate = Path(directory) != core  # the shipped pack is checked by the tests
            for rule in load_rule_file(file, overrides, validate, overrides_from, letter_types=letter_types):
                if rule.id in seen:
                    path, line = rule.origin.rsplit(":", 1)
                    raise RulePackError(
                        f"duplicate rule id {rule.id} (first defined at {seen[rule.id]})", path, int(line)
                    )
                seen[rule.id] = rule.origin
                rules.append(rule)
    return rules
