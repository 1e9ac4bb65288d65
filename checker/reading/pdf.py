"""Read a published PDF letter with PDFium (pypdfium2): text rows, their
geometry and fonts, and the structure tags that say which paragraph each row
belongs to. `pdf_layout` then rebuilds the letter from those rows.

    document = read_pdf("letter.pdf")        # or read_pdf(data, name="letter.pdf")
    document.lines                           # the letter as text lines
    document.locate(line, column)            # -> Place(page, line on the page, column)

PDFium was chosen by measurement (benchmarks/pdf_libraries.md): about 20
times faster than pypdf and pdfminer.six and reads the 2018–19 fonts cleanly.
It is imported here only, so a text-only run never loads it. A PDF that is
damaged, encrypted, or has no text layer (a scan) raises `DocumentError`.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from pathlib import Path

from checker.reading import pdf_layout
from checker.reading.document import PDF, Document, DocumentError, document_bytes, render
from checker.reading.source import MAX_DOCUMENT_BYTES

# PDFium's load errors (FPDF_GetLastError) as the user should read them.
_LOAD_ERRORS = {
    2: ("damaged", "the PDF cannot be opened (file not found or unreadable)"),
    3: ("damaged", "the PDF is damaged (not a valid PDF file)"),
    4: ("encrypted", "the PDF is encrypted with a password; save an unprotected copy to check it"),
    5: ("encrypted", "the PDF uses an unsupported security scheme; save an unprotected copy to check it"),
    6: ("damaged", "the PDF is damaged (a page cannot be read)"),
}
# Structure types that sit inside a paragraph: a row belongs to their parent block.
_INLINE = {"Span", "Link", "Reference", "Quote", "Note", "Annot", "Code", "Em", "Strong", "Sub", "BibEntry"}
_LIST_PARTS = {"Lbl", "LBody"}
_ROW_TOLERANCE = 3.0  # points: rows whose tops are this close are one text row


@dataclass(slots=True)
class TextRow:
    """One line of text as PDFium laid it out on a page.

    Coordinates are PDF points from the page's bottom-left corner. `block` is
    the tagged paragraph (P, H1, LI...) the row belongs to, if the PDF is
    tagged; `order` is the row's place in reading order.
    """

    page: int
    text: str
    column: int  # 1-based column in PDFium's line where `text` starts
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    block: int | None = None
    role: str = ""
    order: float = 0.0
    artifact: bool = False
    row: int = 0  # 1-based text row on the page, counted from the top


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    rows: list[TextRow]
    tagged: bool


def read_pdf(source: str | Path | bytes, name: str | None = None, use_tags: bool = True) -> Document:
    """Read a PDF letter (a path or its bytes) into a `Document`.

    `use_tags=False` ignores structure tags and rebuilds from layout alone
    (what an untagged PDF gets); it exists to measure and test that path.
    """
    data, path = document_bytes(source, name, PDF)
    pages = extract_pages(data, use_tags=use_tags)
    blocks = pdf_layout.rebuild(pages)
    if not blocks:
        raise DocumentError(
            "the PDF's only text is page furniture (page numbers, running headers and footers): "
            "there is no letter in it",
            "no-text",
        )
    tagged = bool(pages) and all(page.tagged for page in pages)
    return render(path, PDF, blocks, pages=len(pages), tagged=tagged)


def extract_pages(data: bytes, use_tags: bool = True) -> list[Page]:
    """Every page's text rows in reading order; raise DocumentError if the PDF
    cannot be opened or holds no readable text."""
    import pypdfium2 as pdfium

    if len(data) > MAX_DOCUMENT_BYTES:  # as a file read by path is bounded (checker.reading.source)
        raise DocumentError("the PDF is larger than 100 MB: not a letter", "too-large")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("not a PDF file (it does not start with %PDF-)", "damaged")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason, message = _LOAD_ERRORS.get(
            error.err_code or 0, ("damaged", f"the PDF cannot be read ({error})")
        )
        raise DocumentError(message, reason) from None
    try:
        if len(document) == 0:
            raise DocumentError("the PDF has no pages", "damaged")
        block_ids: dict[tuple[int, ...], int] = {}
        pages = [_read_page(document, index, use_tags, block_ids) for index in range(len(document))]
    except pdfium.PdfiumError as error:
        raise DocumentError(f"the PDF is damaged ({error})", "damaged") from None
    finally:
        document.close()
    _check_text_layer(pages)
    return pages


def _check_text_layer(pages: list[Page]) -> None:
    text = "".join(row.text for page in pages for row in page.rows)
    visible = [char for char in text if not char.isspace()]
    if len(visible) < 20:
        raise DocumentError(
            "the PDF has no text layer (only images, such as a scan); "
            "lettercheck reads the text of a PDF and cannot read a scan without OCR",
            "no-text",
        )
    readable = sum(1 for char in visible if char.isalnum() or char in ".,;:'’‘“”()-–&/")
    if readable < 0.8 * len(visible):
        raise DocumentError(
            "the PDF's text layer cannot be read (its fonts have no Unicode mapping)", "no-text"
        )


def _read_page(document, index: int, use_tags: bool, block_ids: dict[tuple[int, ...], int]) -> Page:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            marked = _StructureMap(page.raw, block_ids) if use_tags else None
            rows = _rows(textpage, index + 1, marked)
        finally:
            textpage.close()
    finally:
        page.close()
    tagged = marked is not None and marked.tagged
    _number_rows(rows)
    rows = _join_raised(rows)
    if tagged:
        _order_by_tags(rows)
    else:
        pdf_layout.order_by_layout(rows)
    return Page(index + 1, width, height, rows, tagged)


class _Buffers:
    """ctypes out-parameters reused for every character query."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self.rect = pdfium_c.FS_RECTF()
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()


_LINE = re.compile(r"[^\r\n]+")


def _rows(textpage, page_number: int, marked: _StructureMap | None) -> list[TextRow]:
    import pypdfium2.raw as pdfium_c

    handle = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range() if count > 0 else ""
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count))
    buffers = _Buffers()
    rows = []
    for match in _LINE.finditer(text):
        for start, end in _printed_lines(handle, text, match.start(), match.end(), buffers):
            row = _row(handle, text, start, end, page_number, buffers)
            if row is None:
                continue
            if marked is not None:
                marked.assign(handle, start + row.column - 1, row)
            rows.append(row)
    return rows


def _printed_lines(handle, text: str, start: int, end: int, buffers: _Buffers) -> list[tuple[int, int]]:
    """Split PDFium's line where it joined two printed lines at a hyphen
    (written U+FFFE): each printed line is a row, so line numbers on the page
    stay true."""
    pieces = []
    for index in range(start, end - 1):
        if (
            text[index] == "\ufffe"
            and _box(handle, index + 1, buffers)[2] < _box(handle, index, buffers)[2] - 3
        ):
            pieces.append((start, index + 1))
            start = index + 1
    pieces.append((start, end))
    return pieces


def _row(handle, text: str, start: int, end: int, page_number: int, buffers: _Buffers) -> TextRow | None:
    import pypdfium2.raw as pdfium_c

    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    left, _, bottom, top = _box(handle, first, buffers)
    right = _box(handle, last, buffers)[1]
    size = pdfium_c.FPDFText_GetFontSize(handle, first)
    if size < 3:  # a font scaled by the text matrix: take the size from the glyph box
        size = (top - bottom) / 1.15
    if _LONE_CHARACTER.search(stripped):
        stripped = _without_overprints(handle, stripped, first, buffers)
    return TextRow(
        page=page_number,
        text=stripped.replace("\ufffe", "-").replace("\u00a0", " "),
        column=first - start + 1,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        size=size,
        bold=_is_bold(handle, first, buffers) and _is_bold(handle, last, buffers),
    )


_LONE_CHARACTER = re.compile(r"(?<= )\S(?= |$)")


def _without_overprints(handle, text: str, first: int, buffers: _Buffers) -> str:
    """The row without characters drawn back over text already on it (a
    stray '=' printed over the 'H' of 'Her Majesty’s' reads 'Her Majesty = ’s'):
    a character standing alone whose box starts left of the character before
    it is not read. `first` is the text page index of the row's first character."""
    import pypdfium2.raw as pdfium_c

    kept = list(text)
    for found in _LONE_CHARACTER.finditer(text):
        at = found.start()
        before = text[:at].rstrip()
        if not before:
            continue
        previous = _box(handle, first + len(before) - 1, buffers)[0]
        if _box(handle, first + at, buffers)[0] >= previous - 1:
            continue
        kept[at] = ""
        # The spaces PDFium generated around it go too; else one of the two.
        around = [i for i in (at - 1, at + 1) if i < len(text) and text[i] == " "]
        generated = [i for i in around if pdfium_c.FPDFText_IsGenerated(handle, first + i) == 1]
        for index in generated or around[-1:]:
            kept[index] = ""
    return "".join(kept)


def _box(handle, index: int, buffers: _Buffers) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of a character's box from its font's ascent
    and descent, the same height for every character of a font size."""
    import pypdfium2.raw as pdfium_c

    rect = buffers.rect
    pdfium_c.FPDFText_GetLooseCharBox(handle, index, rect)
    return rect.left, rect.right, rect.bottom, rect.top


def _is_bold(handle, index: int, buffers: _Buffers) -> bool:
    import pypdfium2.raw as pdfium_c

    weight = pdfium_c.FPDFText_GetFontWeight(handle, index)
    if weight >= 600:
        return True
    length = pdfium_c.FPDFText_GetFontInfo(handle, index, buffers.name, 256, buffers.flags)
    name = buffers.name.raw[: max(length - 1, 0)].decode("latin-1")
    return any(word in name for word in ("Bold", "bold", "Black", "Heavy", "Semibold", "Demi"))


class _StructureMap:
    """The page's structure tags: marked-content id -> the paragraph it is in.

    A paragraph is named by its path of child indexes from the tree's root,
    which is the same on every page (PDFium builds one tree per page, but
    keeps every child's index), so a paragraph cut by a page break has the
    same block id on both pages. Rows are matched to tags through the text
    object of their first character.
    """

    def __init__(self, page_handle, block_ids: dict[tuple[int, ...], int]) -> None:
        import pypdfium2.raw as pdfium_c

        self.blocks: dict[int, tuple[int, str, int]] = {}  # mcid -> (block id, role, reading order)
        self._block_ids = block_ids
        self._name = ctypes.create_string_buffer(256)
        tree = pdfium_c.FPDF_StructTree_GetForPage(page_handle)
        if not tree:
            return
        try:
            for index in range(pdfium_c.FPDF_StructTree_CountChildren(tree)):
                child = pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, index)
                if child:
                    self._walk(child, (index,), None)
        finally:
            pdfium_c.FPDF_StructTree_Close(tree)

    @property
    def tagged(self) -> bool:
        return bool(self.blocks)

    def _type(self, element) -> str:
        import pypdfium2.raw as pdfium_c

        length = pdfium_c.FPDF_StructElement_GetType(element, self._name, 256)
        return self._name.raw[: max(length - 2, 0)].decode("utf-16-le", errors="replace")

    def _walk(self, element, path: tuple[int, ...], block: tuple[int, str] | None) -> None:
        import pypdfium2.raw as pdfium_c

        if len(path) > 64:  # a malformed, cyclic tree
            return
        role = self._type(element)
        if role == "LI" or (role not in _INLINE and role not in _LIST_PARTS) or block is None:
            block = (self._block_ids.setdefault(path, len(self._block_ids)), role)
        for index in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
            child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, index)
            if child:
                self._walk(child, (*path, index), block)
                continue
            # Marked content on this page; -1 for content on another page.
            mcid = pdfium_c.FPDF_StructElement_GetChildMarkedContentID(element, index)
            if mcid >= 0 and mcid not in self.blocks:
                self.blocks[mcid] = (block[0], block[1], len(self.blocks))

    def assign(self, textpage_handle, index: int, row: TextRow) -> None:
        """Give the row its block, role and reading order, or mark it an artifact."""
        import pypdfium2.raw as pdfium_c

        text_object = pdfium_c.FPDFText_GetTextObject(textpage_handle, index)
        if not text_object:
            return
        mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(text_object)
        found = self.blocks.get(mcid) if mcid >= 0 else None
        if found:
            row.block, row.role, row.order = found[0], found[1], float(found[2])
        elif self._is_artifact(text_object):
            row.artifact = True

    def _is_artifact(self, text_object) -> bool:
        import pypdfium2.raw as pdfium_c

        name = (ctypes.c_ushort * 64)()
        length = ctypes.c_ulong()
        for index in range(pdfium_c.FPDFPageObj_CountMarks(text_object)):
            mark = pdfium_c.FPDFPageObj_GetMark(text_object, index)
            if not mark or not pdfium_c.FPDFPageObjMark_GetName(
                mark, name, ctypes.sizeof(name), ctypes.byref(length)
            ):
                continue
            if bytes(name)[: max(length.value - 2, 0)] == "Artifact".encode("utf-16-le"):
                return True
        return False


def _number_rows(rows: list[TextRow]) -> None:
    """Number the page's text rows from the top, as a reader counts lines:
    pieces of text side by side on one baseline share a row number."""
    row_number = 0
    previous_top = None
    for row in sorted(rows, key=lambda r: -r.top):
        if previous_top is None or previous_top - row.top > _ROW_TOLERANCE:
            row_number += 1
            previous_top = row.top
        row.row = row_number


def _join_raised(rows: list[TextRow]) -> list[TextRow]:
    """Join text set smaller and touching the text before it on the same row
    (a superscript: "1" "st Floor" is "1st Floor"): PDFium puts a raised
    run on a line of its own."""
    joined: list[TextRow] = []
    for row in rows:
        before = joined[-1] if joined else None
        if (
            before is not None
            and (before.page, before.row) == (row.page, row.row)
            and abs(row.left - before.right) < 1.5
            and min(row.size, before.size) < 0.8 * max(row.size, before.size)
        ):
            before.text += row.text
            before.right = row.right
            before.size = max(before.size, row.size)
            continue
        joined.append(row)
    return joined


def _order_by_tags(rows: list[TextRow]) -> None:
    """Sort rows into the tags' reading order; an untagged row stays after
    the row that preceded it in the content stream."""
    last = -1.0
    for position, row in enumerate(rows):
        if row.block is None:
            row.order = last + (position + 1) / (len(rows) + 2) * 1e-3
        else:
            last = row.order
    rows.sort(key=lambda r: r.order)
