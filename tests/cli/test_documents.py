"""`check` and `report` on PDF and Word letters: positions in the document
(page and line, paragraph and character), review marks, --fix refusal,
files that cannot be read, and how files are recognised."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES, LETTERS, REPEATED
from tests.docxmaker import draft
from tests.pdfmaker import make_pdf

PDFS = FIXTURES / "pdf"
NOTTINGHAM = PDFS / "nottingham_focused_2021.pdf"  # signed off "Your sincerely" (STR014), page 5
NOTTINGHAM_TEXT = FIXTURES / "real" / "nottingham_focused_2021.txt"
LONDON = PDFS / "london-corporation_focused_2018.pdf"


def _json(cli, *args):
    result = cli("check", *args, "--format", "json")
    return result, json.loads(result.stdout)


def printed_line_of(pdf, page_number: int, text: str) -> tuple[int, int]:
    """(line on the page, column) of `text` in a PDF, counted independently of
    lettercheck's reader: the distinct text baselines from the top of the page
    down to the one `text` is on."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[page_number - 1]
        textpage = page.get_textpage()
        everything = textpage.get_text_range()
        at = everything.index(text)
        tops = sorted(
            {
                round(textpage.get_charbox(i, loose=True)[3])
                for i in range(textpage.count_chars())
                if not everything[i].isspace()
            },
            reverse=True,
        )
        rows = []
        for top in tops:  # baselines closer than 3 points are one printed line
            if not rows or rows[-1] - top > 3:
                rows.append(top)
        top = round(textpage.get_charbox(at, loose=True)[3])
        line = next(number for number, row in enumerate(rows, 1) if abs(row - top) <= 3)
        line_start = everything.rfind("\n", 0, at) + 1
        return line, at - line_start + 1
    finally:
        document.close()


# -- PDF: where each problem is ---------------------------------------------------


def test_a_pdf_problem_names_the_page_and_the_line_on_it(cli):
    result = cli("check", str(NOTTINGHAM), "-f", "concise")
    assert result.exit_code == 1
    line, column = printed_line_of(NOTTINGHAM, 5, "Your sincerely")
    assert (line, column) == (11, 1)
    assert result.stdout.splitlines()[0] == (
        f"{NOTTINGHAM}:page 5:{line}:{column}: STR014 [error] "
        "the sign-off 'Your sincerely' is misspelt: write 'Yours sincerely'"
    )


def test_a_pdf_reports_the_problems_its_text_version_does(cli):
    _, data = _json(cli, str(NOTTINGHAM), str(NOTTINGHAM_TEXT))
    from_pdf, from_text = ([d["rule"] for d in f["diagnostics"]] for f in data["files"])
    assert from_pdf == from_text == ["STR014"]


def test_json_gives_the_line_on_the_page_and_the_page(cli):
    _, data = _json(cli, str(NOTTINGHAM))
    (problem,) = data["files"][0]["diagnostics"]
    assert {
        key: problem[key] for key in ("line", "column", "end_line", "end_column", "page", "end_page")
    } == {
        "line": 11,
        "column": 1,
        "end_line": 11,
        "end_column": len("Your sincerely") + 1,
        "page": 5,
        "end_page": 5,
    }
    assert problem["fix"]["replacement"] == "Yours sincerely"  # advice: the PDF is not rewritten
    assert data["summary"]["fixable"] == 0


def test_text_output_shows_the_printed_line_numbered_on_its_page(cli):
    out = cli("check", str(NOTTINGHAM)).stdout
    assert f"--> {NOTTINGHAM}:page 5:11:1" in out
    assert " 11 | Your sincerely" in out
    assert "can be fixed with `--fix`" not in out  # not in a PDF


def test_a_long_problem_shows_the_printed_lines_it_covers(cli, tmp_path):
    """A sentence runs over printed lines, here from page 1 to page 2: each
    line is shown under its number on the page, as the reader sees the page."""
    shutil.copy(LONDON, tmp_path)
    (tmp_path / ".lettercheck.yaml").write_text("params:\n  STYLE003: {max_words: 30}\n", encoding="utf-8")
    out = cli("check", str(tmp_path / LONDON.name), "--select", "STYLE003").stdout
    first = out[: out.index("= help")]
    assert f"{LONDON.name}:page 1:31:37" in first
    shown = [line.split("|")[0].strip() for line in first.splitlines() if line.strip()[:2].isdigit()]
    assert shown == ["31", "32", "33"]
    assert "... to page 2, line 1" in first


def test_github_annotations_say_the_page_in_the_message(cli):
    out = cli("check", str(NOTTINGHAM), "-f", "github").stdout
    assert ",line=11,col=1,endLine=11,endColumn=15," in out
    assert "::page 5, line 11, column 1: the sign-off 'Your sincerely' is misspelt" in out


def test_a_stray_glyph_printed_over_the_signature_is_not_read(cli):
    """London Corporation 2018 (held out from calibration): an '=' is printed
    over the H of 'Her Majesty’s Inspector'; read as text it made the
    signatory 'Andy Whippey Her Majesty = ’s Inspector', not an inspector."""
    _, data = _json(cli, str(LONDON))
    rules = [d["rule"] for d in data["files"][0]["diagnostics"]]
    assert rules == ["STR009"]  # the letter has no closing statement (a warning): nothing else
    report = json.loads(cli("report", str(LONDON), "-f", "json").stdout)["letters"][0]
    assert report["signatory"] == {
        "name": "Andy Whippey",
        "role": "HMI",
        "role_text": "Her Majesty’s Inspector",
    }


# -- Word: paragraphs and review marks ----------------------------------------------


@pytest.fixture()
def word_draft(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    return path


def test_review_marks_are_draft_errors_naming_the_author_and_the_text(cli, word_draft):
    result, data = _json(cli, str(word_draft))
    assert result.exit_code == 1
    marks = [
        (d["rule"], d["message"], d["paragraph"], d["column"])
        for d in data["files"][0]["diagnostics"]
        if d["rule"] in ("DRAFT004", "DRAFT005", "DRAFT006", "DRAFT007")
    ]
    inserted_at = len(
        "Senior leaders have an accurate understanding of the strengths and weaknesses of their services. "
    )
    deleted_at = inserted_at + len("Social workers know their children well. ")
    assert marks == [
        (
            "DRAFT004",
            "tracked insertion by Ann Lee left in the draft: 'Social workers know their children well.'",
            12,
            inserted_at + 1,
        ),
        (
            "DRAFT005",
            "tracked deletion by Bob Ray left in the draft: 'Caseloads are high.'",
            12,
            deleted_at + 1,
        ),
        (
            "DRAFT006",
            "comment by Ann Lee left in the draft on 'Managers provide regular supervision.': "
            "'Check this with the data team'",
            12,
            deleted_at + 1,
        ),
    ]


def test_a_word_problem_names_the_paragraph_and_the_character(cli, word_draft):
    out = cli("check", str(word_draft), "-f", "concise", "--select", "DRAFT004").stdout
    assert out.splitlines()[0].startswith(f"{word_draft}:paragraph 12:98: DRAFT004 [error] tracked insertion")
    _, data = _json(cli, str(word_draft), "--select", "DRAFT004")
    (problem,) = data["files"][0]["diagnostics"]
    assert (problem["line"], problem["paragraph"], problem["part"]) == (12, 12, "body")
    assert problem["end_column"] - problem["column"] == len("Social workers know their children well.")


def test_text_output_shows_the_word_paragraph(cli, word_draft):
    out = cli("check", str(word_draft), "--select", "DRAFT006").stdout
    assert f"--> {word_draft}:paragraph 12:139" in out
    assert " 12 | " in out and "Managers provide regular supervision." in out


def test_a_clean_draft_has_no_review_mark_errors(cli, tmp_path):
    path = tmp_path / "clean.docx"
    path.write_bytes(draft(review_marks=False))
    _, data = _json(cli, str(path), "--select", "draft")
    assert data["files"][0]["diagnostics"] == []


# -- --fix and --diff never rewrite a PDF or a Word file -----------------------------


def test_fix_leaves_pdf_and_word_files_alone_and_says_so_once_each(cli, tmp_path, word_draft):
    pdf = tmp_path / "nottingham.pdf"
    shutil.copy(NOTTINGHAM, pdf)
    text = tmp_path / "letter.md"
    text.write_text(REPEATED, encoding="utf-8")
    before = {path: path.read_bytes() for path in (pdf, word_draft)}
    result = cli("check", "--fix", str(tmp_path), "-f", "concise")
    assert {path: path.read_bytes() for path in (pdf, word_draft)} == before
    assert "Most most" not in text.read_text(encoding="utf-8")  # the text letter was fixed
    refusals = [line for line in result.stderr.splitlines() if "not applied" in line]
    assert refusals == [
        f"lettercheck: warning: {word_draft}: 3 fixes not applied: lettercheck never rewrites a Word file; "
        "make the changes in Word (each problem says what to change)",
        f"lettercheck: warning: {pdf}: 1 fix not applied: lettercheck never rewrites a PDF; "
        "make the changes in the document the PDF was made from (each problem says what to change)",
    ]
    assert f"{pdf}:page 5:11:1: STR014" in result.stdout  # still reported, unfixed
    assert result.exit_code == 1


def test_diff_shows_no_change_for_a_pdf_and_says_why(cli, tmp_path):
    pdf = tmp_path / "nottingham.pdf"
    shutil.copy(NOTTINGHAM, pdf)
    result = cli("check", "--diff", str(pdf))
    assert result.stdout == ""
    assert result.exit_code == 0  # nothing would change
    assert "1 fix not applied: lettercheck never rewrites a PDF" in result.stderr


# -- files that cannot be read: one clear `parse` problem each -----------------------


def test_damaged_encrypted_and_image_only_pdfs_and_a_corrupt_docx(cli, tmp_path):
    (tmp_path / "damaged.pdf").write_bytes(NOTTINGHAM.read_bytes()[:4000])
    shutil.copy(PDFS / "encrypted.pdf", tmp_path / "encrypted.pdf")
    (tmp_path / "scan.pdf").write_bytes(make_pdf([], images=1))
    (tmp_path / "corrupt.docx").write_bytes(draft()[:3000])
    shutil.copy(LETTERS / "kent_focused_2019.md", tmp_path)
    result, data = _json(cli, str(tmp_path))
    assert result.exit_code == 2
    found = {
        f["path"].rsplit("/", 1)[1]: [(d["rule"], d["message"]) for d in f["diagnostics"]]
        for f in data["files"]
    }
    assert found["kent_focused_2019.md"] == []  # the others are still checked
    assert found["encrypted.pdf"] == [
        ("PARSE002", "the PDF is encrypted with a password; save an unprotected copy to check it")
    ]
    ((rule, message),) = found["scan.pdf"]
    assert rule == "PARSE002" and message.startswith("the PDF has no text layer")
    ((rule, message),) = found["damaged.pdf"]
    assert rule == "PARSE002" and message.startswith("the PDF is damaged")
    assert found["corrupt.docx"] == [("PARSE002", "the Word file is damaged (not a valid .docx zip archive)")]


def test_parse_help_names_pdf_and_word_files(cli):
    out = cli("check", str(PDFS / "encrypted.pdf")).stdout
    assert "PDFs with a text layer and Word .docx files" in out
    assert "Traceback" not in out


# -- which files are read, and as what --------------------------------------------------


def test_folders_include_pdf_and_word_files_unless_the_configuration_says_otherwise(
    cli, tmp_path, word_draft
):
    shutil.copy(NOTTINGHAM, tmp_path)
    shutil.copy(LETTERS / "kent_focused_2019.md", tmp_path)
    _, data = _json(cli, str(tmp_path))
    assert sorted(f["path"].rsplit("/", 1)[1] for f in data["files"]) == [
        "draft.docx",
        "kent_focused_2019.md",
        "nottingham_focused_2021.pdf",
    ]
    configured = tmp_path / "configured"
    shutil.copytree(tmp_path, configured, ignore=shutil.ignore_patterns("configured"))
    (configured / ".lettercheck.yaml").write_text('include: ["*.md"]\n', encoding="utf-8")
    _, data = _json(cli, str(configured))
    assert [f["path"].rsplit("/", 1)[1] for f in data["files"]] == ["kent_focused_2019.md"]


def test_extensions_in_upper_case_are_walked_and_read_by_the_right_reader(cli, tmp_path):
    """Windows and macOS save `Letter.PDF`, `Draft.DOCX`: the default `include`
    and the reader choice take the extension in any case."""
    shutil.copy(NOTTINGHAM, tmp_path / "Letter.PDF")
    (tmp_path / "Draft.DOCX").write_bytes(draft())
    shutil.copy(LETTERS / "kent_focused_2019.md", tmp_path / "NOTES.MD")
    shutil.copy(LETTERS / "kent_focused_2019.md", tmp_path / "x.TXT")
    (tmp_path / "notes.rst").write_text("Not a letter.\n", encoding="utf-8")
    _, data = _json(cli, str(tmp_path))
    found = {f["path"].rsplit("/", 1)[1]: f["diagnostics"] for f in data["files"]}
    assert sorted(found) == ["Draft.DOCX", "Letter.PDF", "NOTES.MD", "x.TXT"]
    assert [(d["rule"], d["page"]) for d in found["Letter.PDF"]] == [("STR014", 5)]
    assert "DRAFT004" in [d["rule"] for d in found["Draft.DOCX"]]
    assert found["NOTES.MD"] == found["x.TXT"] == []
    word = cli("check", str(tmp_path / "Draft.DOCX"), "-f", "concise", "--select", "DRAFT004").stdout
    assert word.startswith(f"{tmp_path / 'Draft.DOCX'}:paragraph 12:98: DRAFT004")


def test_the_reader_is_chosen_by_the_content_not_the_name(cli, tmp_path):
    shutil.copy(NOTTINGHAM, tmp_path / "letter.txt")
    (tmp_path / "draft.md").write_bytes(draft())
    _, data = _json(cli, str(tmp_path / "letter.txt"), str(tmp_path / "draft.md"))
    pdf, word = data["files"]
    assert [(d["rule"], d["page"]) for d in pdf["diagnostics"]] == [("STR014", 5)]
    assert "DRAFT004" in [d["rule"] for d in word["diagnostics"]]


def test_a_pdf_on_standard_input(cli):
    result = cli("check", "-", "--stdin-filename", "letter.pdf", "-f", "json", input=NOTTINGHAM.read_bytes())
    data = json.loads(result.stdout)
    (problem,) = data["files"][0]["diagnostics"]
    assert (data["files"][0]["path"], problem["rule"], problem["page"]) == ("letter.pdf", "STR014", 5)


def test_a_pdf_larger_than_a_text_letter_may_be_is_still_read(tmp_path):
    """Text over 10 MB is not a letter; a PDF with pictures may be that large."""
    from checker.api import load_file

    big = tmp_path / "big.pdf"
    big.write_bytes(NOTTINGHAM.read_bytes() + b"\n%" + b"x" * 11_000_000 + b"\n")
    result = load_file(str(big))
    assert result.letter is not None and result.kind == "pdf"
    large_text = tmp_path / "big.md"
    large_text.write_bytes(b"x" * 11_000_000)
    (problem,) = load_file(str(large_text)).diagnostics
    assert problem.rule == "PARSE001" and "too large" in problem.message


# -- report ---------------------------------------------------------------------------------


def test_report_json_names_pages_for_problems_and_sections(cli):
    data = json.loads(cli("report", str(NOTTINGHAM), "-f", "json").stdout)["letters"][0]
    (problem,) = data["diagnostics"]
    assert (problem["rule"], problem["page"], problem["line"]) == ("STR014", 5, 11)
    findings = next(s for s in data["sections"] if s["kind"] == "findings")
    assert findings["page"] >= 1 and findings["page_line"] >= 1
    assert findings["line"] > 11  # the line of the rebuilt text, which links recommendations to findings


def test_report_html_shows_the_page_and_the_paragraph(cli, tmp_path, word_draft):
    out = tmp_path / "qa"
    result = cli("report", str(NOTTINGHAM), str(word_draft), "-f", "html", "-o", str(out))
    assert result.exit_code == 0
    pdf_page = (out / "nottingham_focused_2021.html").read_text(encoding="utf-8")
    assert 'class="where">page 5, line 11, column 1' in pdf_page
    assert 'aria-label="page 5, line 11">5:11</a>' in pdf_page
    assert "a PDF of 5 pages (paragraphs from its structure tags)" in pdf_page
    word_page = (out / "draft.html").read_text(encoding="utf-8")
    assert 'class="where">paragraph 12, character 98' in word_page
    assert 'aria-label="header paragraph 1">header ¶1</a>' in word_page  # not the body's ¶1
