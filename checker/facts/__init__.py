"""What is worked out from a letter once read: on first use, then kept for
every rule and report that asks.

    letter.facts.format_fit     the format of its letter type it fits best (format_fit.py)
    letter.facts.dates          every date written in it (date_mentions.py)
    letter.facts.scopes         the texts of each scope rules search (checker.checking.scopes)
    letter.facts.evidence       its blocks as vectors, to link recommendations to findings (evidence.py)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.facts.date_mentions import WrittenDate, written_dates
from checker.facts.format_fit import Fit, best_fit

if TYPE_CHECKING:
    from checker.facts.evidence import LetterSpace
    from checker.model import Letter, Text

_NOT_YET = object()


class LetterFacts:
    """The facts derived from one letter, each worked out on first use."""

    __slots__ = ("_dates", "_evidence", "_fit", "_letter", "scopes")

    def __init__(self, letter: Letter) -> None:
        self._letter = letter
        self._fit: Fit | object | None = _NOT_YET
        self._dates: list[WrittenDate] | None = None
        self._evidence: LetterSpace | None = None
        self.scopes: dict[str, list[Text]] = {}  # scope name -> its texts, as rules search them

    @property
    def format_fit(self) -> Fit | None:
        """The format (layout) of its letter type the letter fits best, with
        its departures from it; None when its type is unknown."""
        if self._fit is _NOT_YET:
            self._fit = best_fit(self._letter)
        return self._fit  # type: ignore[return-value]

    @property
    def dates(self) -> list[WrittenDate]:
        """Every date written in the letter (date line, title, body, closing)."""
        if self._dates is None:
            self._dates = written_dates(self._letter)
        return self._dates

    @property
    def evidence(self) -> LetterSpace:
        """The letter's blocks as TF-IDF vectors, shared by the alignment rules and the report."""
        if self._evidence is None:
            from checker.facts.evidence import LetterSpace

            self._evidence = LetterSpace(self._letter)
        return self._evidence
