"""The words alignment compares: stems, word families, synonyms and topics.

A paragraph becomes a bag of Snowball stems. Domain phrases from
rules/synonyms.yaml add a concept term ("~adoption") beside their own words,
and the stems of one letter that are forms of one word ("reduction" and
"reduce", "inconsistent" and "consistent") are folded together, so that a
recommendation written as a noun phrase meets the findings that use the verb.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from checker.resources import resource_path

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")  # hyphens and slashes split words: "home-educated"

# Derivational endings left on Snowball stems ("reduct" from "reduction",
# "supervisor", "placement", "accuraci") and negating prefixes, each with the
# shortest stem it may leave. A stem is folded only into another stem of the
# same letter, so "placement" joins "place" only where "placed" occurs too.
_ENDINGS = (("uct", "uc", 4), ("i", "", 6), ("li", "", 5), ("or", "", 5), ("ment", "", 5), ("aci", "", 4))
_PREFIXES = ("in", "un", "im", "ir")
_MIN_NEGATED = 6


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


_STEMS: dict[str, str] = {}


def stem_all(words: list[str]) -> list[str]:
    """Snowball stems, cached: letters repeat their words, the stemmer is slow."""
    missing = [w for w in set(words) if w not in _STEMS]
    if missing:
        _STEMS.update(zip(missing, _stemmer().stemWords(missing), strict=True))
    return [_STEMS[w] for w in words]


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """rules/synonyms.yaml, stemmed once per process."""

    # first stem -> (stemmed phrase, concept), longest phrase first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    topics: frozenset[str]  # concepts a finding must name before a recommendation may
    stop_words: frozenset[str]
    stop_stems: frozenset[str]
    frame_stems: frozenset[str]  # heads of recommendations: "the quality of", "ensure"


@cache
def load(path: str | None = None) -> Vocabulary:
    """rules/synonyms.yaml (or the file at `path`) stemmed; the shipped one
    comes stemmed ahead of time (checker.prebuilt) while it is unchanged."""
    if path is None:
        from checker.prebuilt import load as prebuilt

        data = prebuilt("vocabulary")
        if data is not None:
            _STEMS.update(data["stems"])  # the words of the phrases stem as they did for the phrases
            return from_data(data["vocabulary"])
    return build(path or str(resource_path("rules") / "synonyms.yaml"))


def _read(path) -> dict:
    from checker.checking.bounded_yaml import load as load_yaml

    with open(path, encoding="utf-8") as handle:
        return load_yaml(handle.read(), trusted=True)[1] or {}


def build(path) -> Vocabulary:
    """The vocabulary of a synonyms file, stemmed now."""
    data = _read(path)
    table: dict[str, list] = {}
    topics = set()
    for key in ("synonyms", "topics"):
        for group in data.get(key) or []:
            concept = f"~{group[0]}"
            if key == "topics":
                topics.add(concept)
            for phrase in group:
                stems = tuple(stem_all(words_of(str(phrase))))
                if stems:
                    table.setdefault(stems[0], []).append((stems, concept))
    stop_words = frozenset(str(w).lower() for w in data.get("stopwords") or ())
    frame = [str(w).lower() for w in data.get("frame_words") or ()]
    return Vocabulary(
        phrases={
            first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in table.items()
        },
        topics=frozenset(topics),
        stop_words=stop_words,
        stop_stems=frozenset(stem_all(sorted(stop_words))),
        frame_stems=frozenset(stem_all(frame)),
    )


_SETS = ("topics", "stop_words", "stop_stems", "frame_stems")


def as_data(vocabulary: Vocabulary) -> dict:
    """The vocabulary as plain data (sets sorted), for checker.prebuilt."""
    return {"phrases": vocabulary.phrases, **{name: sorted(getattr(vocabulary, name)) for name in _SETS}}


def from_data(data: dict) -> Vocabulary:
    return Vocabulary(phrases=data["phrases"], **{name: frozenset(data[name]) for name in _SETS})


def stems_of(path) -> dict[str, str]:
    """word -> stem for every word a synonyms file's vocabulary is made from, sorted."""
    data = _read(path)
    phrases = [
        str(phrase) for key in ("synonyms", "topics") for group in data.get(key) or [] for phrase in group
    ]
    words = {word for phrase in phrases for word in words_of(phrase)}
    words.update(str(w).lower() for key in ("stopwords", "frame_words") for w in data.get(key) or ())
    ordered = sorted(words)
    return dict(zip(ordered, _stemmer().stemWords(ordered), strict=True))


_CONTENT: dict[int, dict[str, bool]] = {}  # per vocabulary: word -> does it carry a topic


def terms(text: str, vocabulary: Vocabulary | None = None) -> tuple[Counter, dict[str, str]]:
    """Stemmed content terms of `text` and a readable word for each term.

    A synonym phrase counts as its concept ("~supervision") and its words
    still count by stem, so "management of risk" also meets "risk"."""
    vocabulary = vocabulary or load()
    words = words_of(text)
    stems = stem_all(words)
    counts: Counter = Counter()
    surface: dict[str, str] = {}
    phrases = vocabulary.phrases
    starts = phrases.keys() & set(stems)
    if starts:
        for index in [i for i, stem in enumerate(stems) if stem in starts]:
            for phrase, concept in phrases[stems[index]]:
                end = index + len(phrase)
                if tuple(stems[index:end]) == phrase:
                    counts[concept] += 1
                    surface.setdefault(concept, " ".join(words[index:end]))
                    break
    content_words = _CONTENT.setdefault(id(vocabulary), {})
    new_words = set(words).difference(content_words)
    for word in new_words:
        content_words[word] = (
            len(word) > 2 and word not in vocabulary.stop_words and _STEMS[word] not in vocabulary.stop_stems
        )
    content = [i for i, word in enumerate(words) if content_words[word]]
    content_stems = [stems[i] for i in content]
    counts.update(content_stems)
    # the first spelling seen names the term: later pairs overwrite earlier ones, so go backwards
    surface.update(zip(reversed(content_stems), (words[i] for i in reversed(content)), strict=True))
    return counts, surface


@cache
def _bases(stem: str) -> tuple[str, ...]:
    """Shorter stems that `stem` may be a derived or negated form of."""
    bases = []
    for ending, replacement, shortest in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) + len(replacement) >= shortest:
            bases.append(stem[: len(stem) - len(ending)] + replacement)
    for prefix in _PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_NEGATED:
            bases.append(stem[len(prefix) :])
    return tuple(bases)


def word_families(stems) -> dict[str, str]:
    """stem -> the stem of the same word family it folds into, for the stems
    of one letter ("reduct" -> "reduc", "inconsist" -> "consist")."""
    present = set(stems)
    family: dict[str, str] = {}
    for stem in present:
        for base in _bases(stem):
            if base in present:
                family[stem] = base
                break
    for stem, base in family.items():  # "inaccuraci" -> "accuraci" -> "accur"
        while base in family:
            base = family[base]
        family[stem] = base
    return family


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing a recommendation names: a domain phrase (its concept and its
    own words) or a single content word."""

    concept: str | None
    stems: frozenset[str]
    surface: str
    weight: float = 1.0


# "The earlier appointment of ...", "A reduction in ...": the head of a noun
# phrase says what should change about the topic that follows it
_HEAD = re.compile(r"^\W*(?:(?:the|an?)\s+)?((?:[\w'’-]+,?\s+(?:and\s+)?){0,3}?)(?:of|in)\s", re.IGNORECASE)
HEAD_WEIGHT = 0.5


def topic_units(text: str, vocabulary: Vocabulary, family: dict[str, str]) -> list[Unit]:
    """What a recommendation is about: its synonym phrases and content words,
    less the words that frame it ("the quality of", "ensure that"). The head
    of a leading noun phrase ("the earlier appointment of") weighs half."""
    head = _HEAD.match(text)
    head_words = len(words_of(text[: head.end(1)])) if head else 0
    words = words_of(text)
    stems = stem_all(words)
    units: list[Unit] = []
    used: set[int] = set()
    for index, first in enumerate(stems):
        if index in used:
            continue
        for phrase, concept in vocabulary.phrases.get(first, ()):
            end = index + len(phrase)
            if tuple(stems[index:end]) == phrase:
                own = {
                    family.get(s, s)
                    for s in phrase
                    if s not in vocabulary.stop_stems and s not in vocabulary.frame_stems
                }
                weight = HEAD_WEIGHT if index < head_words else 1.0
                units.append(Unit(concept, frozenset(own), " ".join(words[index:end]), weight))
                used.update(range(index, end))
                break
    seen = {stem for unit in units for stem in unit.stems}
    for index, word in enumerate(words):
        stem = family.get(stems[index], stems[index])
        if index in used or stem in seen or stems[index] in vocabulary.frame_stems:
            continue
        if len(word) > 2 and word not in vocabulary.stop_words and stems[index] not in vocabulary.stop_stems:
            units.append(Unit(None, frozenset((stem,)), word, HEAD_WEIGHT if index < head_words else 1.0))
            seen.add(stem)
    return units
