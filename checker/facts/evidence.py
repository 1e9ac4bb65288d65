"""Link recommendations to the findings that support them.

Each recommendation, finding and overview paragraph becomes a bag of terms
(checker/facts/vocabulary.py: stems, word families, synonym concepts). Terms are
weighted by TF-IDF across the letter's own blocks, so words every paragraph
shares ("children", "practice") count for little, and the findings most
similar to a recommendation (cosine) are its candidate evidence. The
recommendation is supported when that evidence names what it is about: every
domain topic it names (adoption, fostering...) and most of its other topic
words. Deterministic and fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from checker.facts.vocabulary import Unit, Vocabulary, load, terms, topic_units, word_families
from checker.model import Block, Letter

DEFAULTS = {"threshold": 0.05, "max_links": 4, "area_threshold": 0.08, "min_coverage": 0.3}

# a recommendation whose words the findings name nearly all, though in
# different paragraphs, is supported by them together
SPREAD_COVERAGE = 0.75

# a purpose clause says why, not what: "..., so that children ...", "... to help families ...",
# "..., which ..." (but not "the point at which ...": a relative clause is part of the topic)
_PURPOSE = re.compile(
    r",?\s+(?:so that|so they|to ensure|in order to|to make sure|to help|to enable|to build|to inform|to drive)\b"
    r"|,\s*which\b",  # "..., which will" (not "the point at which", "plans which are late")
    re.IGNORECASE,
)

# A recommendation that states its own evidence: letters of 2018-19 list what
# needs to improve as findings ("Case recording is too variable. Where case
# summaries are up to date, ..."). Its first sentence says how things are (a
# finite verb, no "should", "needs to", "ensure"...), and more follows.
_DIRECTIVE = re.compile(r"\b(?:should|must|needs?|ought|ensure|required|is to|are to|to be|will)\b", re.I)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|remains?|var(?:y|ies)|lacks?|focus(?:es)?|shows?|means?"
    r"|leads?|takes?|relies|rely|continues?)\b",
    re.IGNORECASE,
)
_IMPERATIVES = frozenset(
    [
        "ensure",
        "improve",
        "develop",
        "strengthen",
        "review",
        "increase",
        "reduce",
        "embed",
        "continue",
        "make",
        "provide",
        "establish",
        "address",
        "consider",
        "implement",
        "promote",
        "prioritise",
        "use",
        "undertake",
        "extend",
        "complete",
        "build",
        "drive",
        "sharpen",
        "raise",
        "evaluate",
        "monitor",
        "secure",
        "take",
    ]
)

# where a recommendation sits in a framework, not what it is about
_REFERENCE = re.compile(r"\([^()]*\b(?:national framework|enabler|outcome \d)[^()]*\)", re.IGNORECASE)


def states_its_evidence(value: str) -> bool:
    """Whether a recommendation is itself a finding, with its evidence: two
    sentences or more, the first a statement of how things are."""
    from checker.reading.sentences import sentences

    found = [m.group().strip() for m in sentences(_REFERENCE.sub(" ", value))]
    found = [sentence for sentence in found if sentence]
    if len(found) < 2:
        return False
    first = _PURPOSE.split(found[0], maxsplit=1)[0]
    opening = first.split()[0].strip("‘“'\"").lower() if first.split() else ""
    return bool(_FINITE.search(first)) and not _DIRECTIVE.search(first) and opening not in _IMPERATIVES


@dataclass(slots=True)
class Link:
    line: int
    score: float
    terms: list[str]
    kind: str = "finding"  # finding | overview | statement (the recommendation states its own evidence)


@dataclass(slots=True)
class Alignment:
    """What `lettercheck report` shows of a letter's evidence."""

    links: dict[int, list[Link]] = field(default_factory=dict)  # recommendation line -> support
    areas: dict[int, list[Link]] = field(default_factory=dict)  # area bullet line -> findings
    # unsupported recommendation line -> its topics (or else words) that no finding names
    unmentioned: dict[int, list[str]] = field(default_factory=dict)


def _fold(bag: Counter, family: dict[str, str]) -> Counter:
    """The bag with each word form counted as its family's stem."""
    if not family or family.keys().isdisjoint(bag):
        return bag
    folded: Counter = Counter()
    for term, count in bag.items():
        folded[family.get(term, term)] += count
    return folded


def _vectors(bags: list[Counter]) -> list[dict[str, float]]:
    """TF-IDF vectors (unit length) of the letter's blocks."""
    frequency: Counter = Counter()
    for counts in bags:
        frequency.update(counts.keys())
    total = len(bags)
    idf = {t: math.log(1 + total / f) for t, f in frequency.items()}
    vectors = []
    for counts in bags:
        vector = {t: idf[t] if c == 1 else (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit vectors: their dot product."""
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _shared(a: dict[str, float], b: dict[str, float]) -> list[str]:
    """Terms in both, the most telling first."""
    return sorted((t for t in a if t in b), key=lambda t: -a[t] * b[t])


def _covered(unit: Unit, evidence: set[str]) -> bool:
    """A phrase is covered by its concept or by one of its own words."""
    return (unit.concept is not None and unit.concept in evidence) or not unit.stems.isdisjoint(evidence)


class LetterSpace:
    """The letter's blocks as TF-IDF vectors: built once per letter and shared
    by every alignment rule and the report."""

    def __init__(self, letter: Letter) -> None:
        self.vocabulary: Vocabulary = load()
        corpus = letter.body_blocks()
        self._index = {id(block): i for i, block in enumerate(corpus)}
        bags = [terms(block.text.value, self.vocabulary) for block in corpus]
        self.family = word_families({t for counts, _ in bags for t in counts})
        self._vectors = _vectors([_fold(counts, self.family) for counts, _ in bags])
        self._surfaces = []
        for _, surface in bags:
            for term, word in list(surface.items()):
                surface.setdefault(self.family.get(term, term), word)
            self._surfaces.append(surface)
        overview = letter.section("overview")
        # every paragraph and bullet of the findings: a paragraph among bullets
        # (one carried over a page break, an introduction) is evidence too
        findings = letter.section("findings")
        self.findings = [b for b in findings.blocks if b.kind != "subheading"] if findings else []
        self.overview = overview.points if overview else []
        self.evidence_terms: set[str] = set()
        for block in self.findings + self.overview:
            self.evidence_terms.update(self.vector(block))

    def vector(self, block: Block) -> dict[str, float]:
        return self._vectors[self._index[id(block)]]

    def support(self, block: Block, candidates: list[Block], threshold: float, max_links: int) -> list[Link]:
        """The candidates most similar to `block`, best first, with the shared terms."""
        vector = self.vector(block)
        surface = self._surfaces[self._index[id(block)]]
        links = []
        for candidate in candidates:
            other = self.vector(candidate)
            score = _cosine(vector, other)
            if score >= threshold:
                kind = "overview" if candidate in self.overview else "finding"
                words = list(dict.fromkeys(surface.get(t, t) for t in _shared(vector, other)))[:5]
                links.append(Link(candidate.line, score, words, kind))
        links.sort(key=lambda link: -link.score)
        return links[:max_links]

    def topic(self, block: Block) -> list[Unit]:
        """What the recommendation is about: its text before a purpose clause
        (", so that ..."), less the words that frame it and references such
        as "(Enabler 2, national framework)"."""
        main = _PURPOSE.split(_REFERENCE.sub(" ", block.text.value), maxsplit=1)[0]
        return topic_units(main, self.vocabulary, self.family)

    def unmentioned_topics(self, units: list[Unit]) -> list[str]:
        """The domain topics (adoption, fostering...) named that no finding or
        overview paragraph mentions."""
        return [
            unit.surface
            for unit in units
            if unit.concept in self.vocabulary.topics and unit.concept not in self.evidence_terms
        ]

    def unmentioned_words(self, units: list[Unit]) -> list[str]:
        """The recommendation's topic words that no finding or overview paragraph uses."""
        return [unit.surface for unit in units if not _covered(unit, self.evidence_terms)]

    def coverage(self, units: list[Unit], links: list[Link]) -> float:
        """The share of the recommendation's topic that its linked evidence names."""
        linked = {link.line for link in links}
        evidence: set[str] = set()
        for candidate in self.findings + self.overview:
            if candidate.line in linked:
                evidence.update(self.vector(candidate))
        return _share(units, evidence)


def _share(units: list[Unit], evidence) -> float:
    """The weighted share of `units` that the terms in `evidence` name."""
    total = sum(unit.weight for unit in units)
    return sum(unit.weight for unit in units if _covered(unit, evidence)) / total if total else 1.0


def recommendation_links(letter: Letter, params: dict | None = None) -> tuple[dict, dict]:
    """recommendation line -> supporting links (empty: unsupported), and for
    each unsupported one, the domain topics no finding mentions, else its
    topic words that no finding uses."""
    params = {**DEFAULTS, **(params or {})}
    vs = letter.facts.evidence
    links: dict[int, list[Link]] = {}
    unmentioned: dict[int, list[str]] = {}
    evidence = vs.findings + vs.overview
    for block in letter.recommendations:
        units = vs.topic(block)
        missing = vs.unmentioned_topics(units)
        if missing:
            unmentioned[block.line] = missing
            links[block.line] = []
            continue
        found = []
        for candidates in (vs.findings, evidence):  # the findings first, the overview if need be
            found = vs.support(block, candidates, params["threshold"], params["max_links"])
            if vs.coverage(units, found) >= params["min_coverage"]:
                break
            found = []
        if not found and _share(units, vs.evidence_terms) >= SPREAD_COVERAGE:
            found = vs.support(block, evidence, params["threshold"], params["max_links"])
        if not found and states_its_evidence(block.text.value):
            found = [Link(block.line, 1.0, [], "statement")]
        if not found:
            unmentioned[block.line] = vs.unmentioned_words(units)[:4]
        links[block.line] = found
    return links, unmentioned


def area_links(letter: Letter, params: dict | None = None) -> dict[int, list[Link]]:
    """Each bullet of 'Areas covered by the visit' -> the findings that evaluate
    it: they name its domain topics and most of its other words."""
    params = {**DEFAULTS, **(params or {})}
    vs = letter.facts.evidence
    section = letter.section("areas_covered")
    areas = {}
    for block in section.bullets if section else []:
        units = vs.topic(block)
        found = vs.support(block, vs.findings, params["area_threshold"], params["max_links"])
        evaluated = not vs.unmentioned_topics(units) and vs.coverage(units, found) >= params["min_coverage"]
        areas[block.line] = found if evaluated else []
    return areas


def unaddressed_concerns(letter: Letter, patterns, params: dict | None = None) -> list[tuple[Block, float]]:
    """Findings stating a serious concern (matching `patterns`) that no
    recommendation addresses, with the best similarity found."""
    params = {**DEFAULTS, **(params or {})}
    recommendations = letter.recommendations
    if not recommendations:
        return []
    vs = letter.facts.evidence
    concerns = []
    for finding in vs.findings:
        if any(p.search(finding.text.value) for p in patterns):
            vector = vs.vector(finding)
            best = max(_cosine(vector, vs.vector(r)) for r in recommendations)
            # addressed: a recommendation is close to the finding, or the finding names what one is about
            if best < params["threshold"] and not any(
                _share(vs.topic(r), vector) >= params["min_coverage"] for r in recommendations
            ):
                concerns.append((finding, best))
    return concerns


def align_letter(letter: Letter, params: dict | None = None, area_params: dict | None = None) -> Alignment:
    """The recommendation and area links of a letter, for `lettercheck report`;
    `params` are those of the rule judging recommendations, `area_params` of
    the one judging areas (default: `params`)."""
    links, unmentioned = recommendation_links(letter, params)
    areas = area_links(letter, params if area_params is None else area_params)
    return Alignment(links=links, areas=areas, unmentioned=unmentioned)
