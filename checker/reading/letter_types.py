"""Letter types (focused visit, monitoring visit, ...) loaded from YAML.

A letter type says how its title and opening identify it, which headed
sections it has in which order, and what its closing statement says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from checker.resources import resource_path


@dataclass(frozen=True, slots=True)
class SectionSpec:
    kind: str
    heading: str
    aliases: tuple[str, ...]
    required: bool
    subheadings: tuple[str, ...] = ()
    other_subheadings: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.heading, *self.aliases)

    def takes_subheading(self, heading: str) -> bool:
        """Does `heading` head a part of this section ('Areas of strength' in
        the findings) rather than a section of its own?"""
        return heading_key(heading) in {heading_key(name) for name in self.subheadings}


@dataclass(frozen=True, slots=True)
class Layout:
    """One format of a letter type: when it was used, which sections it
    requires, the orders they may take and the headings it gives them."""

    name: str
    start: dt.date | None
    end: dt.date | None
    required: tuple[str, ...]
    orders: tuple[tuple[str, ...], ...]
    headings: tuple[tuple[str, str], ...] = ()

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def heading_for(self, kind: str, default: str) -> str:
        return dict(self.headings).get(kind, default)


@dataclass(frozen=True, slots=True)
class Variant:
    """What a letter that has a section of kind `when` may also look like
    (more `orders`) and must also have (`required` section kinds)."""

    when: str
    orders: tuple[tuple[str, ...], ...] = ()
    required: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one object per definition
class LetterType:
    name: str
    label: str
    title: tuple[re.Pattern, ...]
    opening: tuple[re.Pattern, ...]
    closing: tuple[re.Pattern, ...]
    sections: tuple[SectionSpec, ...] = field(default=())
    layouts: tuple[Layout, ...] = field(default=())
    variants: tuple[Variant, ...] = field(default=())
    after_closing: tuple[re.Pattern, ...] = field(default=())
    headings_by_key: dict[str, str] = field(init=False, repr=False)  # heading key -> section kind

    def __post_init__(self) -> None:
        by_key = {heading_key(name): spec.kind for spec in self.sections for name in spec.names}
        object.__setattr__(self, "headings_by_key", by_key)

    def spec(self, kind: str) -> SectionSpec | None:
        return next((spec for spec in self.sections if spec.kind == kind), None)

    def orders_for(self, layout: Layout, kinds: set[str]) -> tuple[tuple[str, ...], ...]:
        """The layout's orders, and those of the variants the letter's sections call for."""
        extra = tuple(order for variant in self.variants if variant.when in kinds for order in variant.orders)
        return layout.orders + extra

    def required_for(self, layout: Layout, kinds: set[str]) -> tuple[str, ...]:
        """The sections the layout requires, and those the variants the
        letter's sections call for require (priority actions come with what
        needs to improve)."""
        extra = tuple(kind for variant in self.variants if variant.when in kinds for kind in variant.required)
        return layout.required + tuple(kind for kind in dict.fromkeys(extra) if kind not in layout.required)

    def section_kind(self, heading: str, fuzzy: float = 0.85) -> str | None:
        """The section kind a heading names; near misses (typos) count too."""
        import difflib

        key = heading_key(heading)
        by_key = self.headings_by_key
        if key in by_key:
            return by_key[key]
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=fuzzy)
        return by_key[close[0]] if close else None


NEAR_HEADING = 0.85  # how like a known heading a short plain line must be to read as a misspelt one


@cache
def heading_key(heading: str) -> str:
    """Compare headings ignoring case, markup, curly quotes and punctuation."""
    text = heading.replace("’", "'").replace("*", "").lower()
    text = re.sub(r"(?<=[a-z?:.])\d{1,2}$", "", text.rstrip())  # a footnote mark: "practice?1"
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


def _patterns(items: list[str] | None) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items or ())


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _layouts(spec: dict, sections: tuple[SectionSpec, ...]) -> tuple[Layout, ...]:
    """The type's layouts; without any, one made from its sections."""
    items = spec.get("layouts")
    if not items:
        return (
            Layout(
                name="standard format",
                start=None,
                end=None,
                required=tuple(s.kind for s in sections if s.required),
                orders=(tuple(s.kind for s in sections),),
            ),
        )
    return tuple(
        Layout(
            name=item["name"],
            start=_day(item.get("from")),
            end=_day(item.get("until")),
            required=tuple(item.get("required") or ()),
            orders=tuple(tuple(order) for order in item.get("orders") or ()),
            headings=tuple((item.get("headings") or {}).items()),
        )
        for item in items
    )


class LetterTypes(Mapping[str, LetterType]):
    """The letter types one configuration knows, by name: lettercheck's own
    (rules/letter_types.yaml) and those of its rule folders, with what is
    worked out once from all of them: the headings any type knows, the
    section kinds, the patterns that recognise a title or a closing statement.
    `origins` says where each type was defined and extended (`file:line`)."""

    def __init__(self, by_name: dict[str, LetterType], origins: dict[str, tuple[str, ...]] | None = None):
        self._by_name = dict(by_name)
        self.origins = dict(origins or {})
        self.known_headings: dict[str, str] = {}  # heading key -> section kind (first type wins)
        for letter_type in self._by_name.values():
            for spec in letter_type.sections:
                for name in spec.names:
                    self.known_headings.setdefault(heading_key(name), spec.kind)
        # the first word of every known heading: most lines start with none of them
        self.heading_first_words = frozenset(key.split()[0] for key in self.known_headings if key)
        kinds = {spec.kind for letter_type in self._by_name.values() for spec in letter_type.sections}
        self.section_kinds: tuple[str, ...] = (*sorted(kinds), "other")  # `other`: a heading no type knows
        self.titles = tuple(p for letter_type in self._by_name.values() for p in letter_type.title)
        self.closings = tuple(p for letter_type in self._by_name.values() for p in letter_type.closing)
        self.openings = tuple(p for letter_type in self._by_name.values() for p in letter_type.opening)
        # a label's first word misspelt ('Focussed visit to ...'): its first three letters, then the rest
        starts = sorted(
            {re.escape(t.label.split()[0][:3]) for t in self._by_name.values() if t.label.split()}
        )
        self._misspelt_title = re.compile(
            rf"^(?:{'|'.join(starts)})\w*\s+visit\s+(?:to|of)\s+\S", re.IGNORECASE
        )
        self.after_closings = tuple(p for t in self._by_name.values() for p in t.after_closing)

    def __getitem__(self, name: str) -> LetterType:
        return self._by_name[name]

    def __iter__(self):
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def near_known_heading(self, text: str) -> bool:
        """Is `text` a near miss of a heading some type knows ('Findngs',
        'Overveiw')? A plain line like that is a misspelt heading (STR012
        names it), not the start of a paragraph."""
        import difflib

        key = heading_key(text)
        if not key or key in self.known_headings:
            return bool(key)
        return bool(difflib.get_close_matches(key, self.known_headings, n=1, cutoff=NEAR_HEADING))

    def reads_as_title(self, text: str) -> bool:
        """Does `text` name a letter type as its title does ('Focused visit to ...')?"""
        return any(pattern.search(text) for pattern in self.titles)

    def reads_as_misspelt_title(self, text: str) -> bool:
        """Is `text` a title whose first word is misspelt ('Focussed visit to
        ...'), however it ends? STR015 names it."""
        return bool(self._misspelt_title.match(text))

    def reads_as_visit_statement(self, text: str) -> bool:
        """Does `text` state the visit as an opening does ('This letter
        summarises the findings of a focused visit to ...')?"""
        return any(pattern.search(text) for pattern in self.openings)

    def reads_as_closing(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.closings)

    def reads_as_after_closing(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.after_closings)


def _section(item: dict) -> SectionSpec:
    return SectionSpec(
        kind=item["kind"],
        heading=item["heading"],
        aliases=tuple(item.get("aliases") or ()),
        required=bool(item.get("required", False)),
        subheadings=tuple(item.get("subheadings") or ()),
        other_subheadings=bool(item.get("other_subheadings", False)),
    )


def _variants(spec: dict) -> tuple[Variant, ...]:
    return tuple(
        Variant(
            item["when"],
            tuple(tuple(order) for order in item.get("orders") or ()),
            tuple(item.get("required") or ()),
        )
        for item in spec.get("variants") or ()
    )


def parse_letter_type(name: str, spec: dict) -> LetterType:
    """One letter type from its YAML definition (checked beforehand)."""
    sections = tuple(_section(item) for item in spec.get("sections") or ())
    return LetterType(
        name=name,
        label=spec.get("label", name.replace("_", " ")),
        title=_patterns(spec.get("title")),
        opening=_patterns(spec.get("opening")),
        closing=_patterns(spec.get("closing")),
        sections=sections,
        layouts=_layouts(spec, sections),
        variants=_variants(spec),
        after_closing=_patterns(spec.get("after_closing")),
    )


def extend_letter_type(base: LetterType, spec: dict) -> LetterType:
    """`base` with what an `extend_letter_types` entry adds: patterns, aliases
    and subheadings of its sections, new sections, layouts and variants."""
    additions = {item["kind"]: item for item in spec.get("sections") or ()}
    sections = []
    for section in base.sections:
        more = additions.pop(section.kind, None)
        if more is not None:
            section = replace(
                section,
                aliases=section.aliases + tuple(more.get("aliases") or ()),
                subheadings=section.subheadings + tuple(more.get("subheadings") or ()),
            )
        sections.append(section)
    sections.extend(_section(item) for item in additions.values())  # new kinds, in the order written
    layouts = base.layouts + (_layouts(spec, ()) if spec.get("layouts") else ())
    return replace(
        base,
        title=base.title + _patterns(spec.get("title")),
        opening=base.opening + _patterns(spec.get("opening")),
        closing=base.closing + _patterns(spec.get("closing")),
        after_closing=base.after_closing + _patterns(spec.get("after_closing")),
        sections=tuple(sections),
        layouts=layouts,
        variants=base.variants + _variants(spec),
    )


def parse_letter_types(data: dict, origin: str = "") -> LetterTypes:
    types = {name: parse_letter_type(name, spec) for name, spec in (data.get("letter_types") or {}).items()}
    return LetterTypes(types, {name: (origin,) for name in types} if origin else None)


@cache
def load_letter_types() -> LetterTypes:
    """lettercheck's own letter types (rules/letter_types.yaml), read once per
    process; a configuration's rule folders may add to them
    (checker.checking.letter_type_files)."""
    from checker.prebuilt import shipped_yaml

    path = resource_path("rules") / "letter_types.yaml"
    prebuilt = shipped_yaml(path)  # read ahead of time while unchanged
    if prebuilt is not None:
        return parse_letter_types(prebuilt["data"], str(path))
    from checker.checking.bounded_yaml import load

    _root, data = load(path.read_text(encoding="utf-8"), trusted=True)
    return parse_letter_types(data, str(path))
