"""Read a Word draft (.docx) into the letter's text lines and its review marks.

    document = read_docx("draft.docx")      # or read_docx(data, name="draft.docx")
    document.lines                          # the letter as text lines
    document.review                         # tracked insertions, deletions and comments
    document.locate(line, column)           # -> Place(paragraph, character, part="")

The OOXML is read directly with the standard library (zipfile and
ElementTree) rather than python-docx: tracked changes (`w:ins`, `w:del`) and
comments anchored in the text are not first-class there, and reading them
ourselves costs no dependency. The text is the draft with its tracked changes
accepted (insertions in, deletions out); every change and comment left in it
is returned in `Document.review`, because none of them may be published.

Paragraphs are numbered in document order from 1, table cells included, so a
position names the paragraph and the character in it (`Place.line`,
`Place.column`); a text box's paragraphs follow the paragraph it is anchored
in. Headers and footers (where a letterhead often lives, often in a text box) are read
first, as the letterhead, with `Place.part` "header" or "footer". Headings come
from paragraph styles or outline levels (and short bold paragraphs); any
numbered or bulleted paragraph is written as a `• ` item, whatever its numbering.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

from checker.reading.document import (
    DOCX,
    HEADING,
    ITEM,
    LINE,
    PARAGRAPH,
    PARAGRAPH_BREAK,
    PARAGRAPH_FORMATTING,
    Block,
    Document,
    DocumentError,
    Piece,
    Place,
    ReviewMark,
    document_bytes,
    render,
)
from checker.reading.source import ENCRYPTED_PACKAGE, OLE_CONTAINER

# A letter's document.xml is some 50-300 KB, even with tracked changes; parsed
# XML takes some 40 times its size in memory, so these bound a hostile file to
# well under a gigabyte (a text letter's limit is 10 MB of text).
_MAX_PART_MB = 10
_MAX_TOTAL_MB = 20
_MAX_PART_BYTES = (
    _MAX_PART_MB * 1024 * 1024
)  # an XML part larger than this is not a letter (or is a zip bomb)
_MAX_TOTAL_BYTES = _MAX_TOTAL_MB * 1024 * 1024  # nor are all the parts read, together
_STYLES_CUT_ONE_BY_ONE = 40  # styles cut out of the styles part before it is parsed whole
_MAX_NESTING = 100  # wrappers (tables, content controls, links) nested deeper than this are not a letter
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BULLET = re.compile(r"^[•◼▪■●○◦·‣⁃➢➤✓\uf0b7\uf0a7\uf06e\uf0d8\uf0fc]\s*(?=\S)|^[-–*]\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", ",")
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.IGNORECASE)


def _local(tag: str) -> str:
    """An element's name without its namespace (OOXML transitional and strict alike)."""
    return tag.rpartition("}")[2]


def _attr(element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(element, name: str):
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _is_on(element) -> bool:
    """A toggle property (<w:b/>, <w:b w:val="false"/>) is on unless it says off."""
    return element is not None and _attr(element, "val") not in ("0", "false", "off", "none")


def _parse(data: bytes, name: str):
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        line, column = error.position
        raise DocumentError(
            f"the Word file is damaged ({name} is not well-formed XML at line {line}, column {column + 1})",
            "corrupt",
        ) from None


# -- the package ----------------------------------------------------------------


def read_docx(source: str | Path | bytes, name: str | None = None) -> Document:
    """Read a Word file (a path or its bytes) into a `Document`; raise
    `DocumentError` for a damaged, encrypted or non-Word file."""
    data, path = document_bytes(source, name, DOCX)
    package = _Package(data)
    styles = _Styles(package.raw("word/styles.xml"))
    comments = _comments(package.xml("word/comments.xml"))
    reader = _Reader(styles, comments)
    document_xml = package.xml("word/document.xml")
    if document_xml is None:
        raise DocumentError("not a Word document: the file has no word/document.xml", "corrupt")
    body = _child(document_xml, "body")
    if body is None:
        raise DocumentError("not a Word document: word/document.xml has no body", "corrupt")
    for part, target in package.headers_and_footers(body):
        reader.read_part(package.xml(target), part)
    reader.read_part(body, "")
    document = render(path, DOCX, reader.blocks())
    for mark in reader.marks:
        mark.line, mark.column = document.position_of(mark.place)
    document.review = reader.marks
    return document


class _Package:
    """The .docx zip: its XML parts, read with size limits."""

    def __init__(self, data: bytes) -> None:
        if data.startswith(OLE_CONTAINER):
            if ENCRYPTED_PACKAGE in data:
                raise DocumentError(
                    "the Word file is encrypted with a password; save an unprotected copy to check it",
                    "encrypted",
                )
            raise DocumentError("an old Word 97–2003 (.doc) file, not .docx: save it as .docx", "corrupt")
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except zipfile.BadZipFile:
            raise DocumentError(
                "the Word file is damaged (not a valid .docx zip archive)", "corrupt"
            ) from None
        self.names = set(self.zip.namelist())
        self.inflated = 0  # bytes of all the parts read so far

    def raw(self, name: str) -> bytes | None:
        """The part's bytes, or None if the package has no such part."""
        if name not in self.names:
            return None
        if self.zip.getinfo(name).file_size > _MAX_PART_BYTES:
            raise DocumentError(
                f"the Word file's {name} is larger than {_MAX_PART_MB} MB: not a letter", "too-large"
            )
        try:
            return self._read_bounded(name)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise DocumentError(f"the Word file is damaged ({name}: {error})", "corrupt") from None
        except NotImplementedError:
            raise DocumentError(
                f"the Word file's {name} uses an unsupported compression", "corrupt"
            ) from None

    def _read_bounded(self, name: str) -> bytes:
        """The part's bytes, inflated a chunk at a time: the size the zip
        declares can lie, and one unbounded read would inflate the whole
        stream into memory (a few hundred KB can hold gigabytes) before the
        declared size or the checksum could stop it."""
        chunks = []
        total = 0
        with self.zip.open(name) as part:
            while chunk := part.read(1024 * 1024):
                total += len(chunk)
                self.inflated += len(chunk)
                if self.inflated > _MAX_TOTAL_BYTES and total <= _MAX_PART_BYTES:
                    raise DocumentError(
                        f"the Word file's text and markup are larger than {_MAX_TOTAL_MB} MB in all: not a letter",
                        "too-large",
                    )
                if total > _MAX_PART_BYTES:
                    raise DocumentError(
                        f"the Word file's {name} is larger than {_MAX_PART_MB} MB: not a letter", "too-large"
                    )
                chunks.append(chunk)
        return b"".join(chunks)

    def xml(self, name: str):
        """The parsed part, or None if the package has no such part."""
        data = self.raw(name)
        return None if data is None else _parse(data, name)

    def headers_and_footers(self, body) -> list[tuple[str, str]]:
        """(part, path) of the headers and footers shown on the first page."""
        section = None
        for element in body.iter():
            if _local(element.tag) == "sectPr":
                section = element
                break
        relations = self.xml("word/_rels/document.xml.rels")
        if section is None or relations is None:
            return []
        targets = {_attr(rel, "Id"): _attr(rel, "Target") or "" for rel in relations}
        first_page_differs = _is_on(_child(section, "titlePg"))
        wanted = "first" if first_page_differs else "default"
        found = []
        for reference in section:
            kind = _local(reference.tag)
            if (
                kind not in ("headerReference", "footerReference")
                or (_attr(reference, "type") or "default") != wanted
            ):
                continue
            target = targets.get(reference.get(f"{{{_RELATIONSHIPS}}}id") or _attr(reference, "id"), "")
            target = target.lstrip("/")
            path = target if target.startswith("word/") else f"word/{target}"
            if path not in (seen for _, seen in found):  # a part named twice is read once
                found.append(("header" if kind == "headerReference" else "footer", path))
        return sorted(found, key=lambda item: item[0] != "header")


class _Styles:
    """Paragraph styles: which are headings, lists or bold (following basedOn).

    A styles part can be large (350 KB in python-docx's template, mostly
    styles no paragraph uses), so only the styles a paragraph names are
    parsed, each cut out of the part on first use. Each cut searches the
    part: past a few dozen styles (a hostile file naming thousands) the part
    is parsed whole once instead.
    """

    def __init__(self, data: bytes | None) -> None:
        self._data = data or b""
        self._styles: dict[str, object | None] = {}
        root = re.search(rb"<(\w+):styles\b[^>]*>", self._data)
        self._open = root.group() if root else b""  # the root's start tag: its namespace declarations
        self._prefix = root.group(1) if root else b""
        self._whole: dict[str, object] | None = None
        self.default_paragraph = self._default_paragraph()

    def _default_paragraph(self) -> str | None:
        if not self._open:
            return next(
                (i for i, s in self._parse_whole().items() if _attr(s, "default") in ("1", "true")), None
            )
        prefix = re.escape(self._prefix)
        for start in re.finditer(rb"<" + prefix + rb":style\b[^>]*>", self._data):
            tag = start.group()
            if b'type="paragraph"' in tag and re.search(rb'default="(?:1|true)"', tag):
                style_id = re.search(rb'styleId="([^"]*)"', tag)
                return style_id.group(1).decode("utf-8", "replace") if style_id else None
        return None

    def _style(self, style_id: str):
        if style_id not in self._styles:
            cut = self._open and len(self._styles) < _STYLES_CUT_ONE_BY_ONE
            self._styles[style_id] = self._cut(style_id) if cut else self._parse_whole().get(style_id)
        return self._styles[style_id]

    def _cut(self, style_id: str):
        prefix = re.escape(self._prefix)
        found = re.search(
            rb"<"
            + prefix
            + rb":style\b[^>]*\b"
            + prefix
            + rb':styleId="'
            + re.escape(style_id.encode())
            + rb'"[^>]*?(?:/>|>.*?</'
            + prefix
            + rb":style>)",
            self._data,
            re.DOTALL,
        )
        if found is None:
            return None
        closing = b"</" + self._prefix + b":styles>"
        return _parse(self._open + found.group() + closing, "word/styles.xml")[0]

    def _parse_whole(self) -> dict[str, object]:
        if self._whole is None:
            self._whole = {}
            root = _parse(self._data, "word/styles.xml") if self._data else []
            for style in root:
                if _local(style.tag) == "style":
                    self._whole[_attr(style, "styleId") or ""] = style
        return self._whole

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                return
            yield style
            based_on = _child(style, "basedOn")
            style_id = _attr(based_on, "val") if based_on is not None else None

    def name(self, style_id: str | None) -> str:
        for style in self._chain(style_id):
            name = _child(style, "name")
            return (_attr(name, "val") or "") if name is not None else ""
        return ""

    def is_heading(self, style_id: str | None) -> bool:
        if _HEADING_STYLE.match(self.name(style_id)):
            return True
        for style in self._chain(style_id):
            properties = _child(style, "pPr")
            level = _child(properties, "outlineLvl") if properties is not None else None
            if level is not None:
                return (_attr(level, "val") or "9") < "9"
        return False

    def is_list(self, style_id: str | None) -> bool:
        if self.name(style_id).lower().startswith("list"):
            return True
        for style in self._chain(style_id):
            properties = _child(style, "pPr")
            numbering = _child(properties, "numPr") if properties is not None else None
            if numbering is not None:
                return _numbered(numbering)
        return False

    def is_bold(self, style_id: str | None) -> bool:
        for style in self._chain(style_id or self.default_paragraph):
            properties = _child(style, "rPr")
            bold = _child(properties, "b") if properties is not None else None
            if bold is not None:
                return _is_on(bold)
        return False


def _numbered(numbering) -> bool:
    number_id = _child(numbering, "numId")
    return number_id is not None and _attr(number_id, "val") not in (None, "0")


@dataclass(slots=True)
class _Comment:
    author: str
    date: str | None
    text: str


def _comments(root) -> dict[str, _Comment]:
    found = {}
    if root is None:
        return found
    for comment in root:
        if _local(comment.tag) != "comment":
            continue
        paragraphs = [
            "".join(node.text or "" for node in paragraph.iter() if _local(node.tag) == "t")
            for paragraph in comment.iter()
            if _local(paragraph.tag) == "p"
        ]
        found[_attr(comment, "id") or ""] = _Comment(
            _attr(comment, "author") or "unknown author",
            _attr(comment, "date"),
            " ".join(text for text in paragraphs if text),
        )
    return found


# -- paragraphs -------------------------------------------------------------------


@dataclass(slots=True)
class _Paragraph:
    """One Word paragraph as read: its accepted text and how it is styled."""

    number: int
    part: str
    text: str = ""
    breaks: list[int] = field(default_factory=list)  # offsets of manual line breaks
    heading: bool = False
    listed: bool = False
    bold_chars: int = 0  # characters in bold runs

    def column(self, offset: int) -> int:
        """The 1-based character in the paragraph, as Word counts them, of the
        text at `offset`: each manual line break before it is a character of
        its own in Word, and none in `text`."""
        return offset + 1 + bisect_right(self.breaks, offset)  # breaks are in text order

    def place(self, offset: int) -> Place:
        return Place(self.number, self.column(offset), None, self.part)


class _Reader:
    """Walks parts in document order, numbering paragraphs and collecting
    text, tracked changes and comment anchors."""

    def __init__(self, styles: _Styles, comments: dict[str, _Comment]) -> None:
        self.styles = styles
        self.comments = comments
        self.paragraphs: list[_Paragraph] = []
        self.marks: list[ReviewMark] = []
        self._numbers = {"": 0, "header": 0, "footer": 0}
        self._open_comments: dict[str, tuple[Place, list[str]]] = {}
        self._text_boxes: list = []  # text boxes anchored in the paragraph being read

    def read_part(self, root, part: str) -> None:
        if root is None:
            return
        for element in root:
            self._block(element, part, 1)

    def _block(self, element, part: str, depth: int) -> None:
        kind = _local(element.tag)
        if kind == "p":
            self._paragraph(element, part, depth)
        elif kind in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent"):
            _check_depth(depth, part)
            for child in element:
                self._block(child, part, depth + 1)

    def _paragraph(self, element, part: str, depth: int) -> None:
        _check_depth(depth, part)  # text boxes nest paragraphs in paragraphs
        self._numbers[part] += 1
        paragraph = _Paragraph(self._numbers[part], part)
        properties = _child(element, "pPr")
        style_id = None
        if properties is not None:
            style = _child(properties, "pStyle")
            style_id = _attr(style, "val") if style is not None else None
            numbering = _child(properties, "numPr")
            paragraph.listed = numbering is not None and _numbered(numbering)
            level = _child(properties, "outlineLvl")
            paragraph.heading = level is not None and (_attr(level, "val") or "9") < "9"
            self._paragraph_mark_changes(properties, paragraph)
        paragraph.heading = paragraph.heading or self.styles.is_heading(style_id)
        paragraph.listed = paragraph.listed or self.styles.is_list(style_id)
        style_bold = self.styles.is_bold(style_id)
        self._inline(element, paragraph, style_bold, change=None, depth=1)
        self.paragraphs.append(paragraph)
        boxes, self._text_boxes = self._text_boxes, []
        for box in boxes:  # a text box's paragraphs follow the paragraph it is anchored in
            for child in box:
                self._block(child, part, depth + 1)

    def _paragraph_mark_changes(self, properties, paragraph: _Paragraph) -> None:
        """A tracked change to the paragraph itself (a paragraph break inserted
        or deleted, or its formatting changed)."""
        run_properties = _child(properties, "rPr")
        for holder in (properties, run_properties):
            if holder is None:
                continue
            for change in holder:
                kind = {"ins": "insertion", "del": "deletion", "pPrChange": "formatting"}.get(
                    _local(change.tag)
                )
                if kind:
                    text = PARAGRAPH_FORMATTING if kind == "formatting" else PARAGRAPH_BREAK
                    self._mark(kind, change, text, paragraph)

    def _inline(self, element, paragraph: _Paragraph, style_bold: bool, change, depth: int) -> None:
        """The paragraph's content in order: runs, and the wrappers around them."""
        _check_depth(depth, paragraph.part)
        for child in element:
            kind = _local(child.tag)
            if kind == "r":
                self._run(child, paragraph, style_bold, change)
            elif kind in ("ins", "moveTo"):
                start = len(paragraph.text)
                self._inline(child, paragraph, style_bold, "insertion", depth + 1)
                self._mark(
                    "insertion", child, paragraph.text[start:], paragraph, column=paragraph.column(start)
                )
            elif kind in ("del", "moveFrom"):
                deleted = "".join(
                    node.text or "" for node in child.iter() if _local(node.tag) in ("delText", "t")
                )
                self._mark("deletion", child, deleted, paragraph)
            elif kind == "commentRangeStart":
                comment_id = _attr(child, "id") or ""
                place = paragraph.place(len(paragraph.text))
                self._open_comments[comment_id] = (place, [])
            elif kind == "commentRangeEnd":
                self._close_comment(_attr(child, "id") or "", paragraph)
            elif kind in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml"):
                self._inline(child, paragraph, style_bold, change, depth + 1)
            elif kind == "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    self._inline(chosen, paragraph, style_bold, change, depth + 1)

    def _run(self, run, paragraph: _Paragraph, style_bold: bool, change) -> None:
        properties = _child(run, "rPr")
        if properties is not None and _is_on(_child(properties, "vanish")):
            return  # hidden text is not printed
        bold = style_bold
        if properties is not None:
            if _child(properties, "b") is not None:
                bold = _is_on(_child(properties, "b"))
            format_change = _child(properties, "rPrChange")
            if format_change is not None:
                text = "".join(node.text or "" for node in run if _local(node.tag) == "t")
                self._mark("formatting", format_change, text, paragraph)
        for node in run:
            kind = _local(node.tag)
            text = ""
            if kind == "t":
                text = node.text or ""
            elif kind in ("tab", "ptab"):
                text = " "
            elif kind == "noBreakHyphen":
                text = "-"
            elif kind in ("br", "cr"):
                paragraph.breaks.append(len(paragraph.text))
            elif kind in ("drawing", "pict", "AlternateContent"):
                self._text_boxes += _text_boxes(node, paragraph.part, 1)
            elif kind == "commentReference":
                comment_id = _attr(node, "id") or ""
                if comment_id in self.comments and comment_id not in self._open_comments:
                    self._add_comment(comment_id, paragraph.place(len(paragraph.text)), "")
            if text:
                paragraph.text += text
                for comment in self._open_comments.values():
                    comment[1].append(text)
                if bold:
                    paragraph.bold_chars += len(text)

    def _close_comment(self, comment_id: str, paragraph: _Paragraph) -> None:
        opened = self._open_comments.pop(comment_id, None)
        if opened is not None and comment_id in self.comments:
            place, anchor = opened
            self._add_comment(comment_id, place, "".join(anchor))

    def _add_comment(self, comment_id: str, place: Place, anchor: str) -> None:
        comment = self.comments.pop(comment_id)  # each comment is reported once
        self.marks.append(
            ReviewMark("comment", comment.author, comment.text, place, date=comment.date, anchor=anchor)
        )

    def _mark(self, kind: str, change, text: str, paragraph: _Paragraph, column: int | None = None) -> None:
        place = Place(paragraph.number, column or paragraph.column(len(paragraph.text)), None, paragraph.part)
        author = _attr(change, "author") or "unknown author"
        self.marks.append(ReviewMark(kind, author, text, place, date=_attr(change, "date")))

    # -- blocks ----------------------------------------------------------------

    def blocks(self) -> list[Block]:
        """The letter's blocks: header and footer lines first (the letterhead),
        then the body; empty paragraphs and page numbers dropped."""
        for comment_id in list(self._open_comments):  # a range never closed: anchor what was seen
            place, anchor = self._open_comments.pop(comment_id)
            if comment_id in self.comments:
                self._add_comment(comment_id, place, "".join(anchor))
        for comment_id in list(self.comments):  # a comment with no anchor at all
            self._add_comment(comment_id, Place(1, 1), "")
        self.marks.sort(
            key=lambda mark: (
                mark.place.part != "header",
                mark.place.part != "footer",
                mark.place.line,
                mark.place.column,
            )
        )
        ordered = [p for p in self.paragraphs if p.part == "header"]
        ordered += [p for p in self.paragraphs if p.part == "footer"]
        ordered += [p for p in self.paragraphs if p.part == ""]
        following_text = _next_with_text(ordered)
        blocks: list[Block] = []
        previous_empty = True
        previous_part = None
        for index, paragraph in enumerate(ordered):
            lines = _split_lines(paragraph)
            if not lines:
                previous_empty = True
                continue
            if paragraph.part != previous_part:
                previous_empty, previous_part = True, paragraph.part  # a blank line after the letterhead
            if paragraph.part and len(lines) == 1 and _PAGE_NUMBER.match(lines[0].text):
                continue
            kind = self._kind(paragraph, following_text[index])
            for number, piece in enumerate(lines):
                block = Block(kind if number == 0 else LINE, [piece])
                if kind == ITEM and number == 0:
                    glyph = _BULLET.match(piece.text)
                    if glyph:
                        block.pieces = [_shift(piece, glyph.end())]
                block.attached = number > 0 or (
                    not previous_empty and kind == LINE and bool(blocks) and blocks[-1].kind == LINE
                )
                blocks.append(block)
            previous_empty = False
        return blocks

    def _kind(self, paragraph: _Paragraph, following: _Paragraph | None) -> str:
        text = paragraph.text.strip()
        closing = text.rstrip("”’\"') ")
        ends = closing.endswith(_SENTENCE_END)
        # a heading may ask a question ('What needs to improve in this area of
        # social work practice?'), and a heading style may be numbered: a
        # short heading is a heading before it is a list item
        heading_end = ends and not closing.endswith("?")
        if paragraph.heading and len(text.split()) <= 25 and not heading_end:
            return HEADING
        if paragraph.listed or _BULLET.match(text):
            return ITEM
        bold = paragraph.bold_chars >= len(text.replace(" ", "")) > 0
        body_follows = following is not None and (following.listed or len(following.text) > 60)
        if bold and not heading_end and len(text.split()) <= 14 and text[:1].isupper() and body_follows:
            return HEADING
        if paragraph.part or (len(text) < 70 and not ends):
            return LINE  # a letterhead, address or signature line
        return PARAGRAPH


def _next_with_text(paragraphs: list[_Paragraph]) -> list[_Paragraph | None]:
    """For each paragraph, the next one after it that has text (None for the
    last): found in one backward pass, as a draft may hold hundreds of
    thousands of paragraphs."""
    following: list[_Paragraph | None] = [None] * len(paragraphs)
    found = None
    for index in range(len(paragraphs) - 1, -1, -1):
        following[index] = found
        if paragraphs[index].text.strip():
            found = paragraphs[index]
    return following


def _chosen(alternate):
    """What Word shows of an `mc:AlternateContent`: its first `Choice` (Word
    writes a VML `Fallback` with the same text for older readers, which would
    read it twice)."""
    fallback = None
    for option in alternate:
        if _local(option.tag) == "Choice":
            return option
        if _local(option.tag) == "Fallback":
            fallback = option
    return fallback


def _text_boxes(element, part: str, depth: int) -> list:
    """The text boxes (`w:txbxContent`) in a drawing or shape held by a run:
    the letterhead is often one, in the page header."""
    _check_depth(depth, part)
    kind = _local(element.tag)
    if kind == "txbxContent":
        return [element]
    if kind == "AlternateContent":
        chosen = _chosen(element)
        return [] if chosen is None else _text_boxes(chosen, part, depth + 1)
    return [box for child in element for box in _text_boxes(child, part, depth + 1)]


def _check_depth(depth: int, part: str) -> None:
    """Refuse wrappers nested past any real draft's depth: reading them
    would exhaust the stack (a crash, not a verdict)."""
    if depth > _MAX_NESTING:
        where = {"header": "a header", "footer": "a footer"}.get(part, "the document")
        raise DocumentError(
            f"the Word file nests tables, content controls or links more than {_MAX_NESTING} deep "
            f"in {where}: not a letter",
            "corrupt",
        )


def _split_lines(paragraph: _Paragraph) -> list[Piece]:
    """The paragraph's non-empty lines (split at manual line breaks), each a
    piece placed at its first character."""
    pieces = []
    starts = [0, *paragraph.breaks]
    ends = [*paragraph.breaks, len(paragraph.text)]
    for start, end in zip(starts, ends, strict=True):
        raw = paragraph.text[start:end]
        text = raw.strip()
        if text:
            offset = start + len(raw) - len(raw.lstrip())
            pieces.append(Piece(text, paragraph.place(offset)))
    return pieces


def _shift(piece: Piece, count: int) -> Piece:
    place = piece.place
    return Piece(piece.text[count:], Place(place.line, place.column + count, place.page, place.part))
