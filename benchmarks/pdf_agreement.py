"""How well the PDF reader rebuilds published letters, measured on the corpus.

    python benchmarks/pdf_agreement.py [--corpus ../shared/real] [--layout] [--show N]

For each PDF with a text version (letters/<name>.txt beside pdf/<name>.pdf),
parses both with the text pipeline and compares the letter-model fields: type,
letter date, visit dates, inspectors, signatory, section kinds, number of
recommendations and findings, closing and sign-off. Then it checks both with
the core rules and compares the problems reported (rule and count). Some
text versions are themselves flawed (the extraction that made them ran list
items into one line): the agreement is also given without those letters. For the
other PDFs it counts how many read as letters. It prints the agreement, the
fields that differ, and the median reading time per page (warm, one core).
`--layout` ignores the structure tags (the untagged-PDF path). Figures are
printed, never asserted (targets: >= 98 % of fields, >= 95 % read, <= 15 ms/page).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.reading import source  # noqa: E402
from checker.reading.document import DocumentError  # noqa: E402
from checker.reading.letter_reader import NotALetter, letter_from_source  # noqa: E402
from checker.reading.pdf import read_pdf  # noqa: E402

FIELDS = (
    "type",
    "letter date",
    "visit dates",
    "inspectors",
    "signatory",
    "section kinds",
    "recommendations",
    "findings",
    "closing",
    "sign-off",
)


# A text version that ran list items together: a bullet glyph or "5. " inside a line.
MERGED_ITEMS = re.compile(r"\S[ \t]+[◼•\uf06e][ \t]|[.;:] \d{1,2}\. [A-Z]")


def _plain(text) -> str | None:
    return " ".join(str(text).split()) if text else None


def fields(letter) -> dict[str, object]:
    """The compared facts of a letter model, as plain values."""
    signatory = letter.signatory
    return {
        "type": letter.letter_type,
        "letter date": letter.letter_date,
        "visit dates": tuple(letter.visit_dates),
        "inspectors": tuple((person.name, person.role) for person in letter.inspectors),
        "signatory": (signatory.name, signatory.role) if signatory else None,
        "section kinds": tuple(section.kind for section in letter.sections),
        "recommendations": len(letter.recommendations),
        "findings": len(letter.findings),
        "closing": _plain(letter.closing),
        "sign-off": _plain(letter.sign_off),
    }


def parse(src: source.Source):
    try:
        return letter_from_source(src)
    except NotALetter as error:
        return error.letter
    except Exception:  # a parse failure is a disagreement, not a crash of the benchmark
        return None


def read_as_letter(document) -> bool:
    """What `check` needs: the text parses as a letter of a known type."""
    if document is None:
        return False
    try:
        return letter_from_source(document.source()).letter_type != "unknown"
    except Exception:
        return False


def problems(letter, path: str) -> Counter:
    from checker.api import effective_config
    from checker.checking.engine import engine_for

    engine = engine_for(effective_config(path, None, (), ()))
    return Counter(diagnostic.rule for diagnostic in engine.check(letter, path))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", default=str(ROOT.parent / "shared" / "real"))
    options.add_argument("--layout", action="store_true", help="ignore structure tags (layout only)")
    options.add_argument("--show", type=int, default=30, help="list at most N differing fields")
    options.add_argument("--no-rules", action="store_true", help="skip the comparison of problems")
    args = options.parse_args()
    corpus = Path(args.corpus)
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no PDFs under {corpus / 'pdf'}: pass --corpus")
    read_pdf(pdfs[0])  # load PDFium before timing

    equal = Counter()
    differences = []
    ms_per_page = []
    ms_per_letter = []  # read, parse and check with the core rules
    pairs = others = others_read = same_problems = flawed_pairs = sound_equal = 0
    matched_problems = total_problems = 0
    failures = []
    for pdf_path in pdfs:
        text_path = corpus / "letters" / f"{pdf_path.stem}.txt"
        started = time.perf_counter()
        try:
            document = read_pdf(pdf_path, use_tags=not args.layout)
        except DocumentError as error:
            failures.append(f"{pdf_path.name}: {error.message}")
            document = None
        else:
            ms_per_page.append((time.perf_counter() - started) * 1000 / max(document.pages, 1))
        from_pdf = parse(document.source()) if document else None
        if from_pdf is not None and not args.no_rules:
            problems(from_pdf, str(pdf_path))
            ms_per_letter.append((time.perf_counter() - started) * 1000)
        if not text_path.exists():
            others += 1
            if read_as_letter(document):
                others_read += 1
            else:
                failures.append(f"{pdf_path.name}: does not read as a letter")
            continue
        pairs += 1
        text_source = source.read(text_path)
        flawed = bool(MERGED_ITEMS.search(text_source.text))
        flawed_pairs += flawed
        from_text = parse(text_source)
        expected = fields(from_text)
        found = fields(from_pdf) if from_pdf else dict.fromkeys(FIELDS)
        for name in FIELDS:
            if expected[name] == found[name]:
                equal[name] += 1
                sound_equal += not flawed
            else:
                differences.append(f"{pdf_path.stem}: {name}: text {expected[name]!r} pdf {found[name]!r}")
        if not args.no_rules and from_pdf is not None:
            wanted, got = problems(from_text, str(text_path)), problems(from_pdf, str(pdf_path))
            same_problems += wanted == got
            matched_problems += sum((wanted & got).values())
            total_problems += max(sum(wanted.values()), sum(got.values()))

    total = pairs * len(FIELDS)
    print(f"PDFs with a text version: {pairs}; fields equal {sum(equal.values())}/{total} ", end="")
    print(
        f"= {100 * sum(equal.values()) / max(total, 1):.1f} %  (tags {'ignored' if args.layout else 'used'})"
    )
    for name in FIELDS:
        print(f"  {name:16s} {equal[name]:4d}/{pairs}")
    sound = (pairs - flawed_pairs) * len(FIELDS)
    print(
        f"on the {pairs - flawed_pairs} letters whose text version keeps list items apart: "
        f"{sound_equal}/{sound} = {100 * sound_equal / max(sound, 1):.1f} % "
        f"({flawed_pairs} text versions run several list items into one line)"
    )
    if not args.no_rules:
        print(
            f"same problems (rule and count) as the text: {same_problems}/{pairs} letters; "
            f"{matched_problems}/{total_problems} problems matched"
        )
    print(f"other PDFs read as letters: {others_read}/{others} = {100 * others_read / max(others, 1):.1f} %")
    if ms_per_page:
        print(
            f"reading: median {statistics.median(ms_per_page):.1f} ms/page, "
            f"p90 {sorted(ms_per_page)[int(len(ms_per_page) * 0.9)]:.1f} ms/page"
        )
    if ms_per_letter:
        median = statistics.median(ms_per_letter)
        print(
            f"read + parse + core rules: median {median:.1f} ms per letter "
            f"(1,000 letters on two cores: about {median / 2:.0f} s, start-up not counted)"
        )
    for line in failures:
        print("  !", line)
    print_some(differences, args.show, "-")


def print_some(lines: list[str], show: int, mark: str) -> None:
    """The first `show` of `lines`, each after `mark`, and how many more there are."""
    for line in lines[:show]:
        print(f"  {mark}", line)
    if len(lines) > show:
        print(f"  ... and {len(lines) - show} more")


if __name__ == "__main__":
    main()
