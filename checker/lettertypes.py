"""Letter types (focused visit, monitoring visit, ...) loaded from YAML.

A letter type says how its title and opening identify it, which headed
sections it has in which order, and what its closing statement says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker.resources import resource_path


@dataclass(frozen=True, slots=True)
class SectionSpec:
    kind: str
    heading: str
    aliases: tuple[str, ...]
    required: bool

    @property
    def names(self) -> tuple[str, ...]:
        return (self.heading, *self.aliases)


@dataclass(frozen=True, slots=True)
class LetterType:
    name: str
    label: str
    title: tuple[re.Pattern, ...]
    opening: tuple[re.Pattern, ...]
    closing: tuple[re.Pattern, ...]
    sections: tuple[SectionSpec, ...] = field(default=())

    def section_kind(self, heading: str, fuzzy: float = 0.85) -> str | None:
        """The section kind a heading names; near misses (typos) count too."""
        import difflib

        key = heading_key(heading)
        by_key = _headings_by_key(self)
        if key in by_key:
            return by_key[key]
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=fuzzy)
        return by_key[close[0]] if close else None


@cache
def heading_key(heading: str) -> str:
    """Compare headings ignoring case, markup, curly quotes and punctuation."""
    text = heading.replace("’", "'").replace("*", "").lower()
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


@cache
def _headings_by_key(letter_type: LetterType) -> dict[str, str]:
    return {heading_key(name): spec.kind for spec in letter_type.sections for name in spec.names}


def _patterns(items: list[str] | None) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items or ())


def parse_letter_types(data: dict) -> dict[str, LetterType]:
    types: dict[str, LetterType] = {}
    for name, spec in (data.get("letter_types") or {}).items():
        sections = tuple(
            SectionSpec(
                kind=item["kind"],
                heading=item["heading"],
                aliases=tuple(item.get("aliases") or ()),
                required=bool(item.get("required", False)),
            )
            for item in spec.get("sections") or ()
        )
        types[name] = LetterType(
            name=name,
            label=spec.get("label", name.replace("_", " ")),
            title=_patterns(spec.get("title")),
            opening=_patterns(spec.get("opening")),
            closing=_patterns(spec.get("closing")),
            sections=sections,
        )
    return types


@cache
def load_letter_types(path: Path | None = None) -> dict[str, LetterType]:
    import yaml

    path = path or resource_path("rules") / "letter_types.yaml"
    with open(path, encoding="utf-8") as handle:
        return parse_letter_types(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def known_headings(types: dict[str, LetterType]) -> dict[str, str]:
    """heading key -> section kind, over every letter type (computed once)."""
    return _known_headings(tuple(types.values()))


@cache
def _known_headings(types: tuple[LetterType, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for letter_type in types:
        for spec in letter_type.sections:
            for name in spec.names:
                found.setdefault(heading_key(name), spec.kind)
    return found
