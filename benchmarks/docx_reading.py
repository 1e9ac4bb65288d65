"""Compare reading Word drafts directly (lettercheck) with python-docx.

    python benchmarks/docx_reading.py [--corpus ../shared/real] [--letters N]

Makes a .docx draft of each text letter with python-docx (one paragraph per
line, list items in the List Bullet style, the letterhead in the page header,
one tracked insertion, one tracked deletion and one comment), then reads every
draft with lettercheck's reader and with python-docx, and prints the median
ms per draft, the import time of each, and whether each sees the tracked
insertion and the deletion and comment. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docxmaker import deletion, insertion, new_document, to_bytes  # noqa: E402


def make_draft(text: str) -> bytes:
    document = new_document()
    lines = text.splitlines()
    header = document.sections[0].header
    while lines and lines[0].strip() and not lines[0][:1].isdigit():
        header.add_paragraph(lines.pop(0))
    marked = False
    for line in lines:
        if line.startswith("• "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            paragraph = document.add_paragraph(line)
            if not marked and len(line) > 200:
                insertion(paragraph, " An inserted sentence.", "Ann Lee")
                deletion(paragraph, " A deleted sentence.", "Bob Ray")
                document.add_comment(paragraph.runs[0], text="Please check", author="Ann Lee", initials="AL")
                marked = True
    return to_bytes(document)


def read_with_python_docx(data: bytes) -> str:
    import docx

    document = docx.Document(BytesIO(data))
    parts = [p.text for p in document.sections[0].header.paragraphs]
    parts += [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs)


def main() -> None:
    from checker.reading.docx import read_docx

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", default=str(ROOT.parent / "shared" / "real"))
    options.add_argument("--letters", type=int, default=50)
    args = options.parse_args()
    texts = sorted((Path(args.corpus) / "letters").glob("*.txt"))[: args.letters]
    if not texts:
        texts = sorted((ROOT / "fixtures" / "letters").glob("*.md"))
    drafts = [make_draft(path.read_text(encoding="utf-8", errors="replace")) for path in texts]
    for name, read in (
        ("lettercheck (zipfile + ElementTree)", read_docx),
        ("python-docx", read_with_python_docx),
    ):
        read(drafts[0])
        timings = []
        for data in drafts:
            started = time.perf_counter()
            result = read(data)
            timings.append((time.perf_counter() - started) * 1000)
        text = result.text if hasattr(result, "text") else result
        sees_insertion = "An inserted sentence." in text
        marks = sorted({mark.kind for mark in result.review}) if hasattr(result, "review") else []
        print(
            f"{name}: median {statistics.median(timings):.1f} ms per draft ({len(drafts)} drafts); "
            f"tracked insertion in text: {'yes' if sees_insertion else 'no'}; review marks: {marks or 'none'}"
        )
    print(
        f"import: checker.reading.docx {import_ms('checker.reading.docx'):.0f} ms, docx {import_ms('docx'):.0f} ms"
    )


if __name__ == "__main__":
    main()
