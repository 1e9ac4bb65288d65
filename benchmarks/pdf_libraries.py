"""Compare PDF text libraries on the published letters: speed and fidelity.

    python benchmarks/pdf_libraries.py [--corpus ../shared/real] [--every N]

For each library that is installed (pypdfium2, pypdf, pdfminer.six,
pdfplumber) and for lettercheck's own reader (pypdfium2 plus the rebuild),
extracts the text of every N-th PDF and prints: median and 90th-percentile ms
per page (warm, one core), PDFs that failed, and word recall against the text
versions (the share of the text version's words found in the extraction, as a
bag of words), plus the share of unreadable characters (private-use glyphs,
U+FFFD) on the PDFs without a text version (the hard 2018–19 fonts). The
libraries not installed are skipped with a note. Results: benchmarks/pdf_libraries.md.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import io
import logging
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\w+")


def _pdfium(data: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts), len(texts)
    finally:
        document.close()


def _pypdf(data: bytes) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def _pdfminer(data: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    return text, max(text.count("\f"), 1)


def _pdfplumber(data: bytes) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)


def _lettercheck(data: bytes) -> tuple[str, int]:
    from checker.reading.pdf import read_pdf

    document = read_pdf(data)
    return document.text, document.pages


LIBRARIES = [
    ("pypdfium2 (text only)", "pypdfium2", "pypdfium2", _pdfium),
    ("pypdf", "pypdf", "pypdf", _pypdf),
    ("pdfminer.six", "pdfminer", "pdfminer.six", _pdfminer),
    ("pdfplumber", "pdfplumber", "pdfplumber", _pdfplumber),
    ("lettercheck reader (pypdfium2 + rebuild)", "pypdfium2", "pypdfium2", _lettercheck),
]


def recall(expected: str, found: str) -> tuple[int, int]:
    wanted = Counter(_WORD.findall(expected.lower()))
    got = Counter(_WORD.findall(found.lower()))
    return sum((wanted & got).values()), sum(wanted.values())


def unreadable(text: str) -> tuple[int, int]:
    visible = [char for char in text if not char.isspace()]
    odd = sum(1 for char in visible if char == "\ufffd" or 0xE000 <= ord(char) <= 0xF8FF or ord(char) < 32)
    return odd, len(visible)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", default=str(ROOT.parent / "shared" / "real"))
    options.add_argument("--every", type=int, default=1, help="use every N-th PDF")
    args = options.parse_args()
    corpus = Path(args.corpus)
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))[:: args.every]
    if not pdfs:
        sys.exit(f"no PDFs under {corpus / 'pdf'}: pass --corpus")
    logging.disable(logging.CRITICAL)  # pdfminer and pypdf log every odd font
    warnings.filterwarnings("ignore")
    print(f"{len(pdfs)} PDFs")
    print(
        "| library | version | licence | median ms/page | p90 ms/page | failed | word recall | unreadable chars |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, module, distribution, extract in LIBRARIES:
        if importlib.util.find_spec(module) is None:
            print(f"| {label} | not installed | | | | | | |")
            continue
        metadata = importlib.metadata.metadata(distribution)
        classifiers = [
            c.rsplit(" :: ", 1)[-1] for c in metadata.get_all("Classifier") or [] if "License ::" in c
        ]
        licence = metadata.get("License-Expression") or metadata.get("License") or ", ".join(classifiers)
        extract(pdfs[0].read_bytes())  # imports and warm-up outside the timing
        per_page, failed = [], 0
        found = total = odd = visible = 0
        for path in pdfs:
            data = path.read_bytes()
            started = time.perf_counter()
            try:
                text, pages = extract(data)
            except Exception:
                failed += 1
                continue
            per_page.append((time.perf_counter() - started) * 1000 / max(pages, 1))
            text_version = corpus / "letters" / f"{path.stem}.txt"
            if text_version.exists():
                hit, count = recall(text_version.read_text(encoding="utf-8"), text)
                found, total = found + hit, total + count
            else:
                bad, seen = unreadable(text)
                odd, visible = odd + bad, visible + seen
        print(
            f"| {label} | {metadata['Version']} | {licence[:30]} | {statistics.median(per_page):.1f} "
            f"| {sorted(per_page)[int(len(per_page) * 0.9)]:.1f} | {failed} "
            f"| {100 * found / max(total, 1):.2f} % | {100 * odd / max(visible, 1):.2f} % |"
        )


if __name__ == "__main__":
    main()
