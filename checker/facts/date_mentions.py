"""Every date written in a letter, read once: the date line, the title, the
body and the closing statement."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.reading import written_dates as dates

if TYPE_CHECKING:
    from checker.model import Letter, Span, Text

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date as the letter writes it, where it does, and what it names."""

    text: Text  # the text it is in
    match: re.Match  # its words in text.value
    days: list[dt.date | None]  # None for a day that cannot exist
    problems: list[str]  # of style ("ordinal") or existence ("impossible date: ...")

    @property
    def span(self) -> Span:
        return self.text.span(*self.match.span())


def texts_with_dates(letter: Letter) -> list[Text]:
    """The texts that may hold a date: the date line, the title, the body and the closing."""
    texts = [t for t in (letter.date_line, letter.title) if t]
    texts += [block.text for block in letter.body_blocks()]
    return texts + [t for t in (letter.closing,) if t]


def written_dates(letter: Letter) -> list[WrittenDate]:
    found = []
    for text in texts_with_dates(letter):
        if not _DIGIT.search(text.value):
            continue  # every date form has a digit: skip the costly pattern
        for match in dates.DATE_EXPRESSION.finditer(text.value):
            days, problems = dates.read_match(match)
            found.append(WrittenDate(text, match, days, problems))
    return found
