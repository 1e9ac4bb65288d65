"""How well the Word reader rebuilds letters, measured on the corpus.

    python benchmarks/docx_agreement.py [--corpus ../shared/real] [--keep DIR] [--show N]

There are no real Word drafts to calibrate on, so for each text letter
(letters/<name>.txt; fixtures/real/*.txt when ../shared is absent) this writes
a Word draft the way editors' drafts look, with python-docx: the letterhead in
the first page's header (and a page number in the footer), the title and
section headings in Heading styles or, in one letter in four, as short bold
paragraphs, list items in List Bullet or List Number styles or as list
paragraphs with direct numbering, the address and the signature as separate
paragraphs (in some letters the address typed with manual line breaks),
empty paragraphs between paragraphs in some letters and spacing only in
others, a manual line break inside a long paragraph in some, and the date
and address in a table in a few. Which letter gets which is fixed by its
place in the sorted list, so every run writes the same drafts.

It then reads each draft with lettercheck, parses both the draft and the text
and compares the letter-model fields pdf_agreement.py compares (type, letter
date, visit dates, inspectors, signatory, section kinds, number of
recommendations and findings, closing, sign-off), and the problems `check`
reports with the core rules (rule and count). Figures are printed, never
asserted (targets: >= 98 % of fields, the same problems on >= 150/152).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pdf_agreement import FIELDS, fields, parse, print_some, problems  # noqa: E402
from checker.reading import source  # noqa: E402
from checker.reading.document import DocumentError  # noqa: E402
from tests.docxmaker import line_break, new_document, to_bytes  # noqa: E402

BULLET = "• "


@dataclass(frozen=True)
class Style:
    """How one draft is written: chosen by the letter's place in the corpus."""

    bold_headings: bool  # headings as short bold paragraphs, not Heading styles
    list_style: str  # "List Bullet", "List Number" or "numbering" (List Paragraph + numPr)
    empty_paragraphs: bool  # an empty paragraph between paragraphs (else spacing only)
    address_breaks: bool  # the recipient's address typed with Shift+Enter
    broken_paragraph: bool  # one long paragraph with a manual line break after a sentence
    table: bool  # the date and the address in a two-cell table
    first_page_header: bool  # the letterhead in a "different first page" header
    letterhead: str  # "paragraphs", "table" (logo cell, address cell) or "text box" in the header

    @classmethod
    def for_letter(cls, index: int) -> Style:
        return cls(
            bold_headings=index % 4 == 3,
            list_style=("List Bullet", "List Number", "numbering")[index % 3],
            empty_paragraphs=index % 2 == 0,
            address_breaks=index % 5 == 1,
            broken_paragraph=index % 5 == 2,
            table=index % 12 == 5,
            first_page_header=index % 2 == 1,
            letterhead=("paragraphs", "table", "text box")[index % 3 if index % 7 else 0],
        )


def _lines(text) -> range:
    """The 1-based line numbers a model text spans."""
    if not text:
        return range(0)
    span = text.span()
    return range(span.line, span.end_line + 1)


@dataclass
class Roles:
    """What each line of the text letter is, from the letter model read from it."""

    letterhead: set[int]
    date: set[int]
    recipient: set[int]
    title: set[int]
    headings: set[int]
    signature: set[int]

    @classmethod
    def of(cls, letter) -> Roles:
        def lines(*texts) -> set[int]:
            return {number for text in texts for number in _lines(text)}

        recipient = letter.recipient.text if letter and letter.recipient else None
        return cls(
            letterhead=lines(*letter.letterhead) if letter else set(),
            date=lines(letter.date_line) if letter else set(),
            recipient=lines(recipient),
            title=lines(letter.title) if letter else set(),
            headings=lines(*(s.heading for s in letter.sections)) if letter else set(),
            signature=lines(letter.signature) if letter else set(),
        )


def _letterhead(header, lines: list[str], how: str) -> None:
    """The letterhead in the header: paragraphs, a table beside the logo's
    cell, or a text box (written as Word writes one: a DrawingML shape and a
    VML fallback holding the same text)."""
    from docx.shared import Inches

    if not lines:
        return
    if how == "paragraphs":
        header.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            header.add_paragraph(line)
    elif how == "table":
        cell = header.add_table(rows=1, cols=2, width=Inches(6)).cell(0, 1)
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    else:
        header.paragraphs[0]._p.append(_text_box(lines))


def _text_box(lines: list[str]):
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    content = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
    namespaces = (
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    return parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a')} {namespaces}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>4500000</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>400000</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2400000" cy="1400000"/><wp:wrapNone/><wp:docPr id="1" name="Letterhead"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{content}</w:txbxContent>'
        "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="Letterhead" type="#_x0000_t202"><v:textbox>'
        f"<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _page_number(paragraph) -> None:
    """A PAGE field, as Insert › Page Number writes it (the result, "1", is what Word last showed)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for run in (
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{run}</w:r>"))


def _list_paragraph(document, text: str, style: Style):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if style.list_style != "numbering":
        return document.add_paragraph(text, style=style.list_style)
    paragraph = document.add_paragraph(text, style="List Paragraph")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    return paragraph


def _heading(document, text: str, level: int, style: Style):
    if style.bold_headings:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = True
        return paragraph
    return document.add_heading(text, level=level)


def _body_paragraph(document, text: str, style: Style, broken: list[bool]):
    """A paragraph; in some drafts the first long one has a manual line break
    after a sentence (as pasted or typed text often has)."""
    if style.broken_paragraph and not broken[0] and len(text) > 300:
        cut = text.find(". ", 150)
        if cut > 0:
            broken[0] = True
            paragraph = document.add_paragraph(text[: cut + 1])
            line_break(paragraph, text[cut + 2 :])
            return paragraph
    return document.add_paragraph(text)


def make_draft(text: str, letter, style: Style) -> bytes:
    """The text letter as an editor's Word draft (see the module's docstring)."""
    document = new_document()
    roles = Roles.of(letter)
    lines = text.splitlines()
    section = document.sections[0]
    if style.first_page_header:
        section.different_first_page_header_footer = True
        header, footer = section.first_page_header, section.first_page_footer
    else:
        header, footer = section.header, section.footer
    letterhead = [lines[number - 1].strip() for number in sorted(roles.letterhead)]
    _letterhead(header, [line for line in letterhead if line], style.letterhead)
    _page_number(footer.paragraphs[0])

    broken = [False]
    table_lines = roles.date | roles.recipient if style.table else set()
    table_cells: tuple[list[str], list[str]] = ([], [])
    address: list[str] = []  # recipient lines waiting to be written with Shift+Enter
    previous_blank = True
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if number in roles.letterhead:
            continue
        if number in table_lines:
            if line:
                table_cells[number not in roles.date].append(line)
            if number == max(table_lines):
                table = document.add_table(rows=1, cols=2)
                for cell, cell_lines in zip(table.rows[0].cells, table_cells, strict=True):
                    cell.text = cell_lines[0] if cell_lines else ""
                    for extra in cell_lines[1:]:
                        cell.add_paragraph(extra)
            continue
        if style.address_breaks and number in roles.recipient and line:
            address.append(line)
            if number == max(roles.recipient):
                paragraph = document.add_paragraph(address[0])
                for extra in address[1:]:
                    line_break(paragraph, extra)
            continue
        if not line:
            if style.empty_paragraphs and not previous_blank:
                document.add_paragraph("")
            previous_blank = True
            continue
        previous_blank = False
        if number in roles.title:
            _heading(document, line, 1, style)
        elif number in roles.headings:
            _heading(document, line, 2, style)
        elif line.startswith(BULLET):
            _list_paragraph(document, line[len(BULLET) :], style)
        elif number in roles.signature:
            document.add_paragraph(line)  # each signature line a paragraph of its own
        else:
            _body_paragraph(document, line, style, broken)
    return to_bytes(document)


def _letterhead_of(letter) -> list[str]:
    return [" ".join(str(line).split()) for line in letter.letterhead] if letter else []


def corpus_letters(corpus: Path) -> list[Path]:
    letters = sorted((corpus / "letters").glob("*.txt"))
    return letters or sorted((ROOT / "fixtures" / "real").glob("*.txt"))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", default=str(ROOT.parent / "shared" / "real"))
    options.add_argument("--keep", help="write the drafts into this folder (to open them in Word)")
    options.add_argument("--show", type=int, default=30, help="list at most N differing fields")
    options.add_argument("--no-rules", action="store_true", help="skip the comparison of problems")
    args = options.parse_args()
    texts = corpus_letters(Path(args.corpus))
    if not texts:
        sys.exit(f"no text letters under {Path(args.corpus) / 'letters'} nor fixtures/real: pass --corpus")
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        compare(texts, Path(args.keep), args)
    else:
        with tempfile.TemporaryDirectory(prefix="docx-agreement-") as scratch:
            compare(texts, Path(scratch), args)


def compare(texts: list[Path], folder: Path, args) -> None:
    """Write each letter's draft into `folder`, read it back and print the agreement."""
    from checker.reading.docx import read_docx

    equal = Counter()
    differences = []
    problem_differences = []
    failures = []
    ms_per_draft = []
    same_problems = matched_problems = total_problems = same_letterhead = 0
    for index, text_path in enumerate(texts):
        text_source = source.read(text_path)
        from_text = parse(text_source)
        draft_path = folder / f"{text_path.stem}.docx"
        draft_path.write_bytes(make_draft(text_source.text, from_text, Style.for_letter(index)))
        started = time.perf_counter()
        try:
            document = read_docx(draft_path)
        except DocumentError as error:
            failures.append(f"{draft_path.name}: {error.message}")
            document = None
        else:
            ms_per_draft.append((time.perf_counter() - started) * 1000)
        from_docx = parse(document.source()) if document else None
        same_letterhead += from_docx is not None and _letterhead_of(from_text) == _letterhead_of(from_docx)
        expected = fields(from_text)
        found = fields(from_docx) if from_docx else dict.fromkeys(FIELDS)
        for name in FIELDS:
            if expected[name] == found[name]:
                equal[name] += 1
            else:
                differences.append(f"{text_path.stem}: {name}: text {expected[name]!r} docx {found[name]!r}")
        if not args.no_rules and from_docx is not None:
            wanted, got = problems(from_text, str(text_path)), problems(from_docx, str(draft_path))
            same_problems += wanted == got
            matched_problems += sum((wanted & got).values())
            total_problems += max(sum(wanted.values()), sum(got.values()))
            if wanted != got:
                missing, extra = dict(wanted - got), dict(got - wanted)
                problem_differences.append(f"{text_path.stem}: text only {missing}, docx only {extra}")

    pairs = len(texts)
    total = pairs * len(FIELDS)
    print(
        f"Word drafts made from {pairs} text letters; fields equal {sum(equal.values())}/{total} "
        f"= {100 * sum(equal.values()) / max(total, 1):.1f} %"
    )
    for name in FIELDS:
        print(f"  {name:16s} {equal[name]:4d}/{pairs}")
    print(f"  (not counted above) letterhead {same_letterhead:4d}/{pairs}")
    if not args.no_rules:
        print(
            f"same problems (rule and count) as the text: {same_problems}/{pairs} letters; "
            f"{matched_problems}/{total_problems} problems matched"
        )
    if ms_per_draft:
        print(f"reading: median {statistics.median(ms_per_draft):.1f} ms per draft")
    if args.keep:
        print(f"drafts kept in {folder}")
    for line in failures:
        print("  !", line)
    print_some(differences, args.show, "-")
    print_some(problem_differences, args.show, "≠")


if __name__ == "__main__":
    main()
