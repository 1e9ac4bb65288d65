"""Your own letter types: a `letter_types.yaml` in a configured rule folder.

It has the shape of rules/letter_types.yaml. Under `letter_types` it defines
new types (a title to know them by, their sections, their formats), which a
rule's `applies_to` may then name; under `extend_letter_types` it adds to a
type already known (title patterns, aliases and subheadings of its sections,
new sections, layouts, variants). The file is checked as a rule pack is:
against a published JSON Schema (rules/letter_types.schema.json), then each
pattern, date and section kind, and a mistake is one error with its file and
line. The types belong to the configuration whose rule folders hold them:
its engine reads letters with them (`letter_types_for`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checker.checking.rule_packs import RulePackError, node_at, position
from checker.reading.letter_types import (
    LetterType,
    LetterTypes,
    extend_letter_type,
    heading_key,
    load_letter_types,
    parse_letter_type,
)
from checker.resources import resource_path

FILE_NAMES = ("letter_types.yaml", "letter_types.yml")
RESERVED = ("unknown",)  # what a letter of no known type is called
PATTERN_FIELDS = ("title", "opening", "closing", "after_closing")


def is_letter_types_file(path: Path) -> bool:
    return path.name in FILE_NAMES


def letter_types_files(directory: str | Path) -> list[Path]:
    """The letter types files of a rule folder (and its subfolders), in path order."""
    return sorted(p for p in Path(directory).rglob("letter_types.y*ml") if is_letter_types_file(p))


def letter_types_for(rule_dirs: tuple[str, ...]) -> LetterTypes:
    """lettercheck's letter types with those the rule folders add, in order;
    RulePackError when a file is broken. Read afresh on each call (the
    language server reloads a changed file); without such files, the shipped
    catalogue itself."""
    files = [
        file for directory in rule_dirs if Path(directory).is_dir() for file in letter_types_files(directory)
    ]
    if not files:
        return load_letter_types()
    shipped = load_letter_types()
    catalogue = _Catalogue(dict(shipped), dict(shipped.origins))
    for file in files:
        catalogue.add_file(file)
    return LetterTypes(catalogue.types, catalogue.origins)


@cache
def schema() -> dict:
    return json.loads((resource_path("rules") / "letter_types.schema.json").read_text(encoding="utf-8"))


@dataclass
class _Catalogue:
    """The letter types known so far, and where each was defined and extended."""

    types: dict[str, LetterType]
    origins: dict[str, tuple[str, ...]]

    def add_file(self, path: Path) -> None:
        from checker.checking.bounded_yaml import YamlError, load
        from checker.checking.setting_files import read_setting_text, why_not_read

        name = str(path)
        try:
            text = read_setting_text(path)
        except UnicodeDecodeError as error:
            raise RulePackError(
                f"cannot read letter types: not UTF-8 text (byte {error.start})", name
            ) from None
        except OSError as error:
            raise RulePackError(f"cannot read letter types: {why_not_read(name, error)}", name) from None
        try:
            root, data = load(text)
        except YamlError as error:
            raise RulePackError(error.message, name, error.line, error.column) from None
        if data is None:
            return
        data = _dates_as_text(data)
        _validate(data, root, name)
        check = _Checker(root, name)
        for type_name, spec in (data.get("letter_types") or {}).items():
            self._define(type_name, spec, check)
        for type_name, spec in (data.get("extend_letter_types") or {}).items():
            self._extend(type_name, spec, check)

    def _define(self, type_name: str, spec: dict, check: _Checker) -> None:
        where = ["letter_types", type_name]
        if type_name in RESERVED:
            raise check.error(f"'{type_name}' names a letter of no known type: choose another name", where)
        if type_name in self.types:
            first = self.origins.get(type_name, ("lettercheck",))[0]
            raise check.error(
                f"letter type '{type_name}' is already defined ({first}); "
                "to add to it, list it under extend_letter_types",
                where,
            )
        if not spec.get("title") and not spec.get("opening"):
            raise check.error(
                f"letter type '{type_name}' needs a `title` (patterns its title matches) or an `opening`",
                where,
            )
        check.patterns(spec, where)
        check.sections(spec.get("sections") or [], where, existing=())
        kinds = tuple(section["kind"] for section in spec["sections"])
        check.formats(spec, where, kinds)
        self.types[type_name] = parse_letter_type(type_name, spec)
        self.origins[type_name] = (check.at(where),)

    def _extend(self, type_name: str, spec: dict, check: _Checker) -> None:
        where = ["extend_letter_types", type_name]
        base = self.types.get(type_name)
        if base is None:
            close = difflib.get_close_matches(type_name, list(self.types), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            known = ", ".join(self.types)
            raise check.error(f"unknown letter type '{type_name}' ({hint}known: {known})", where)
        check.patterns(spec, where)
        check.sections(spec.get("sections") or [], where, existing=base.sections)
        kinds = (*(s.kind for s in base.sections), *(s["kind"] for s in spec.get("sections") or ()))
        check.formats(spec, where, tuple(dict.fromkeys(kinds)))
        self.types[type_name] = extend_letter_type(base, spec)
        self.origins[type_name] = (*self.origins.get(type_name, ()), check.at(where))


class _Checker:
    """The checks a letter type's definition must pass, each failing as an
    error at its place in the file."""

    def __init__(self, root, path: str) -> None:
        self.root = root
        self.path = path

    def at(self, where: list) -> str:
        return f"{self.path}:{self._place(where)[0]}"

    def error(self, message: str, where: list) -> RulePackError:
        return RulePackError(message, self.path, *self._place(where))

    def _place(self, where: list) -> tuple[int, int]:
        """Line and column of the entry at `where`: of its key in a mapping (a
        type's name, rather than the first line of its definition)."""
        if where and isinstance(where[-1], str):
            return position(key_node(self.root, where))
        return position(node_at(self.root, where))

    def patterns(self, spec: dict, where: list) -> None:
        for field in PATTERN_FIELDS:
            for index, pattern in enumerate(spec.get(field) or ()):
                try:
                    re.compile(pattern, re.IGNORECASE)
                except re.error as error:
                    message = f"invalid regular expression in {field}: {error}"
                    raise self.error(message, [*where, field, index]) from None

    def sections(self, items: list, where: list, existing) -> None:
        """New sections need a heading; an existing one takes only more
        aliases and subheadings; no kind twice, no heading for two kinds."""
        by_kind = {section.kind: section for section in existing}
        headings = {heading_key(name): section.kind for section in existing for name in section.names}
        seen: set[str] = set()
        for index, item in enumerate(items):
            place = [*where, "sections", index]
            kind = item["kind"]
            if kind in seen:
                raise self.error(f"section kind '{kind}' is listed twice", [*place, "kind"])
            seen.add(kind)
            if kind in by_kind:
                changed = [key for key in ("heading", "required", "other_subheadings") if key in item]
                if changed:
                    raise self.error(
                        f"the type already has a '{kind}' section ('{by_kind[kind].heading}'): "
                        f"an extension may add aliases and subheadings to it, not change its {changed[0]}",
                        [*place, changed[0]],
                    )
            elif "heading" not in item:
                raise self.error(f"the new section '{kind}' needs a heading", place)
            names = [item.get("heading"), *(item.get("aliases") or ())]
            for offset, heading in enumerate(names):
                if heading is None:
                    continue
                other = headings.setdefault(heading_key(heading), kind)
                if other != kind:
                    field = ["heading"] if offset == 0 else ["aliases", offset - 1]
                    raise self.error(
                        f"the heading '{heading}' already names the '{other}' section", [*place, *field]
                    )

    def formats(self, spec: dict, where: list, kinds: tuple[str, ...]) -> None:
        """Layouts and variants name only the type's section kinds; dates are real and in order."""
        for index, layout in enumerate(spec.get("layouts") or ()):
            place = [*where, "layouts", index]
            days = {key: self._day(layout, key, place) for key in ("from", "until")}
            if days["from"] and days["until"] and days["from"] > days["until"]:
                raise self.error(f"layout '{layout['name']}' ends before it starts", [*place, "until"])
            self._each_kind(layout["required"], kinds, [*place, "required"])
            for number, order in enumerate(layout["orders"]):
                self._each_kind(order, kinds, [*place, "orders", number])
            for kind in layout.get("headings") or {}:
                self._kind(kind, kinds, [*place, "headings", kind])
        for index, variant in enumerate(spec.get("variants") or ()):
            place = [*where, "variants", index]
            self._kind(variant["when"], kinds, [*place, "when"])
            for number, order in enumerate(variant.get("orders") or ()):
                self._each_kind(order, kinds, [*place, "orders", number])
            self._each_kind(variant.get("required") or [], kinds, [*place, "required"])

    def _day(self, layout: dict, key: str, place: list) -> dt.date | None:
        if key not in layout:
            return None
        try:
            return dt.date.fromisoformat(layout[key])
        except ValueError:
            raise self.error(f"'{layout[key]}' is not a date", [*place, key]) from None

    def _each_kind(self, named: list[str], kinds: tuple[str, ...], place: list) -> None:
        for index, kind in enumerate(named):
            self._kind(kind, kinds, [*place, index])

    def _kind(self, kind: str, kinds: tuple[str, ...], place: list) -> None:
        if kind not in kinds:
            message = f"no section of kind '{kind}' in this letter type (its kinds: {', '.join(kinds)})"
            raise self.error(message, place)


def key_node(root, where: list):
    """The key node of the entry at `where` (a type's name, a heading's kind)."""
    import yaml

    parent = node_at(root, where[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _value in parent.value:
            if key.value == where[-1]:
                return key
    return node_at(root, where)


def _dates_as_text(value):
    """YAML reads 2021-06-30 as a date; the schema and the checks read text."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validate(data, root, path: str) -> None:
    """The file against rules/letter_types.schema.json: the first error, at its line."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        place = list(error.absolute_path)
        if "propertyNames" in error.relative_schema_path:  # a bad name: point at the name
            place.append(error.instance)
            raise RulePackError(f"{error.message} (at {where})", path, *position(key_node(root, place)))
        raise RulePackError(f"{error.message} (at {where})", path, *position(node_at(root, place)))
