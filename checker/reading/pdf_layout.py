"""Rebuild a letter from a PDF's text rows: paragraphs, headings, list items.

The rows come from `pdf.py` in reading order (the structure tags' order when
the PDF is tagged, top to bottom otherwise). Rows join into one paragraph
when the tags put them in the same paragraph, or, by layout, when the row
before was full (wrapped at the right margin) with no paragraph gap. Headings
come from tags (H, H1...) or from a bold or larger short paragraph; list items
from tags (LI) or a bullet glyph. Page numbers, repeated footers and tagged
artifacts are dropped; a paragraph cut by a page break is joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from checker.reading.document import HEADING, ITEM, LINE, PARAGRAPH, Block, Piece, Place
from checker.reading.lines import SENTENCE_END

if TYPE_CHECKING:
    from checker.reading.pdf import Page, TextRow

# Bullet glyphs: symbol-font bullets (Wingdings/Symbol private-use codes), then
# dashes and asterisks that need a space after them to be bullets.
_BULLET = re.compile(
    r"^(?:[•◼◾▪■□●○◦·‣⁃➢➤➣✓✔\uf06e\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8\uf0e8]\s*|[-–*]\s+)(?=\S)"
)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$", re.IGNORECASE
)
_GLUED_LABEL = re.compile(r"^(?:\d{1,2}[.)]|\([a-z]\)|\([ivx]{1,4}\))(?=[A-Z‘“'\"(])")
_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")
_MARGIN_ZONE = 0.12  # the top and bottom share of a page where running headers and footers sit
_INDENT = 8.0  # points: a row starting this far right of the body's left edge is indented
_PARAGRAPH_PITCH = 1.6  # rows further apart than this many font sizes (baseline to baseline) are paragraphs


def order_by_layout(rows: list[TextRow]) -> None:
    """Put an untagged page's rows in reading order: runs of rows that go down
    the page keep their stream order; runs are ordered top to bottom (a
    letterhead written last in the stream still comes first)."""
    runs: list[list[TextRow]] = []
    for row in rows:
        if runs and row.top <= runs[-1][-1].top + 3:
            runs[-1].append(row)
        else:
            runs.append([row])
    runs.sort(key=lambda run: -run[0].top)
    rows[:] = [row for run in runs for row in run]
    for position, row in enumerate(rows):
        row.order = float(position)


def rebuild(pages: list[Page]) -> list[Block]:
    """The letter's blocks from every page's rows (already in reading order)."""
    kept = _drop_furniture(pages)
    if not any(kept):
        return []
    body_size = _body_size(kept)
    margin = _right_margin(kept, body_size)
    left = _left_margin(kept, body_size)
    blocks: list[Block] = []
    last_row = None
    for page_rows in kept:
        page_blocks = _page_blocks(page_rows, margin, body_size)
        if not page_blocks:
            continue
        same_tag = (
            last_row is not None and last_row.block is not None and last_row.block == page_rows[0].block
        )
        item_goes_on = page_blocks[0].kind in (PARAGRAPH, LINE) and _goes_on_with_item(
            page_rows, left, last_row
        )
        if blocks and (
            same_tag
            or _continues_across_pages(blocks[-1], page_blocks[0])
            or (item_goes_on and blocks[-1].kind == ITEM)
        ):
            first = page_blocks.pop(0)
            first.pieces[0].glue = _glue(blocks[-1].pieces[-1].text, first.pieces[0].text)
            blocks[-1].pieces.extend(first.pieces)
        blocks.extend(page_blocks)
        last_row = page_rows[-1]
    return blocks


def _goes_on_with_item(page_rows: list[TextRow], left: float, last_row: TextRow | None) -> bool:
    """Does a page start with the rest of the list item the page before ended
    with? It does when its first row, with no bullet, is indented to the
    item's text: further right than the letter's left edge and than the
    page's own (a page set wholly further right, closing and signature
    included, is not indented), and the tags, if any, do not make it another
    kind of block (a paragraph after a list item)."""
    first = page_rows[0]
    if _BULLET.match(first.text) or first.left <= left + _INDENT:
        return False
    tagged = first.block is not None and last_row is not None and last_row.block is not None
    if tagged and first.role != last_row.role:
        return False  # tagged as another kind of block: a paragraph after the list
    page_left = min(row.left for row in page_rows)
    return first.left > page_left + _INDENT


def _drop_furniture(pages: list[Page]) -> list[list[TextRow]]:
    """Every page's rows less artifacts, page numbers, footnote marks and
    running headers or footers (the same text at the same height on two or
    more pages). A tagged artifact at the top of page 1 is kept: it is the
    letterhead."""
    repeated = Counter()
    for page in pages:
        seen = set()
        for row in page.rows:
            if _in_margin(row, page):
                seen.add(_running_key(row))
        repeated.update(seen)
    body_size = _body_size([page.rows for page in pages])
    kept = []
    for page in pages:
        rows = []
        for row in page.rows:
            if row.size < body_size * 0.8 and _FOOTNOTE_MARK.match(row.text):
                continue  # a superscript footnote number set on a row of its own
            in_margin = _in_margin(row, page)
            if in_margin and _PAGE_NUMBER.match(row.text):
                continue
            if in_margin and repeated[_running_key(row)] > 1:
                continue  # a running header or footer
            if row.artifact and not (page.number == 1 and row.top > page.height * 0.7):
                continue
            rows.append(row)
        kept.append(rows)
    return kept


def _running_key(row: TextRow) -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text (page
    numbers in it aside) and its height on the page."""
    return re.sub(r"\d+", "#", row.text), round(row.top / 6)


def _in_margin(row: TextRow, page: Page) -> bool:
    return row.top > page.height * (1 - _MARGIN_ZONE) or row.bottom < page.height * _MARGIN_ZONE


def _body_size(pages: list[list[TextRow]]) -> float:
    sizes = Counter()
    for rows in pages:
        for row in rows:
            sizes[round(row.size * 2) / 2] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _right_margin(pages: list[list[TextRow]], body_size: float) -> float:
    """Where body text wraps: the right edge that most long body rows reach."""
    rights = sorted(
        row.right for rows in pages for row in rows if abs(row.size - body_size) < 1 and len(row.text) > 40
    )
    if not rights:
        return max((row.right for rows in pages for row in rows), default=0.0)
    return rights[int(len(rights) * 0.9)]


def _left_margin(pages: list[list[TextRow]], body_size: float) -> float:
    """Where body text starts: the left edge of paragraphs and bullet glyphs
    (a low percentile of the body rows' left edges, so that a stray row
    further left does not move it)."""
    lefts = sorted(row.left for rows in pages for row in rows if abs(row.size - body_size) < 1)
    return lefts[len(lefts) // 20] if lefts else 0.0


def _wrapped(previous: TextRow, row: TextRow, margin: float) -> bool:
    """Did `previous` end because the line was full? True when the next row's
    first word would not have fitted after it."""
    first_word = row.text.split(" ", 1)[0]
    needed = (len(first_word) + 1) * 0.55 * row.size
    return previous.right + needed > margin


def _page_blocks(rows: list[TextRow], margin: float, body_size: float) -> list[Block]:
    blocks: list[Block] = []
    members: list[list[TextRow]] = []
    for row in rows:
        glyph = _BULLET.match(row.text)
        previous = members[-1][-1] if members else None
        if previous is not None and _same_paragraph(previous, row, glyph is not None, margin):
            members[-1].append(row)
            blocks[-1].pieces.append(_piece(row, glue=_glue(previous.text, row.text)))
            continue
        # Short lines with no paragraph gap stay together (an address, a
        # signature); anything longer is a paragraph of its own.
        attached = (
            previous is not None
            and len(members[-1]) == 1
            and not _gap_between(previous, row)
            and max(previous.right, row.right) < margin * 0.75
        )
        if glyph:
            block = Block(ITEM, [_piece(row, strip=glyph.end())])
        else:
            block = Block(PARAGRAPH, _label_apart(row))
        block.attached = attached
        blocks.append(block)
        members.append([row])
    for index, (block, block_rows) in enumerate(zip(blocks, members, strict=True)):
        if block.kind == PARAGRAPH:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            block.kind = _kind(block_rows, block.text, body_size, margin, following)
        if block.kind in (HEADING, ITEM):
            block.attached = False
    return blocks


def _same_paragraph(previous: TextRow, row: TextRow, bullet: bool, margin: float) -> bool:
    if bullet or row.page != previous.page:
        return False
    wrapped = _wrapped(previous, row, margin)
    if row.block is not None and row.block == previous.block:
        # The tags say one paragraph: its rows join unless they are short lines
        # broken by hand (an address or a signature written as one paragraph).
        return wrapped or previous.right >= margin * 0.75
    # Two tagged paragraphs are one only when the first was cut mid-sentence
    # (some PDFs tag every printed line as a paragraph, or a list item's
    # first line as the item and the rest as a paragraph).
    lower = row.text[:1].islower()
    cut_mid_sentence = lower and not _ends_sentence(previous.text)
    both_tagged = row.block is not None and previous.block is not None
    if both_tagged and (
        (row.role != previous.role and not cut_mid_sentence) or (_ends_sentence(previous.text) and not lower)
    ):
        return False
    same_style = row.bold == previous.bold and abs(row.size - previous.size) < 1
    if not same_style or _gap_between(previous, row) or row.left < previous.left - 40:
        return False
    return wrapped or (cut_mid_sentence and previous.right >= margin * 0.75)


def _gap_between(previous: TextRow, row: TextRow) -> bool:
    """Is there paragraph spacing (more than line spacing) between two rows?"""
    if row.page != previous.page or row.top > previous.top:
        return True
    return previous.bottom - row.bottom > _PARAGRAPH_PITCH * max(row.size, previous.size)


def _kind(rows: list[TextRow], text: str, body_size: float, margin: float, following: Block | None) -> str:
    """Heading, paragraph or a line of its own. A heading is tagged as one, or
    is a short bold or larger paragraph with text under it (so a bold
    signature is not a heading)."""
    words = len(text.split())
    ends = text.rstrip("”’\"') ").endswith((*SENTENCE_END, ","))
    role = rows[0].role
    tagged_heading = role == "H" or (len(role) == 2 and role[0] == "H" and role[1].isdigit())
    if tagged_heading and words <= 25 and not ends:
        return HEADING
    starts = text[:1].isupper() or text[:1].isdigit()
    larger = rows[0].size >= body_size + 1.5
    body_follows = following is not None and (
        following.kind == ITEM or (following.kind == PARAGRAPH and len(following.text) > 60)
    )
    short = starts and not ends and words <= 14 and len(rows) <= 2
    if short and (all(r.bold for r in rows) or larger) and body_follows:
        return HEADING
    if len(rows) == 1 and rows[0].right < margin * 0.75:
        return LINE
    return PARAGRAPH


def _continues_across_pages(before: Block, after: Block) -> bool:
    """Is `after`, first on its page, the rest of the paragraph `before`?"""
    if before.kind not in (PARAGRAPH, ITEM) or after.kind not in (PARAGRAPH, LINE):
        return False
    start = after.text[:1]
    return start.islower() or (not _ends_sentence(before.text) and not start.isdigit())


def _ends_sentence(text: str) -> bool:
    return text.rstrip("”’\"') ").endswith(SENTENCE_END)


def _glue(before: str, after: str) -> str:
    """Join two rows: no space after a hyphen that ends a row mid-word."""
    if before.endswith("-") and len(before) > 1 and before[-2].isalnum() and after[:1].isalnum():
        return ""  # "COVID-" "19", "child-" "centred"
    return " "


def _label_apart(row: TextRow) -> list[Piece]:
    """A list label run into its text ("10.However": the tab between them is
    lost) becomes two pieces with a space between, positions kept."""
    glued = _GLUED_LABEL.match(row.text)
    if not glued:
        return [_piece(row)]
    label = Piece(glued.group(), Place(row.row, row.column, row.page))
    return [label, _piece(row, strip=glued.end())]


def _piece(row: TextRow, strip: int = 0, glue: str = " ") -> Piece:
    text = row.text[strip:]
    return Piece(text, Place(row.row, row.column + strip, row.page), glue)
