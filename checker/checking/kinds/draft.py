"""Draft: leftovers of drafting. Placeholders and tracked changes are plain
patterns in rules/core/draft.yaml; a repeated word needs a word-by-word look."""

from __future__ import annotations

import itertools
import re

from checker.checking.kinds import SCOPE, Hit, Param, check_kind
from checker.checking.scopes import scope_texts
from checker.diagnostics import Fix
from checker.model import Letter, Span

_OPENERS = "([‘“'\"*_"
_CLOSERS = ",.;:!?)]’”'\"*_"
_LAST_WORD = re.compile(r"(\w+)\W*$")
_WORDLIKE = re.compile(r"^\w+$")


def _candidates(value: str) -> set[str]:
    """Words that may be repeated: two whitespace-separated tokens that are
    the same but for brackets, quotes or a stop around them. Cheap; the exact
    pattern then confirms each (and rejects 'in, in')."""
    tokens = value.lower().split()
    found = set()
    for first, second in itertools.pairwise(tokens):
        if first == second:
            found.add(first)
        elif (second[:1] == first[:1] or first[:1] in _OPENERS) and first.lstrip(_OPENERS) == second.rstrip(
            _CLOSERS
        ):
            found.add(second.rstrip(_CLOSERS))
    return {word for word in found if _WORDLIKE.match(word)}


@check_kind(
    "repeated_words",
    params=(
        SCOPE,
        Param("allow", "strings", (), doc="words that may repeat ('had had')"),
        Param(
            "allow_after",
            "word_lists",
            {},
            doc="words that may repeat after the words listed for them ('fit in in')",
        ),
    ),
    prepare=lambda params: {
        "allow": frozenset(word.lower() for word in params["allow"]),
        "after": {
            word.lower(): frozenset(w.lower() for w in words) for word, words in params["allow_after"].items()
        },
    },
)
def repeated_words(letter: Letter, params: dict):
    """The same word twice in a row ('the the'), whatever the case, across
    spaces or a line break; words in `allow` ('had had') may repeat, and
    those in `allow_after` after the words listed for them (the particle of a
    phrasal verb, 'fit in in the plans'). The fix keeps the first. Facts: {word}."""
    after = params.derived["after"]
    for text in scope_texts(letter, params["scope"]):
        value = text.value
        for candidate in sorted(_candidates(value) - params.derived["allow"]):
            word = re.escape(candidate)
            for match in re.finditer(rf"(?<!\w)({word})\s+({word})(?!\w)", value, re.IGNORECASE):
                if candidate in after:
                    before = _LAST_WORD.search(value, max(0, match.start() - 40), match.start())
                    if before and before.group(1).lower() in after[candidate]:
                        continue
                first = match.group(1)
                yield Hit(
                    text.span(match.start(), match.end()), {"word": first}, Fix(first, f"keep one '{first}'")
                )


REVIEW_MARKS = ("insertion", "deletion", "comment", "formatting")
_SHOWN = 80  # characters of a mark's text quoted in the message


@check_kind(
    "review_marks",
    params=(
        Param(
            "mark",
            "string",
            choices=REVIEW_MARKS,
            doc="which review marks of a Word draft: tracked insertions, deletions, formatting changes, or comments",
        ),
    ),
)
def review_marks(letter: Letter, params: dict):
    """The tracked changes or comments of one kind left in a Word draft (a
    text or PDF letter has none), each where it sits in the text: an insertion
    on the text inserted, a comment on the text it is attached to, a deletion
    where the deleted text was. Facts: {author}, {what} (the text, quoted and
    shortened, or what changed: 'a paragraph break'), {on} (a comment's
    anchor, as " on '...'"), {date}."""
    for mark in letter.review:
        if mark.kind == params["mark"]:
            facts = {
                "author": mark.author,
                "what": _what(mark),
                "on": f" on {_quoted(mark.anchor)}" if mark.anchor.strip() else "",
                "date": mark.date or "no date",
            }
            yield Hit(_mark_span(letter, mark), facts)


def _what(mark) -> str:
    from checker.reading.document import DESCRIBED_CHANGES

    if mark.text in DESCRIBED_CHANGES:
        return mark.text
    return _quoted(mark.text) if mark.text.strip() else "(no text)"


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + '…'}'"


def _mark_span(letter: Letter, mark) -> Span:
    """The inserted text, or the text a comment is on, within its line; the
    mark's own position for a deletion (its text is not in the letter)."""
    line = min(max(mark.line, 1), max(len(letter.lines), 1))
    text = letter.lines[line - 1] if letter.lines else ""
    covered = {"insertion": mark.text, "comment": mark.anchor}.get(mark.kind, "")
    column = min(max(mark.column, 1), len(text) + 1)
    end = min(column + len(covered.rstrip()), len(text) + 1)
    return Span(line, column, line, end)


_NOT_WORDS = re.compile(r"[^\w\s]")


@check_kind(
    "repeated_blocks",
    params=(Param("min_words", "integer", 6, minimum=1, doc="words a paragraph needs to count as repeated"),),
)
def repeated_blocks(letter: Letter, params: dict):
    """A paragraph or bullet written twice (pasted in again while drafting),
    ignoring case and punctuation. Facts: {first_line}, {words}."""
    seen: dict[str, int] = {}
    for block in letter.body_blocks():
        if block.kind not in ("paragraph", "item"):
            continue
        words = _NOT_WORDS.sub("", block.text.value.lower()).split()
        if len(words) < params["min_words"]:
            continue
        key = " ".join(words)
        if key in seen:
            text = block.text
            yield Hit(text.span(0, min(len(text.value), 60)), {"first_line": seen[key], "words": len(words)})
        else:
            seen[key] = block.line
