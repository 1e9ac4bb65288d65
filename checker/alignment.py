"""Link recommendations to the findings that support them.

Each recommendation, finding and overview paragraph becomes a bag of stemmed
terms (Snowball), with domain synonym phrases folded into one concept term.
Terms are weighted by TF-IDF across the letter's own blocks, so words every
paragraph shares ("children", "practice") count for little, and support is
the cosine similarity of the two vectors. Deterministic and fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from checker.model import Block, Letter
from checker.resources import resource_path

DEFAULTS = {"threshold": 0.1, "max_links": 4, "area_threshold": 0.08, "min_coverage": 0.4}

_PURPOSE = re.compile(r",?\s+(?:so that|to ensure|in order to|to make sure|which)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")


@dataclass(slots=True)
class Link:
    line: int
    score: float
    terms: list[str]
    kind: str = "finding"  # finding | overview


@dataclass(slots=True)
class Alignment:
    links: dict[int, list[Link]] = field(default_factory=dict)  # recommendation line -> support
    areas: dict[int, list[Link]] = field(default_factory=dict)  # area bullet line -> findings
    concerns: list[tuple[Block, float]] = field(default_factory=list)  # unaddressed serious findings
    unmentioned: dict[int, list[str]] = field(
        default_factory=dict
    )  # recommendation line -> topics no finding names


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cache
def vocabulary(path: str | None = None) -> dict:
    """rules/synonyms.yaml: synonym groups and the words alignment ignores."""
    import yaml

    file = path or str(resource_path("rules") / "synonyms.yaml")
    with open(file, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@cache
def stopwords(path: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(words, their Snowball stems) that carry no topic."""
    words = frozenset(str(w).lower() for w in vocabulary(path).get("stopwords") or ())
    return words, frozenset(_stemmer().stemWords(sorted(words)))


_STEMS: dict[str, str] = {}


def stem_all(words: list[str]) -> list[str]:
    """Snowball stems, cached: letters repeat their words, the stemmer is slow."""
    missing = [w for w in set(words) if w not in _STEMS]
    if missing:
        _STEMS.update(zip(missing, _stemmer().stemWords(missing), strict=True))
    return [_STEMS[w] for w in words]


@cache
def synonym_table(path: str | None = None) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """first stem -> (stemmed phrase, concept) pairs, longest phrase first."""
    groups = vocabulary(path).get("synonyms") or []
    table: dict[str, list] = {}
    for group in groups:
        for phrase in group:
            words = tuple(stem_all(_WORD.findall(str(phrase).lower())))
            if words:
                table.setdefault(words[0], []).append((words, f"~{group[0]}"))
    return {first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in table.items()}


_CONTENT: dict[str, bool] = {}  # word -> does it carry a topic (cached, like stems)


def terms(text: str, synonyms=None) -> tuple[Counter, dict[str, str]]:
    """Stemmed content terms of `text` and a readable word for each term.

    Synonym phrases are matched first (only where a phrase's first stem
    occurs) and counted as their concept; the other words count by stem,
    unless they are stop words."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    stems = stem_all(words)
    table = synonym_table() if synonyms is None else synonyms
    counts: Counter = Counter()
    surface: dict[str, str] = {}
    consumed: set[int] = set()
    for index in [i for i, stem in enumerate(stems) if stem in table]:
        if index in consumed:
            continue
        for phrase, concept in table[stems[index]]:
            end = index + len(phrase)
            if tuple(stems[index:end]) == phrase:
                counts[concept] += 1
                surface.setdefault(concept, " ".join(words[index:end]))
                consumed.update(range(index, end))
                break
    new_words = set(words).difference(_CONTENT)
    if new_words:
        stop_words, stop_stems = stopwords()
        for word in new_words:
            _CONTENT[word] = len(word) > 2 and word not in stop_words and _STEMS[word] not in stop_stems
    content = [i for i, word in enumerate(words) if _CONTENT[word] and i not in consumed]
    content_stems = [stems[i] for i in content]
    counts.update(content_stems)
    # the first spelling seen names the term: later pairs overwrite earlier ones, so go backwards
    surface.update(zip(reversed(content_stems), (words[i] for i in reversed(content)), strict=True))
    return counts, surface


def _vectors(texts: list[str], synonyms) -> tuple[list[dict[str, float]], list[dict[str, str]]]:
    """TF-IDF vectors (unit length) of the letter's blocks, and their surface words."""
    bags = [terms(text, synonyms) for text in texts]
    frequency: Counter = Counter()
    for counts, _ in bags:
        frequency.update(counts.keys())
    total = len(texts)
    vectors = []
    for counts, _ in bags:
        vector = {t: (1 + math.log(c)) * math.log(1 + total / frequency[t]) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors, [surface for _, surface in bags]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit vectors: their dot product."""
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _shared(a: dict[str, float], b: dict[str, float]) -> list[str]:
    """Terms in both, the most telling first."""
    return sorted((t for t in a if t in b), key=lambda t: -a[t] * b[t])


class LetterSpace:
    """The letter's blocks as TF-IDF vectors: built once per letter and shared
    by every alignment rule and the report."""

    def __init__(self, letter: Letter, synonyms_file: str | None = None) -> None:
        self.synonyms = synonym_table(synonyms_file)
        corpus = letter.body_blocks()
        self._index = {id(block): i for i, block in enumerate(corpus)}
        self._vectors, self._surfaces = _vectors([block.text.value for block in corpus], self.synonyms)
        overview = letter.section("overview")
        self.findings = letter.findings
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
                words = [surface.get(t, t) for t in _shared(vector, other)[:5]]
                links.append(Link(candidate.line, score, words, kind))
        links.sort(key=lambda link: -link.score)
        return links[:max_links]

    def unmentioned_topics(self, block: Block) -> tuple[dict[str, float], list[str]]:
        """The recommendation's topic terms (text before a purpose clause such as
        ", so that ..."), and the domain topics in it (synonym groups: adoption,
        fostering...) that no finding or overview paragraph mentions."""
        topic, surface = terms(_PURPOSE.split(block.text.value, maxsplit=1)[0], self.synonyms)
        missing = [surface[t] for t in topic if t.startswith("~") and t not in self.evidence_terms]
        return topic, missing

    def evidenced(self, block: Block, links: list[Link], topic, min_coverage: float) -> bool:
        """Do the linked blocks talk about what the recommendation is about?

        Cosine alone would link a recommendation on a new topic to any finding
        sharing a generic term ("delay"), so the evidence must also contain the
        recommendation's most specific topic term, or most of its topic by weight.
        """
        if not links:
            return False
        vector = self.vector(block)
        weights = {t: w for t, w in vector.items() if t in topic}
        if len(weights) < 2:
            weights = vector
        linked = {link.line for link in links}
        found: set[str] = set()
        for candidate in self.findings + self.overview:
            if candidate.line in linked:
                found.update(self.vector(candidate))
        top = max(weights.values())
        if any(t in found for t, w in weights.items() if w >= top - 1e-9):
            return True
        return sum(w for t, w in weights.items() if t in found) / sum(weights.values()) >= min_coverage


def space(letter: Letter, synonyms_file: str | None = None) -> LetterSpace:
    key = ("alignment-space", synonyms_file)
    if key not in letter.memo:
        letter.memo[key] = LetterSpace(letter, synonyms_file)
    return letter.memo[key]


def recommendation_links(letter: Letter, params: dict | None = None) -> tuple[dict, dict]:
    """recommendation line -> supporting links (empty: unsupported), and
    recommendation line -> domain topics no finding mentions."""
    params = {**DEFAULTS, **(params or {})}
    vs = space(letter, params.get("synonyms_file"))
    links: dict[int, list[Link]] = {}
    unmentioned: dict[int, list[str]] = {}
    for block in letter.recommendations:
        topic, missing = vs.unmentioned_topics(block)
        if missing:
            unmentioned[block.line] = missing
            links[block.line] = []
            continue
        found = vs.support(block, vs.findings, params["threshold"], params["max_links"])
        if not vs.evidenced(block, found, topic, params["min_coverage"]):
            found = vs.support(block, vs.findings + vs.overview, params["threshold"], params["max_links"])
            if not vs.evidenced(block, found, topic, params["min_coverage"]):
                found = []
        links[block.line] = found
    return links, unmentioned


def area_links(letter: Letter, params: dict | None = None) -> dict[int, list[Link]]:
    """Each bullet of 'Areas covered by the visit' -> the findings that evaluate it."""
    params = {**DEFAULTS, **(params or {})}
    vs = space(letter, params.get("synonyms_file"))
    section = letter.section("areas_covered")
    return {
        block.line: vs.support(block, vs.findings, params["area_threshold"], params["max_links"])
        for block in (section.bullets if section else [])
    }


def unaddressed_concerns(letter: Letter, patterns, params: dict | None = None) -> list[tuple[Block, float]]:
    """Findings stating a serious concern (matching `patterns`) that no
    recommendation is close to, with the best similarity found."""
    params = {**DEFAULTS, **(params or {})}
    recommendations = letter.recommendations
    if not recommendations:
        return []
    vs = space(letter, params.get("synonyms_file"))
    concerns = []
    for finding in vs.findings:
        if any(p.search(finding.text.value) for p in patterns):
            vector = vs.vector(finding)
            best = max(_cosine(vector, vs.vector(r)) for r in recommendations)
            if best < params["threshold"]:
                concerns.append((finding, best))
    return concerns


def align_letter(letter: Letter, params: dict | None = None, concern_patterns=()) -> Alignment:
    """Everything alignment knows about a letter, for `lettercheck report`."""
    links, unmentioned = recommendation_links(letter, params)
    return Alignment(
        links=links,
        areas=area_links(letter, params),
        concerns=unaddressed_concerns(letter, concern_patterns, params),
        unmentioned=unmentioned,
    )
