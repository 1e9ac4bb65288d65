"""The QA pack as plain data: what each letter's page and the index show.

Facts come from the letter model, the engine's diagnostics and the alignment
links; the templates only lay them out (as rich renders data it is given).
Every id on a page is prefixed with the letter's key, so several letters can
share one document.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from checker.diagnostics import SEVERITIES, Diagnostic, place_words
from checker.output.annotate import AnnotatedLine, annotate
from checker.output.escape import visible
from checker.reading.document import Place

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(slots=True)
class Problem:
    """One diagnostic, as the page shows it."""

    id: str
    rule: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    help: str
    fix: str | None
    part: str  # the part of the letter it is in ("Findings", "Letter head and opening")
    location: str = ""  # where it starts, short: "14:5", "page 2:14:5", "paragraph 12:40"
    where: str = ""  # the same in words: "line 14, column 5", "page 2, line 14, column 5"


@dataclass(slots=True)
class Evidence:
    """A finding (or overview paragraph) that supports a recommendation or evaluates an area."""

    line: int
    text: str
    score: float
    terms: list[str]
    kind: str


@dataclass(slots=True)
class LinkCard:
    """A recommendation or an area covered, beside the findings linked to it."""

    id: str
    number: int
    line: int
    text: str
    evidence: list[Evidence]
    problems: list[Problem]  # the ALIGN diagnostics reported on it
    missing_topics: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OutlineRow:
    name: str
    kind: str
    first_line: int
    last_line: int
    paragraphs: int | None
    bullets: int | None
    words: int | None
    counts: dict[str, int]


@dataclass(slots=True)
class TimelineRow:
    date: dt.date | None  # for a month ("October 2016"), its first day
    shown: str  # the date as the table shows it
    event: str
    as_written: str
    line: int
    column: int
    when: str  # where the date falls against the visit and the letter
    problems: list[Problem] = field(default_factory=list)  # diagnostics reported on these words


@dataclass(slots=True)
class LetterPage:
    key: str
    path: str
    file_name: str
    heading: str
    letter_type: str
    letter_date: str | None
    readable: bool
    problems: list[Problem]
    counts: dict[str, int]
    lines: list[AnnotatedLine]
    blocks: dict[int, int]  # line -> first line of the body block it belongs to
    unplaced: list[Problem]
    facts: list[tuple[str, str | None]] = field(default_factory=list)
    outline: list[OutlineRow] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)
    visit_note: str | None = None
    inspectors: list[dict] = field(default_factory=list)
    signatory: dict | None = None
    recommendations: list[LinkCard] = field(default_factory=list)
    areas: list[LinkCard] = field(default_factory=list)
    rule_set: str = ""
    kind: str = "text"  # text | pdf | docx: what the letter's lines are in the file
    starts: dict[int, Place] = field(default_factory=dict)  # PDF, Word: line -> where it starts

    @property
    def has_parts(self) -> bool:
        """Does the gutter name a Word file's header or footer ('header ¶1')?"""
        return any(place.part for place in self.starts.values())

    @property
    def rules_fired(self) -> list[tuple[str, int]]:
        return sorted(Counter(p.rule for p in self.problems).items())

    def at(self, line: int) -> str:
        """Where a line of the shown text is in the file, in words: "line 37";
        in a PDF "page 2, line 14"; in a Word file "paragraph 12"."""
        place = self.starts.get(line)
        if place is None:
            return "between paragraphs" if self.starts else f"line {line}"
        return place_words(self.kind, place, column=False)

    def gutter(self, line: int) -> str:
        """The number shown beside a line of the text: its line; in a PDF
        `page:line` where it starts; in a Word file `¶` and its paragraph
        (`header ¶1` for one of the page header's, not the body's first)."""
        place = self.starts.get(line)
        if place is None:
            return "" if self.starts else str(line)
        if self.kind == "pdf":
            return f"{place.page}:{place.line}"
        return f"{place.part} ¶{place.line}" if place.part else f"¶{place.line}"

    def lines_between(self, first: int, last: int) -> str:
        """The outline's range of lines, in the file's own numbering."""
        if not self.starts:
            return f"{first}–{last}"
        return f"{self.gutter(self._placed(first, 1))}–{self.gutter(self._placed(last, -1))}"

    def _placed(self, line: int, step: int) -> int:
        """The nearest line at or beyond `line` (in direction `step`) with a place."""
        lowest, highest = min(self.starts, default=line), max(self.starts, default=line)
        while line not in self.starts and lowest <= line <= highest:
            line += step
        return line

    @property
    def headings(self) -> dict[str, str]:
        """Column headings for positions: the file's own units."""
        if self.kind == "pdf":
            return {"lines": "Page:line", "position": "Page:line:col"}
        if self.kind == "docx":
            return {"lines": "¶", "position": "¶:char"}
        return {"lines": "Lines", "position": "Line:col"}


@dataclass(slots=True)
class RuleCount:
    rule: str
    category: str
    severity: str
    occurrences: int
    letters: int


def long_date(day: dt.date | None) -> str | None:
    from checker.reading.written_dates import format_long_date

    return format_long_date(day) if day else None


def letter_page(result, number: int, file_name: str) -> LetterPage:
    """The page of one checked letter (`result` from `api.report_paths`)."""
    key = f"l{number}-"
    letter = result.letter
    diagnostics: list[Diagnostic] = result.diagnostics
    lines = result.lines
    parts = _parts(letter) if letter is not None and not result.unreadable else []
    problems = [_problem(key, i, d, parts) for i, d in enumerate(diagnostics)]
    annotated, outside = annotate(lines, diagnostics)
    readable = letter is not None and not result.unreadable
    page = LetterPage(
        key=key,
        path=visible(result.path),
        file_name=file_name,
        heading=visible(letter.title.value) if readable and letter.title else visible(result.path),
        letter_type=(letter.letter_type if readable else "unknown").replace("_", " "),
        letter_date=long_date(letter.letter_date) if readable else None,
        readable=readable,
        problems=problems,
        counts=_counts(diagnostics),
        lines=annotated,
        blocks={},
        unplaced=[problems[i] for i in outside],
        kind=result.kind,
    )
    if result.document is not None:
        page.starts = {n: origins[0][1] for n, origins in enumerate(result.document.origins, 1) if origins}
    if not readable:
        return page
    page.blocks = _block_lines(letter)
    page.facts = _facts(letter)
    if result.document is not None:
        page.facts.insert(0, ("Read from", _document_described(result.document)))
    page.outline = _outline(parts, letter, diagnostics)
    page.timeline, page.visit_note = _timeline(letter)
    tagged = set()
    for row in page.timeline:  # a mention's problems are tagged once, on its first date
        if (row.line, row.column) not in tagged:
            tagged.add((row.line, row.column))
            row.problems = [p for p in problems if _covers(p, row.line, row.column)]
    page.inspectors, page.signatory = _people(letter)
    page.recommendations, page.areas = _cards(key, letter, result.alignment, problems)
    page.rule_set = rule_set(result.config) if result.config is not None else ""
    return page


def _problem(key: str, index: int, d: Diagnostic, parts) -> Problem:
    fix = None
    if d.fix:
        fix = d.fix.description
        if d.fix.replacement and d.fix.replacement not in fix:
            fix += f" (replace with '{d.fix.replacement}')"
    return Problem(
        id=f"{key}d{index + 1}",
        rule=d.rule,
        category=d.category,
        severity=d.severity,
        line=d.span.line,
        column=d.span.column,
        end_line=d.span.end_line,
        end_column=d.span.end_column,
        message=visible(d.message),
        help=visible(d.help),
        fix=visible(fix) if fix else None,
        part=next((name for name, _kind, first, last, _s in parts if first <= d.span.line <= last), ""),
        location=visible(d.location),
        where=d.location_words,
    )


def _covers(problem: Problem, line: int, column: int) -> bool:
    if not problem.line <= line <= problem.end_line:
        return False
    after_start = line > problem.line or column >= problem.column
    before_end = line < problem.end_line or column < problem.end_column
    return after_start and before_end


def _counts(diagnostics) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def _parts(letter) -> list[tuple[str, str, int, int, object]]:
    """(name, kind, first line, last line, section or None): the letter cut at
    its section headings and at its closing statement."""
    end = len(letter.lines)
    closing = next((t.line for t in (letter.closing, letter.sign_off, letter.signature) if t), None)
    starts = [s.line for s in letter.sections]
    parts = []
    first_body = starts[0] if starts else (closing or end + 1)
    if first_body > 1:
        parts.append(("Letter head and opening", "head", 1, first_body - 1, None))
    for index, section in enumerate(letter.sections):
        following = starts[index + 1] if index + 1 < len(starts) else None
        if following is None and closing and closing > section.line:
            following = closing
        last = (following - 1) if following else end
        parts.append((visible(section.heading.value), section.kind, section.line, last, section))
    if closing and (not starts or closing > starts[-1]):
        parts.append(("Closing and signature", "closing", closing, end, None))
    return parts


def _outline(parts, letter, diagnostics) -> list[OutlineRow]:
    rows = []
    for name, kind, first, last, section in parts:
        counts = _counts(d for d in diagnostics if first <= d.span.line <= last)
        if section is not None:
            sizes = (len(section.paragraphs), len(section.bullets), section.words)
        elif kind == "head":
            sizes = (len(letter.opening), None, sum(len(b.text.value.split()) for b in letter.opening))
        else:
            sizes = (None, None, None)
        rows.append(OutlineRow(name, kind, first, last, *sizes, counts))
    return rows


def _block_lines(letter) -> dict[int, int]:
    """line -> the first line of the body block (paragraph, bullet) it is part of."""
    owner: dict[int, int] = {}
    for block in letter.body_blocks():
        span = block.text.span()
        for line in range(span.line, span.end_line + 1):
            owner.setdefault(line, span.line)
    return owner


def _document_described(document) -> str:
    """What the letter was read from: "a PDF of 5 pages (its structure tags)"."""
    if document.kind == "pdf":
        pages = f"{document.pages} page{'s' if document.pages != 1 else ''}"
        how = "its structure tags" if document.tagged else "its layout: it has no structure tags"
        return f"a PDF of {pages} (paragraphs from {how})"
    marks = len(document.review)
    return f"a Word file with {marks} tracked change{'s' if marks != 1 else ''} or comment{'s' if marks != 1 else ''}"


def _facts(letter) -> list[tuple[str, str | None]]:
    recipient = letter.recipient
    who = None
    if recipient:
        who = ", ".join(
            v for v in (recipient.name, recipient.job_title, recipient.organisation, recipient.postcode) if v
        )
    visit = ", ".join(long_date(d) for d in letter.visit_dates) or None

    def text(value) -> str | None:
        return visible(value.value) if value else None

    return [
        ("Letter type", letter.letter_type.replace("_", " ")),
        ("Title", text(letter.title)),
        ("Local authority", visible(letter.local_authority) if letter.local_authority else None),
        ("Letter date", long_date(letter.letter_date)),
        ("Visit", visit),
        ("Recipient", visible(who) if who else None),
        ("Salutation", text(letter.salutation)),
        ("Closing statement", text(letter.closing)),
        ("Sign-off", text(letter.sign_off)),
    ]


def _timeline(letter) -> tuple[list[TimelineRow], str | None]:
    """Every date in the letter (visit days, letter date, dates and months
    mentioned), in date order, placed against the visit and the letter date."""
    visit = letter.visit_dates
    first, last = (min(visit), max(visit)) if visit else (None, None)
    rows = _date_rows(letter, first, last)
    rows += _month_rows(letter, first)
    rows.sort(key=lambda r: (r.date is None, r.date or dt.date.min, r.line, r.column))
    note = None
    if last and letter.letter_date:
        days = (letter.letter_date - last).days
        if days >= 0:
            note = f"The letter is dated {days} day{'s' if days != 1 else ''} after the last visit day."
        else:
            note = f"The letter is dated {-days} day{'s' if days != -1 else ''} before the last visit day."
    return rows, note


def _date_rows(letter, first, last) -> list[TimelineRow]:
    visit_at = letter.visit.text.span() if letter.visit else None
    rows = []
    for written in letter.facts.dates:
        span = written.span
        if written.text is letter.date_line:
            event = "letter dated"
        elif visit_at and (span.line, span.column) == (visit_at.line, visit_at.column):
            event = "visit"
        else:
            event = "mentioned"
        as_written = visible(written.match.group())
        for day in written.days:
            when = _when(day, first, last, letter.letter_date) if day else "not a real date"
            rows.append(
                TimelineRow(day, long_date(day) or "—", event, as_written, span.line, span.column, when)
            )
    return rows


def _month_rows(letter, first) -> list[TimelineRow]:
    """The months mentioned ("in October 2016") outside the dates read in full."""
    from checker.facts.date_mentions import texts_with_dates
    from checker.reading.written_dates import MONTH_YEAR, format_month, read_month

    taken: dict[int, list[tuple[int, int]]] = {}  # id(text) -> spans read as full dates
    for written in letter.facts.dates:
        taken.setdefault(id(written.text), []).append(written.match.span())
    rows = []
    for text in texts_with_dates(letter):
        if text is letter.date_line or not _YEAR.search(text.value):
            continue  # no year, no month to place: skip the costly pattern
        for match in MONTH_YEAR.finditer(text.value):
            if any(start <= match.start() < end for start, end in taken.get(id(text), ())):
                continue
            month = read_month(match.group())
            span = text.span(*match.span())
            when = _month_when(month, first, letter.letter_date)
            shown = visible(match.group())
            rows.append(
                TimelineRow(
                    month, format_month(month), "month mentioned", shown, span.line, span.column, when
                )
            )
    return rows


def _month_when(month: dt.date, first, letter_date) -> str:
    if first is None:
        return ""
    if (month.year, month.month) < (first.year, first.month):
        return "before the visit"
    if (month.year, month.month) == (first.year, first.month):
        return "the month of the visit"
    if letter_date and (month.year, month.month) > (letter_date.year, letter_date.month):
        return "after the letter date"
    return "after the visit"


def _when(day: dt.date, first, last, letter_date) -> str:
    if first and day < first:
        return "before the visit"
    if first and day <= last:
        return "during the visit"
    if letter_date and day == letter_date:
        return "the letter date"
    if letter_date and day > letter_date:
        return "after the letter date"
    return "after the visit" if first else ""


def _people(letter) -> tuple[list[dict], dict | None]:
    signatory = letter.signatory
    rows = [
        {
            "name": visible(p.name),
            "role": p.role,
            "role_text": visible(p.role_text) if p.role_text else None,
            "lead": index == 0,
            "signs": signatory is not None and p.name == signatory.name,
        }
        for index, p in enumerate(letter.inspectors)
    ]
    signed = None
    if signatory is not None:
        signed = {
            "name": visible(signatory.name),
            "as": visible(signatory.role_text) if signatory.role_text else None,
            "named": any(p.name == signatory.name for p in letter.inspectors),
            "line": letter.signature.line if letter.signature else None,
        }
    return rows, signed


def _cards(key: str, letter, alignment, problems: list[Problem]) -> tuple[list[LinkCard], list[LinkCard]]:
    evidence_text = {b.line: visible(b.text.value) for b in letter.body_blocks()}
    links = alignment.links if alignment else {}
    area_links = alignment.areas if alignment else {}
    unmentioned = alignment.unmentioned if alignment else {}

    def card(prefix: str, number: int, block, found, rule: str) -> LinkCard:
        return LinkCard(
            id=f"{key}{prefix}{number}",
            number=number,
            line=block.line,
            text=visible(block.text.value),
            evidence=[
                Evidence(link.line, evidence_text.get(link.line, ""), link.score, link.terms, link.kind)
                for link in found
            ],
            problems=[p for p in problems if p.rule == rule and p.line == block.line],
            missing_topics=list(unmentioned.get(block.line, [])) if prefix == "rec" else [],
        )

    recommendations = [
        card("rec", n, block, links.get(block.line, []), "ALIGN001")
        for n, block in enumerate(letter.recommendations, start=1)
    ]
    section = letter.section("areas_covered")
    areas = [
        card("area", n, block, area_links.get(block.line, []), "ALIGN002")
        for n, block in enumerate(section.bullets if section else [], start=1)
    ]
    return recommendations, areas


@cache
def rule_set(config) -> str:
    """What judged the letter: the rules selected, their packs, the configuration."""
    from checker.checking.engine import engine_for
    from checker.checking.rule_packs import core_dir

    rules = engine_for(config).rules
    core = str(core_dir())
    packs = Counter("core pack" if r.origin.startswith(core) else _pack_name(r.origin) for r in rules)
    described = f"{len(rules)} rules ({', '.join(f'{name}: {n}' for name, n in packs.items())})"
    where = f"configuration {os.path.relpath(config.path)}" if config.path else "default configuration"
    chosen = [
        f"{name} {', '.join(values)}"
        for name, values in (("select", config.select), ("ignore", config.ignore))
        if values
    ]
    return " · ".join([described, where, *chosen])


def _pack_name(origin: str) -> str:
    return os.path.basename(os.path.dirname(origin.rsplit(":", 1)[0])) or "user rules"


def rule_counts(pages: list[LetterPage]) -> list[RuleCount]:
    """Problems per rule across the pack, the most frequent first."""
    found: dict[str, RuleCount] = {}
    for page in pages:
        seen = set()
        for p in page.problems:
            entry = found.setdefault(p.rule, RuleCount(p.rule, p.category, p.severity, 0, 0))
            entry.occurrences += 1
            if p.rule not in seen:
                entry.letters += 1
                seen.add(p.rule)
    return sorted(found.values(), key=lambda r: (-r.occurrences, r.rule))
