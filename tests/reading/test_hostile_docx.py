"""Word files built to hurt the reader: nesting that would exhaust the stack,
zip bombs, entity tricks, parts with a huge number of paragraphs or styles.
Each must end in one clear DocumentError (PARSE002 for the CLI), quickly and
in bounded memory, never a traceback or a hang. The files are built here,
small on disk."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from checker.reading.document import DocumentError
from checker.reading.docx import read_docx
from tests.conftest import letter_path

W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
LETTER = "<w:p><w:r><w:t>2 August 2021</w:t></w:r></w:p><w:p><w:r><w:t>Dear Ms Smith</w:t></w:r></w:p>"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{prolog}<w:document {W}><w:body>{LETTER}{body}</w:body></w:document>'.encode()
    )


def docx(parts: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return output.getvalue()


@pytest.mark.parametrize(
    "body",
    [
        "<w:sdt><w:sdtContent>" * 5000 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 5000,
        "<w:p>" + "<w:hyperlink>" * 5000 + "<w:r><w:t>x</w:t></w:r>" + "</w:hyperlink>" * 5000 + "</w:p>",
        "<w:tbl><w:tr><w:tc>" * 2000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 2000,
    ],
    ids=["content-controls", "links", "tables"],
)
def test_nesting_deeper_than_any_draft_is_one_clear_error(body):
    with pytest.raises(DocumentError) as caught:
        read_docx(docx({"word/document.xml": document_xml(body)}), name="deep.docx")
    assert caught.value.reason == "corrupt"
    assert "more than 100 deep in the document" in caught.value.message


def test_nesting_as_deep_as_real_drafts_go_is_read():
    body = "<w:tbl><w:tr><w:tc>" * 10 + "<w:p><w:r><w:t>Inside ten tables.</w:t></w:r></w:p>"
    body += "</w:tc></w:tr></w:tbl>" * 10
    document = read_docx(docx({"word/document.xml": document_xml(body)}))
    assert "Inside ten tables." in document.lines


def test_a_deeply_nested_draft_is_a_parse_error_and_the_other_files_are_checked(cli, tmp_path):
    body = "<w:sdt><w:sdtContent>" * 5000 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 5000
    hostile = tmp_path / "deep.docx"
    hostile.write_bytes(docx({"word/document.xml": document_xml(body)}))
    result = cli("check", str(hostile), letter_path("bcp_focused_2023.md"), "--format", "json")
    assert result.exit_code == 2
    files = {f["path"]: f["diagnostics"] for f in json.loads(result.stdout)["files"]}
    assert [d["rule"] for d in files[str(hostile)]] == ["PARSE002"]
    assert letter_path("bcp_focused_2023.md") in files


def _declaring(data: bytes, actual: int, declared: int) -> bytes:
    """The zip with every record of a part's uncompressed size changed to a lie."""
    return data.replace(actual.to_bytes(4, "little"), declared.to_bytes(4, "little"))


def test_a_part_whose_declared_size_lies_is_inflated_in_bounded_memory():
    """80 MB of paragraphs squeezed into a few KB, declared as 100 bytes: the
    reader stops at the declared size (a damaged file) without ever holding
    more than a chunk of what the stream would inflate to."""
    import tracemalloc

    xml = document_xml("<w:p/>" * (80_000_000 // 6))
    bomb = _declaring(docx({"word/document.xml": xml}), len(xml), 100)
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            read_docx(bomb, name="bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "corrupt"
    assert "Bad CRC-32" in caught.value.message
    assert peak < 20 * 1024 * 1024


def test_a_part_larger_than_10_mb_is_not_a_letter():
    xml = document_xml("<w:p/>" * (12_000_000 // 6))
    with pytest.raises(DocumentError) as caught:
        read_docx(docx({"word/document.xml": xml}), name="big.docx")
    assert caught.value.reason == "too-large"
    assert "word/document.xml is larger than 10 MB" in caught.value.message


def test_each_paragraph_is_followed_by_the_next_one_with_text():
    """Whether a short bold paragraph is a heading depends on the paragraph
    after it; that one is found in one pass (a slice per paragraph made
    300,000 paragraphs take minutes)."""
    from checker.reading.docx import _next_with_text, _Paragraph

    paragraphs = [_Paragraph(n, "", text) for n, text in enumerate(["a", "", " ", "b", "", "c", ""], 1)]
    assert [p.number if p else None for p in _next_with_text(paragraphs)] == [4, 4, 4, 6, 6, None, None]


def _read_within_cpu_seconds(tmp_path, data: bytes, seconds: int):
    """Read the file in a child process allowed `seconds` of CPU: a hang guard
    (the reader was quadratic here and took minutes), not a speed test."""
    import subprocess
    import sys

    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))\n"
        "from checker.reading.docx import read_docx\n"
        "document = read_docx(sys.argv[1])\n"
        "print(len(document.lines), document.locate(len(document.lines), 1))\n"
    )
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)


def test_a_paragraph_of_a_hundred_thousand_line_breaks_is_read(tmp_path):
    body = "<w:p>" + "<w:r><w:t>ab</w:t><w:br/></w:r>" * 100_000 + "</w:p>"
    result = _read_within_cpu_seconds(tmp_path, docx({"word/document.xml": document_xml(body)}), 20)
    assert result.returncode == 0, result.stderr[-500:]
    # the last line is the paragraph's 100,000th piece: 99,999 pieces of 'ab' and a break each before it
    assert result.stdout.split(" ", 1)[1].startswith("Place(line=3, column=299998")


RELATIONSHIPS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rH" Type="header" Target="header1.xml"/>'
    b'<Relationship Id="rG" Type="header" Target="header2.xml"/></Relationships>'
)


def _header(body: bytes) -> bytes:
    return f'<?xml version="1.0"?><w:hdr {W}>'.encode() + body + b"</w:hdr>"


def test_a_header_named_many_times_is_read_once():
    section = "<w:sectPr>" + '<w:headerReference w:type="default" r:id="rH"/>' * 500 + "</w:sectPr>"
    data = docx(
        {
            "word/document.xml": document_xml(section),
            "word/_rels/document.xml.rels": RELATIONSHIPS,
            "word/header1.xml": _header(b"<w:p><w:r><w:t>Ofsted</w:t></w:r></w:p>"),
        }
    )
    assert read_docx(data).lines.count("Ofsted") == 1


def test_parts_larger_than_20_mb_together_are_not_a_letter():
    """Three 8 MB parts: none is too large alone, together they are."""
    styles = f'<?xml version="1.0"?><w:styles {W}>'.encode() + b" " * 8_000_000 + b"</w:styles>"
    comments = f'<?xml version="1.0"?><w:comments {W}>'.encode() + b" " * 8_000_000 + b"</w:comments>"
    document = document_xml(" " * 8_000_000)
    data = docx({"word/styles.xml": styles, "word/comments.xml": comments, "word/document.xml": document})
    with pytest.raises(DocumentError) as caught:
        read_docx(data)
    assert caught.value.reason == "too-large"
    assert "larger than 20 MB in all" in caught.value.message


def test_thousands_of_styles_are_looked_up_in_one_parse_not_a_search_each(monkeypatch):
    """Each style cut out of the styles part searches the whole part: a file
    naming thousands of styles took minutes. Past a few dozen the part is
    parsed once, and every paragraph still gets its own style's meaning."""
    from checker.reading import docx as reader

    count = 600
    styles = f'<?xml version="1.0"?><w:styles {W}>' + "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="Style {i}"/></w:style>'
        for i in range(count)
    )
    styles += '<w:style w:type="paragraph" w:styleId="h"><w:name w:val="heading 2"/></w:style></w:styles>'
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr><w:r><w:t>Line {i}.</w:t></w:r></w:p>'
        for i in range(count)
    )
    body += '<w:p><w:pPr><w:pStyle w:val="h"/></w:pPr><w:r><w:t>Findings</w:t></w:r></w:p>'
    cuts = []
    cut = reader._Styles._cut
    monkeypatch.setattr(
        reader._Styles, "_cut", lambda self, style_id: cuts.append(style_id) or cut(self, style_id)
    )
    document = read_docx(docx({"word/document.xml": document_xml(body), "word/styles.xml": styles.encode()}))
    assert len(cuts) <= reader._STYLES_CUT_ONE_BY_ONE
    assert "## Findings" in document.lines and "Line 599." in document.lines
