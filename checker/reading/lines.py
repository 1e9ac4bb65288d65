"""Classify each line of a letter by its shape: the normalisation step.

PDF extraction leaves markdown headings, bold markers, assorted bullets and
page breaks. Each `Line` keeps its original text and records where its
content starts, so positions always refer to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.reading.people import HONORIFICS
from checker.reading.written_dates import DATE_LINE, LOOSE_DATE_LINE

BLANK = "blank"
MD_HEADING = "md_heading"
BOLD_LINE = "bold_line"
ITEM = "item"
SALUTATION = "salutation"
SIGN_OFF = "sign_off"
DATE = "date"
TEXT = "text"

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<content>.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*(?P<content>[^*]+?)\*\*\s*:?\s*$")
_BULLET = re.compile(
    r"^\s*(?P<marker>[-*•–·▪●○]|\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+(?P<content>\S.*)$"
)
_SALUTATION = re.compile(r"^\s*(?:\*\*)?(?P<content>Dear\b[^*]*?)(?:\*\*)?\s*$")
_SIGN_OFF = re.compile(
    r"^\s*(?:\*\*)?(?P<content>(?:Yours\s+(?:sincerely|faithfully|truly)|Kind regards|Best wishes|Regards)[,.]?)(?:\*\*)?\s*(?P<rest>.*?)\s*$",
    re.IGNORECASE,
)
_STRIP_BOLD = re.compile(r"^\*\*(.*?)\*\*$")
# A salutation whose "Dear" is misspelt or in lower case ("Deer Ms Smith",
# "dear Mr Foster") before a courtesy title is still the salutation, as a near
# miss of a sign-off is: STR016 names the misspelling.
_NEAR_SALUTATION = re.compile(
    r"^\s*(?:\*\*)?(?P<content>(?P<word>[Dd][A-Za-z]{1,4})\s+"
    rf"(?:{'|'.join((*HONORIFICS, 'Madam'))})\b\.?(?:\s+[\w'’.-]+){{0,4}}?)"
    r"(?:\*\*)?\s*[,:]?\s*$"
)
# The sign-offs letters use, as they should be written. A short line that is
# a near miss of one ("Your sincerely") is still the sign-off: STR014 names the
# misspelling instead of the letter losing its sign-off, signature and closing.
SIGN_OFFS = ("Yours sincerely", "Yours faithfully", "Yours truly", "Kind regards", "Best wishes", "Regards")
_SIGN_OFF_KEYS = {form.lower(): form for form in SIGN_OFFS}
_NEAR_SIGN_OFF = re.compile(
    r"^\s*(?:\*\*)?(?P<content>Y[\w'’]{2,6}\s+[\w]{6,12}[,.]?)(?:\*\*)?\s*$", re.IGNORECASE
)


@dataclass(slots=True)
class Line:
    """One line of the file: 1-based number, its raw text, its shape.

    `start` is the 0-based column where `content` begins in `raw`.
    """

    number: int
    raw: str
    shape: str
    content: str
    start: int
    marker: str = ""
    rest: str = ""  # text after a sign-off on the same line
    rest_start: int = 0
    note: bool = False  # a heading's footnote, run into its line by PDF extraction

    def __str__(self) -> str:  # lark makes tokens with str(value): keep it cheap
        return self.content

    @property
    def column(self) -> int:
        return self.start + 1

    @property
    def piece(self) -> tuple[int, int, str]:
        return (self.number, self.start + 1, self.content)

    def words(self) -> int:
        return len(self.content.split())


def misspelt_dear(word: str) -> bool:
    """Is `word` a misspelt or lower-case 'Dear' ('Deer', 'Dera', 'dear')?"""
    import difflib

    return word != "Dear" and difflib.SequenceMatcher(None, word.lower(), "dear").ratio() >= 0.75


def intended_sign_off(written: str) -> str | None:
    """The sign-off a line means ("Your sincerely" means "Yours sincerely"),
    or None when it is not near any."""
    key = " ".join(written.lower().replace("’", "'").rstrip(",.").split())
    if key in _SIGN_OFF_KEYS:
        return _SIGN_OFF_KEYS[key]
    import difflib

    close = difflib.get_close_matches(key, list(_SIGN_OFF_KEYS)[:3], n=1, cutoff=0.8)
    return _SIGN_OFF_KEYS[close[0]] if close else None


def _stripped(raw: str) -> tuple[str, int]:
    content = raw.strip()
    start = len(raw) - len(raw.lstrip())
    bold = _STRIP_BOLD.match(content)
    if bold and "**" not in bold.group(1):
        start += 2
        content = bold.group(1).strip()
    return content, start


_DIRECTIVE_LINE = re.compile(r"^\s*<!--\s*lettercheck:[^>]*-->\s*$")
# A suppression comment at the end of a line is no part of its text.
_TRAILING_DIRECTIVE = re.compile(r"\s*<!--\s*lettercheck\b[^>]*-->\s*$")
# What PDF extraction leaves at a page break: "Page 2", "Page 2 of 5", "2", "- 2 -".
_PAGE_NUMBER = re.compile(r"^\s*(?:Page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d{1,3}\s*-?)\s*$", re.IGNORECASE)


def classify(raw: str, number: int) -> Line:
    """The shape of one line. A lettercheck directive comment and a page
    number left by PDF extraction read as blank (part of a page break)."""
    if not raw.strip() or _DIRECTIVE_LINE.match(raw) or _PAGE_NUMBER.match(raw):
        return Line(number, raw, BLANK, "", 0)
    trailing = _TRAILING_DIRECTIVE.search(raw) if "<!--" in raw else None
    if trailing:  # the line is read as if the comment were not there
        line = classify(raw[: trailing.start()], number)
        line.raw = raw
        return line
    match = _MD_HEADING.match(raw)
    if match:
        content = match.group("content")
        start = match.start("content")
        bold = _STRIP_BOLD.match(content)
        if bold:
            content = bold.group(1).strip()
            start += 2
        return Line(number, raw, MD_HEADING, content, start)
    match = _BOLD_LINE.match(raw)
    if match and len(match.group("content").split()) <= 14:
        return Line(number, raw, BOLD_LINE, match.group("content").strip(), match.start("content"))
    match = _BULLET.match(raw)
    if match:
        content = match.group("content").rstrip()
        return Line(number, raw, ITEM, content, match.start("content"), marker=match.group("marker"))
    match = _SALUTATION.match(raw)
    if match:
        content = match.group("content").rstrip().rstrip(",:")
        return Line(number, raw, SALUTATION, content, match.start("content"))
    match = _NEAR_SALUTATION.match(raw) if len(raw) < 80 and raw.lstrip("* ")[:1] in "Dd" else None
    if match and misspelt_dear(match.group("word")):
        return Line(number, raw, SALUTATION, match.group("content").rstrip(), match.start("content"))
    match = _SIGN_OFF.match(raw)
    if match:
        line = Line(number, raw, SIGN_OFF, match.group("content").rstrip(",."), match.start("content"))
        if match.group("rest"):
            line.rest = match.group("rest")
            line.rest_start = match.start("rest")
        return line
    match = _NEAR_SIGN_OFF.match(raw) if len(raw) < 40 and raw.lstrip("* ")[:1] in "Yy" else None
    if match and intended_sign_off(match.group("content")):
        return Line(number, raw, SIGN_OFF, match.group("content").rstrip(",."), match.start("content"))
    content, start = _stripped(raw)
    if DATE_LINE.match(content) or LOOSE_DATE_LINE.match(content):
        return Line(number, raw, DATE, content, start)
    return Line(number, raw, TEXT, content, start)


# A list glyph in the middle of a line: PDF extraction ran a list (and the
# heading before it) into one line. "◼" and "▪" never appear in prose.
_INLINE_BULLET = re.compile(r"\s+[◼▪]\s+")
# "... rather than the adults. Findings ◼ It has been": a heading that ended up
# at the end of the paragraph before the list it heads.
_TRAILING_HEADING = re.compile(r"(?<=[.!?])\s+(?P<heading>[A-Z][^.!?:;,]{2,80})$")


def classify_all(raw_lines: list[str]) -> list[Line]:
    """Every line's shape; a line holding a run-in list becomes one line per item."""
    joined = "\n".join(raw_lines)
    if "◼" not in joined and "▪" not in joined:  # the usual case: one line each
        return [classify(raw, number) for number, raw in enumerate(raw_lines, start=1)]
    typed = []
    for number, raw in enumerate(raw_lines, start=1):
        if ("◼" in raw or "▪" in raw) and _INLINE_BULLET.search(raw):
            typed.extend(_split_run_in_list(raw, number))
        else:
            typed.append(classify(raw, number))
    return typed


def _split_run_in_list(raw: str, number: int) -> list[Line]:
    """'What needs to improve ◼ The timeliness... ◼ The quality...' as a line
    of text (or heading) followed by one item per glyph, each keeping its
    columns; a heading run into the end of an item before the next glyph
    ('... rather than the adults. Findings ◼ It has been') is a line of its own."""
    cuts = list(_INLINE_BULLET.finditer(raw))
    head = classify(raw[: cuts[0].start()], number)
    head.raw = raw
    pieces = [head] if head.shape != BLANK else []
    if head.shape in (TEXT, ITEM):
        pieces += _heading_at_end(head)
    for cut, following in zip(cuts, [*cuts[1:], None], strict=True):
        end = following.start() if following else len(raw)
        content = raw[cut.end() : end].rstrip()
        if content:
            item = Line(number, raw, ITEM, content, cut.end(), marker=cut.group().strip())
            pieces.append(item)
            if following:
                pieces += _heading_at_end(item)
    return pieces


def _heading_at_end(line: Line) -> list[Line]:
    """Cut a heading-like fragment after the line's last sentence into a line of its own."""
    trailing = _TRAILING_HEADING.search(line.content)
    if not trailing or len(trailing.group("heading").split()) > 12:
        return []
    heading_start = line.start + trailing.start("heading")
    heading = trailing.group("heading").rstrip()
    line.content = line.content[: trailing.start()].rstrip()
    return [Line(line.number, line.raw, TEXT, heading, heading_start)]


SENTENCE_END = (".", "!", "?", ":", ";")  # what ends a sentence, or a line that leads into a list


def ends_sentence(line: Line) -> bool:
    return line.content.rstrip("*”’\"' )").endswith(SENTENCE_END)


def looks_like_heading(line: Line, max_words: int = 12) -> bool:
    """A plain short line that could be a heading: capitalised, no end stop."""
    content = line.content
    if line.shape in (MD_HEADING, BOLD_LINE):
        return True
    if line.shape != TEXT or not content[:1].isupper():
        return False
    if line.words() > max_words or len(content) > 100:
        return False
    return not content.rstrip("*”’\"' )").endswith((".", ",", ";", ":", "!"))
