"""Check a folder of published letters against the recorded verdicts.

    python benchmarks/calibration/corpus.py [FOLDER] [--select SEL] [--ignore SEL] [--jobs N]
    bash dev.sh corpus [FOLDER] [...]      (FOLDER: ../shared/real/letters by default)

Published letters were edited, so nearly every error or warning on them is a
false alarm, except the real defects recorded in benchmarks/calibration/verdicts.tsv
(file, line, rule, verdict). This prints the problems per rule, every error
or warning that is not recorded, every recorded defect that was not found,
and the figures the calibration aims at: letters with no unrecorded error,
warnings per letter. Exit code 1 when something is unrecorded or missing.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VERDICTS = ROOT / "benchmarks" / "calibration" / "verdicts.tsv"
DEFAULT_FOLDER = ROOT.parent / "shared" / "real" / "letters"


@dataclass(frozen=True, slots=True)
class Verdict:
    file: str
    line: int
    rule: str
    verdict: str


def load_verdicts(path: Path = VERDICTS) -> dict[tuple[str, int, str], Verdict]:
    """(file name, line, rule) -> the recorded verdict."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        found = {}
        for row in rows:
            verdict = Verdict(row["file"], int(row["line"]), row["rule"], row["verdict"])
            found[(verdict.file, verdict.line, verdict.rule)] = verdict
        return found


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    options.add_argument("--select", action="append", default=[])
    options.add_argument("--ignore", action="append", default=[])
    options.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    args = options.parse_args(argv)
    if not os.path.isdir(args.folder):
        print(f"corpus: {args.folder} is not a folder of letters", file=sys.stderr)
        return 2

    from checker.api import check_paths

    verdicts = load_verdicts()
    results = list(check_paths([args.folder], select=args.select, ignore=args.ignore, jobs=args.jobs))
    names = {os.path.basename(result.path) for result in results}
    counts: Counter = Counter()
    recorded: Counter = Counter()
    unrecorded = []
    seen = set()
    letters_with_false_error = set()
    warnings = infos = 0
    for result in results:
        name = os.path.basename(result.path)
        for d in result.diagnostics:
            counts[(d.rule, d.severity)] += 1
            warnings += d.severity == "warning"
            infos += d.severity == "info"
            key = (name, d.span.line, d.rule)
            if key in verdicts:
                recorded[(d.rule, d.severity)] += 1
                seen.add(key)
            elif d.severity != "info":
                unrecorded.append((result.path, d))
                if d.severity == "error":
                    letters_with_false_error.add(name)
    # Only verdicts on letters in this folder, and on rules that were run, can be missed.
    ran = _rules_run(args)
    missing = [v for key, v in verdicts.items() if key not in seen and v.file in names and v.rule in ran]

    print(f"{len(results)} letters in {args.folder}\n")
    print(f"{'rule':<10} {'severity':<8} {'found':>6} {'recorded':>9}")
    for (rule, severity), count in sorted(counts.items()):
        print(f"{rule:<10} {severity:<8} {count:>6} {recorded[(rule, severity)]:>9}")
    print(f"\nnot in {VERDICTS.relative_to(ROOT)} ({len(unrecorded)}):")
    for path, d in unrecorded:
        print(f"  {path}:{d.span.line}:{d.span.column}: {d.rule} [{d.severity}] {d.message}")
    print(f"\nrecorded but not found ({len(missing)}):")
    for v in missing:
        print(f"  {v.file}:{v.line}: {v.rule} ({v.verdict})")
    clean = len(results) - len(letters_with_false_error)
    share = 100 * clean / len(results) if results else 100.0
    print(
        f"\nletters with no unrecorded error: {clean}/{len(results)} ({share:.1f} %, target >= 97 %)"
        f"\nwarnings per letter: {warnings / max(len(results), 1):.2f} (target <= 0.3);"
        f" infos per letter: {infos / max(len(results), 1):.2f}"
    )
    return 1 if unrecorded or missing else 0


def _rules_run(args) -> set[str]:
    """The IDs of the rules --select and --ignore leave in the run."""
    from checker.api import effective_config
    from checker.checking.engine import engine_for

    config = effective_config(args.folder, None, tuple(args.select), tuple(args.ignore))
    return {rule.id for rule in engine_for(config).rules}


if __name__ == "__main__":
    sys.exit(main())
