"""Which format (layout) of its letter type a letter follows, and where it
departs from it: missing sections, sections out of order, repeated ones.

Letter formats changed over the years (Overview became Headline findings,
pandemic letters had no overview, priority actions come and go), so the
structure rules compare a letter with each layout in use at its date and
keep the one it fits best. The analysis is made once per letter and shared by
STR001, STR002 and STR013, so that one defect gives one diagnostic: a second
'Headline findings' where 'Main findings' belongs is one misnamed heading,
not a duplicate, a missing section and a section out of order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.model import Letter, Section
from checker.reading.letter_types import Layout, LetterType, heading_key


@dataclass(slots=True)
class Misplaced:
    section: Section
    after: Section


@dataclass(slots=True)
class Repeated:
    section: Section
    first: Section
    meant: str | None = None  # the kind it stands in for, when that one is missing


@dataclass(slots=True)
class Fit:
    layout: Layout
    missing: list[str] = field(default_factory=list)
    misplaced: list[Misplaced] = field(default_factory=list)
    repeated: list[Repeated] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return len(self.missing) + len(self.misplaced) + len(self.repeated)


def best_fit(letter: Letter) -> Fit | None:
    """The layout the letter fits best, with its departures (`letter.facts.format_fit` keeps it)."""
    letter_type = letter.type_spec
    if letter_type is None:
        return None
    day = letter.letter_date or (max(letter.visit_dates) if letter.visit_dates else None)
    layouts = [layout for layout in letter_type.layouts if layout.covers(day)] or list(letter_type.layouts)
    fits = [_fit(letter, letter_type, layout) for layout in layouts]
    # Fewest problems; between equals, the format whose headings the letter uses.
    return min(fits, key=lambda found: (found.problems, -_own_headings(letter, found.layout)))


def _own_headings(letter: Letter, layout: Layout) -> int:
    """How many of the letter's headings are the ones this format gives."""
    named = {kind: heading_key(heading) for kind, heading in layout.headings}
    return sum(1 for s in letter.sections if named.get(s.kind) == heading_key(s.heading.value))


def _fit(letter: Letter, letter_type: LetterType, layout: Layout) -> Fit:
    found = Fit(layout)
    first: dict[str, Section] = {}
    repeats: list[Section] = []
    exact = {heading_key(name) for spec in letter_type.sections for name in spec.names}
    for section in letter.sections:
        if section.kind == "other":
            continue
        if section.kind in first:
            if heading_key(section.heading.value) in exact:  # a misspelt one is STR012's
                repeats.append(section)
        else:
            first[section.kind] = section
    missing = [kind for kind in letter_type.required_for(layout, set(first)) if kind not in first]
    orders = letter_type.orders_for(layout, set(first))
    # A repeated heading standing where a missing section belongs is that
    # section misnamed ("Headline findings" twice, no "Main findings").
    for section in repeats:
        as_it_is = len(_misplaced(first, letter.sections, orders))
        meant = next(
            (
                kind
                for kind in missing
                if len(_misplaced({**first, kind: section}, letter.sections, orders)) <= as_it_is
            ),
            None,
        )
        if meant:
            missing.remove(meant)
            first[meant] = section
        found.repeated.append(Repeated(section, _first_of(letter, section), meant))
    found.missing = missing
    found.misplaced = _misplaced(first, letter.sections, orders)
    return found


def _first_of(letter: Letter, section: Section) -> Section:
    return next(s for s in letter.sections if s.kind == section.kind)


def _misplaced(
    first: dict[str, Section], sections: list[Section], orders: tuple[tuple[str, ...], ...]
) -> list[Misplaced]:
    """Sections out of order against the order the letter follows most closely."""
    sequence = [(kind, section) for kind, section in first.items()]
    position = {id(s): i for i, s in enumerate(sections)}
    sequence.sort(key=lambda pair: position[id(pair[1])])
    best: list[Misplaced] | None = None
    for order in orders:
        rank = {kind: index for index, kind in enumerate(order)}
        problems: list[Misplaced] = []
        highest: tuple[str, Section] | None = None
        for kind, section in sequence:
            if kind not in rank:
                continue
            if highest is not None and rank[kind] < rank[highest[0]]:
                problems.append(Misplaced(section, highest[1]))
            elif highest is None or rank[kind] > rank[highest[0]]:
                highest = (kind, section)
        if best is None or len(problems) < len(best):
            best = problems
    return best or []
