"""Make small untagged PDFs in tests with PDFium: text rows at given places.

Published letters are all tagged; these let the tests drive the layout path
(untagged PDFs) with exactly the geometry a case needs.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

A4 = (595.0, 842.0)


@dataclass
class Text:
    """One row of text: baseline at (x, y) in points from the bottom left."""

    x: float
    y: float
    text: str
    size: float = 12.0
    bold: bool = False


def make_pdf(pages: list[list[Text]], images: int = 0) -> bytes:
    """A PDF whose pages hold these rows (Helvetica) and `images` image-only pages."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument.new()
    for rows in pages:
        page = document.new_page(*A4)
        for row in rows:
            font = b"Helvetica-Bold" if row.bold else b"Helvetica"
            text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, font, row.size)
            encoded = (row.text + "\0").encode("utf-16-le")
            buffer = ctypes.create_string_buffer(encoded, len(encoded))
            pdfium_c.FPDFText_SetText(text_object, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
            pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, row.x, row.y)
            pdfium_c.FPDFPage_InsertObject(page.raw, text_object)
        page.gen_content()
    for _ in range(images):
        page = document.new_page(*A4)
        bitmap = pdfium.PdfBitmap.new_native(200, 100, pdfium_c.FPDFBitmap_BGRx)
        bitmap.fill_rect((90, 90, 90, 255), 0, 0, 200, 100)
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(50, 400))
        page.insert_obj(image)
        page.gen_content()
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def paragraph(x: float, y: float, rows: list[str], size: float = 12.0, leading: float = 14.5) -> list[Text]:
    """Rows of one paragraph, each `leading` points below the one before."""
    return [Text(x, y - index * leading, text, size) for index, text in enumerate(rows)]
