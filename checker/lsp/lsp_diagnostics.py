"""lettercheck's problems as LSP diagnostics, and the failures that are not problems.

The rule ID is the diagnostic's `code` and `lettercheck` its `source`, as the
editor shows them beside the message (`DATE001 lettercheck`); severities map
one to one. A broken configuration or a failure of lettercheck itself is one
diagnostic at the top of the document saying so, never an empty list that
would look like a clean letter.
"""

from __future__ import annotations

from lsprotocol import types

from checker.lsp.engine_adapter import Problem
from checker.lsp.positions import UTF16, problem_range

SOURCE = "lettercheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_TOP = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))


def to_lsp(problem: Problem, lines: list[str], encoding: str = UTF16) -> types.Diagnostic:
    return types.Diagnostic(
        range=problem_range(problem, lines, encoding),
        message=problem.message,
        severity=SEVERITY[problem.severity],
        code=problem.rule,
        source=SOURCE,
        data={"name": problem.name, "fixable": problem.fix is not None},
    )


def setup_failed(message: str) -> types.Diagnostic:
    """The configuration or a rule pack is broken: nothing was checked."""
    return types.Diagnostic(
        range=_TOP,
        message=f"this letter was not checked: {message}",
        severity=types.DiagnosticSeverity.Error,
        code="config",
        source=SOURCE,
    )


def check_failed(error: BaseException) -> types.Diagnostic:
    """lettercheck itself failed on this letter (a bug): say so, as PARSE004 does."""
    return types.Diagnostic(
        range=_TOP,
        message=(
            f"lettercheck failed while checking this letter ({type(error).__name__}: {error}); "
            "it was not checked. Please report it with the letter."
        ),
        severity=types.DiagnosticSeverity.Error,
        code="PARSE004",
        source=SOURCE,
    )
