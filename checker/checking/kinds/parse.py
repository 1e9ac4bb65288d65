"""The check kind behind the PARSE rules (rules/parse.yaml): problems reading a file."""

from __future__ import annotations

from checker.checking.kinds import check_kind
from checker.model import Letter


@check_kind("reading_problem")
def reading_problem(letter: Letter, params: dict):
    """A file that could not be read as a letter. It is reported by lettercheck
    itself while reading, before any rule runs: the file gets this one
    diagnostic instead of the rules' problems, the run exits with code 2 and
    the other files are still checked; this kind only names the rule.
    Facts: {problem}."""
    return ()
