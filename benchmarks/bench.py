"""Benchmark lettercheck on a corpus built from fixtures/letters.

    python benchmarks/bench.py [--letters 1000] [--keep DIR]
    python benchmarks/bench.py --pdf [--letters 1000] [--jobs 2] [--pdfs DIR]

Builds N varied copies of the fixture letters (each keeps its encoding and
line endings; names, dates and wording vary), then prints:
  * ms per letter for parse only and for parse + all rules (warm, in-process, one core)
  * letters per second (parse + rules, one core)
  * `lettercheck check CORPUS` wall time from a cold start (all cores)
  * `lettercheck --version` start-up time
  * `lettercheck check ONE.md --format concise` from a cold process: the median of
    --cold-runs runs (what a pre-commit hook or an editor waits for), and what
    the run spends its time on (`python -X importtime`, the phases of a check)
  * peak memory (max RSS) of the `check` run
and the same wall time and memory for proselint and markdownlint-cli2 when
they are installed (it says so and skips them when they are not).

`--pdf` measures published PDF letters instead: N copies of the PDFs in
../shared/real/pdf (fixtures/pdf when that is absent), then the median
reading time per page and per letter (warm, one core) and the wall time of
`lettercheck check CORPUS --jobs J` (default 2: the target is 1,000 letters
in 20 s on two cores).
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ["Alex Morgan", "Priya Patel", "Tom Fletcher", "Grace Okafor", "Ian Duffy", "Megan Price"]
WORDS = [("appropriate", "suitable"), ("promptly", "quickly"), ("clear", "clearly set out"), ("most", "many")]


def _vary(text: str, index: int, rng: random.Random) -> str:
    """A different but still valid letter: wording and an inspector's name change."""
    for old, new in WORDS:
        if rng.random() < 0.5:
            text = text.replace(f" {old} ", f" {new} ", 1)
    name = NAMES[index % len(NAMES)]
    for second in (
        "Matt Reed",
        "Cath McEvoy",
        "Stephanie Murray",
        "Daniel Hughes",
        "Tom Walsh",
        "Neil Ahmed",
    ):
        text = text.replace(second, name)
    return text


def _decode(data: bytes) -> tuple[str, str]:
    from checker.reading.source import decode

    text, encoding = decode(data)
    return text, {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)


def build_corpus(directory: Path, count: int) -> list[Path]:
    fixtures = sorted((ROOT / "fixtures" / "letters").iterdir())
    rng = random.Random(2018)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        fixture = fixtures[index % len(fixtures)]
        text, encoding = _decode(fixture.read_bytes())
        crlf = b"\r\n" in fixture.read_bytes()
        varied = _vary(text, index, rng)
        if crlf:
            varied = varied.replace("\n", "\r\n")
        path = directory / f"{index // 100:03d}" / f"{index:05d}_{fixture.name}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(varied.encode(encoding))
        paths.append(path)
    return paths


def in_process(paths: list[Path], repeat: int = 3) -> tuple[float, float]:
    """(parse ms/letter, parse+rules ms/letter), warm, one core: the best of
    `repeat` passes, as timeit does, since a shared machine adds noise."""
    from checker.checking.config import Config
    from checker.checking.engine import Engine
    from checker.reading import source
    from checker.reading.letter_reader import letter_from_source

    sources = [source.read(p) for p in paths]
    engine = Engine(Config())
    for src in sources[:20]:  # warm up: parser, patterns, caches
        engine.check(letter_from_source(src))
    parse = full = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for src in sources:
            letter_from_source(src)
        parse = min(parse, time.perf_counter() - start)
        start = time.perf_counter()
        for src in sources:
            engine.check(letter_from_source(src))
        full = min(full, time.perf_counter() - start)
    return 1000 * parse / len(sources), 1000 * full / len(sources)


_MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of its largest process, exit code).

    A fresh helper process runs the command so that each tool's peak is its own.
    """
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    peak_kb, code = out.stdout.split()
    return wall, int(peak_kb) / 1024, int(code)


ONE_LETTER = ROOT / "fixtures" / "letters" / "kent_focused_2019.md"


def one_letter(exe: str, runs: int) -> float:
    """`lettercheck check ONE.md --format concise` from a cold process, as a
    hook or an editor runs it: the median of `runs` runs (after one that
    compiles the bytecode, as installing a wheel does)."""
    command = [exe, "check", str(ONE_LETTER), "--format", "concise"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"check of one letter {median:6.3f} s from a cold process (median of {runs}; best {min(times):.3f} s)"
    )
    phases = subprocess.run(
        [sys.executable, "-c", _PHASES, str(ONE_LETTER)], env=env, capture_output=True, text=True, check=False
    )
    print(f"  where it goes (ms): {phases.stdout.strip() or phases.stderr.strip()}")
    return median


# The phases of a one-letter check, timed in a fresh interpreter (its start-up not included).
_PHASES = """
import sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import checker.cli.fast_check, checker.cli.check_command, checker.api; mark("imports")
from checker.checking.kinds import load_all; load_all(); mark("check kinds")
from checker.checking.config import Config
from checker.checking.engine import Engine
engine = Engine(Config()); mark("rule packs")
from checker.reading.parser import parser
parser(); mark("parser")
from checker.api import load_file
result = load_file(sys.argv[1], types=engine.letter_types); mark("reading")
engine.check(result.letter); mark("first check")
print(", ".join(f"{name} {1000 * (t - marks[i][1]):.0f}" for i, (name, t) in enumerate(marks[1:])))
"""


def pdf_sources(folder: Path | None) -> list[Path]:
    """The published PDFs to copy: --pdfs, else ../shared/real/pdf, else fixtures/pdf."""
    for candidate in (folder, ROOT.parent / "shared" / "real" / "pdf", ROOT / "fixtures" / "pdf"):
        if candidate is not None and candidate.is_dir():
            found = sorted(p for p in candidate.glob("*.pdf") if p.name != "encrypted.pdf")
            if found:
                return found
    sys.exit("no PDF letters found: pass --pdfs DIR")


def build_pdf_corpus(directory: Path, count: int, sources: list[Path]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"{index // 100:03d}" / f"{index:05d}_{sources[index % len(sources)].name}"
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(sources[index % len(sources)], path)
        paths.append(path)
    return paths


def pdf_in_process(sources: list[Path]) -> tuple[float, float, float]:
    """(median ms per page to read, median ms per letter to read, median ms per
    letter to read, parse and check with every rule), warm, one core."""
    from checker.checking.config import Config
    from checker.checking.engine import Engine
    from checker.reading.letter_reader import letter_from_source
    from checker.reading.pdf import read_pdf

    engine = Engine(Config())
    engine.check(letter_from_source(read_pdf(sources[0]).source()))  # warm up
    per_page, per_read, per_letter = [], [], []
    for path in sources:
        data = path.read_bytes()
        start = time.perf_counter()
        document = read_pdf(data, name=str(path))
        read = time.perf_counter() - start
        engine.check(letter_from_source(document.source()))
        per_letter.append(1000 * (time.perf_counter() - start))
        per_read.append(1000 * read)
        per_page.append(1000 * read / max(document.pages, 1))
    return statistics.median(per_page), statistics.median(per_read), statistics.median(per_letter)


def pdf_main(args) -> None:
    sources = pdf_sources(args.pdfs)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="lettercheck-bench-pdf-"))
    corpus = workdir / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    paths = build_pdf_corpus(corpus, args.letters, sources)
    exe = str(Path(sys.executable).with_name("lettercheck"))
    print(f"corpus: {len(paths)} PDF letters, copies of the {len(sources)} in {sources[0].parent}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    page_ms, read_ms, letter_ms = pdf_in_process(sources)
    print(f"read a PDF          {page_ms:6.2f} ms/page median, {read_ms:.1f} ms/letter (warm, one core)")
    print(f"read + parse + rules {letter_ms:5.1f} ms/letter median (warm, one core)")
    command = [exe, "check", str(corpus), "--format", "concise", "--no-progress", "--jobs", str(args.jobs)]
    wall, peak, code = timed(command)
    print(
        f"lettercheck check   {wall:6.2f} s wall for {len(paths)} PDF letters on {args.jobs} cores "
        f"({len(paths) / wall:,.0f} letters/s), peak memory {peak:.0f} MB, exit {code}"
    )
    if not args.keep:
        shutil.rmtree(workdir)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--letters", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument(
        "--cold-runs", type=int, default=15, help="cold runs of a one-letter check (default 15)"
    )
    parser.add_argument("--pdf", action="store_true", help="benchmark published PDF letters instead")
    parser.add_argument("--pdfs", type=Path, help="with --pdf: the folder of PDF letters to copy")
    parser.add_argument("--jobs", type=int, default=2, help="with --pdf: worker processes (default 2)")
    args = parser.parse_args()
    if args.pdf:
        pdf_main(args)
        return

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="lettercheck-bench-"))
    corpus = workdir / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    paths = build_corpus(corpus, args.letters)
    exe = str(Path(sys.executable).with_name("lettercheck"))
    print(f"corpus: {len(paths)} letters from fixtures/letters in {corpus}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    sample = paths[: min(len(paths), 1000)]
    parse_ms, full_ms = in_process(sample)
    print(
        f"parse only          {parse_ms:6.2f} ms/letter (warm, one core, best of 3 passes over {len(sample)})"
    )
    print(f"parse + all rules   {full_ms:6.2f} ms/letter  = {1000 / full_ms:,.0f} letters/s on one core")

    starts = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([exe, "--version"], stdout=subprocess.DEVNULL, check=True)
        starts.append(time.perf_counter() - start)
    print(f"lettercheck --version  {statistics.median(starts):5.3f} s (median of 7)")
    one_letter(exe, args.cold_runs)

    wall, peak, code = timed([exe, "check", str(corpus), "--format", "concise", "--no-progress"])
    print(
        f"lettercheck check   {wall:6.2f} s wall for {len(paths)} letters "
        f"({len(paths) / wall:,.0f} letters/s), peak memory {peak:.0f} MB, exit {code}"
    )

    others = {
        "proselint": ["proselint", "check", str(corpus)],
        "markdownlint-cli2": ["markdownlint-cli2", f"{corpus}/**/*.md", f"{corpus}/**/*.txt"],
    }
    for name, command in others.items():
        if shutil.which(command[0]) is None:
            print(f"{name:19s} not installed: skipped")
            continue
        wall, peak, code = timed(command)
        print(f"{name:19s} {wall:6.2f} s wall, peak memory {peak:.0f} MB, exit {code}")
    if not args.keep:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
