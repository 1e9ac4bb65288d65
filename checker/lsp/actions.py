"""Code actions: a rule's fix, silencing a rule where it is wrong, fixing everything.

- the fix a rule offers (the edit `--fix` makes), preferred;
- "disable RULE on this line": a `<!-- lettercheck: disable RULE -->` comment
  at the end of the problem's first line (or the rule added to the comment
  already there), which suppresses that rule on that line only;
- "disable RULE in this file": a `disable-file` comment on a line of its own
  at the top (or the rule added to it);
- `source.fixAll.lettercheck`: every fix `--fix` would make in one pass, for
  an editor's "fix all" or fix on save.

Edits never touch anything but the text they mend or the comment they add.
"""

from __future__ import annotations

import re

from lsprotocol import types

from checker.lsp.engine_adapter import Problem
from checker.lsp.lsp_diagnostics import to_lsp
from checker.lsp.positions import LINE_BREAK, UTF16, line_end, problem_range, to_client

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.lettercheck"
# A directive that already names rules, to add one to: its rules end where `end` starts.
_NAMING_DIRECTIVE = r"<!--\s*lettercheck:\s*{action}\s+(?P<rules>[^\s>][^>]*?)(?P<end>\s*-->)"
_LINE_DIRECTIVE = re.compile(_NAMING_DIRECTIVE.format(action="disable") + r"\s*$")
_FILE_DIRECTIVE = re.compile(r"\s*" + _NAMING_DIRECTIVE.format(action="disable-file") + r"\s*$")
_BOM = "\ufeff"


def line_break_of(text: str) -> str:
    """The letter's own line break (its first), for a line an action adds."""
    found = LINE_BREAK.search(text)
    return found.group() if found else "\n"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def fixable_alone(problem: Problem) -> bool:
    """A fix `--fix` would make: on one line, adding no line break."""
    fix = problem.fix
    return (
        fix is not None and problem.line == problem.end_line and not any(c in fix.replacement for c in "\r\n")
    )


def fix(uri: str, problem: Problem, lines: list[str], encoding: str = UTF16) -> types.CodeAction:
    return types.CodeAction(
        title=f"Fix {problem.rule}: {problem.fix.description}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(problem, lines, encoding)],
        is_preferred=True,
        edit=_edit(uri, [types.TextEdit(problem_range(problem, lines, encoding), problem.fix.replacement)]),
    )


def disable_on_line(
    uri: str, problem: Problem, lines: list[str], encoding: str = UTF16
) -> types.CodeAction | None:
    """None on a blank line, where a comment would stand for the next block instead."""
    number = min(problem.line, len(lines)) - 1
    text = lines[number]
    if not text.strip():
        return None
    existing = _LINE_DIRECTIVE.search(text)
    if existing and text[: existing.start()].strip():
        if problem.rule in re.split(r"[\s,]+", existing["rules"]):
            return None
        at = types.Position(line=number, character=to_client(text, existing.start("end"), encoding))
        insert = f", {problem.rule}"
    else:
        at = line_end(lines, number, encoding)
        insert = ("" if text.endswith((" ", "\t")) else " ") + f"<!-- lettercheck: disable {problem.rule} -->"
    return types.CodeAction(
        title=f"Disable {problem.rule} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(problem, lines, encoding)],
        edit=_edit(uri, [types.TextEdit(types.Range(start=at, end=at), insert)]),
    )


def disable_in_file(
    uri: str, problem: Problem, lines: list[str], encoding: str = UTF16, newline: str = "\n"
) -> types.CodeAction:
    """The comment goes on a line of its own ended by the letter's own line
    break (`newline`), after a byte order mark the buffer may start with."""
    first = lines[0] if lines else ""
    bom = 1 if first.startswith(_BOM) else 0
    existing = _FILE_DIRECTIVE.match(first, bom)
    if existing:
        at = types.Position(line=0, character=to_client(first, existing.start("end"), encoding))
        insert = f", {problem.rule}"
    else:
        at = types.Position(line=0, character=to_client(first, bom, encoding))
        insert = f"<!-- lettercheck: disable-file {problem.rule} -->{newline}"
    return types.CodeAction(
        title=f"Disable {problem.rule} in this file",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(problem, lines, encoding)],
        edit=_edit(uri, [types.TextEdit(types.Range(start=at, end=at), insert)]),
    )


def fix_all(uri: str, chosen: list[Problem], lines: list[str], encoding: str = UTF16) -> types.CodeAction:
    """One action making every fix in `chosen` (non-overlapping, as `--fix` picks them)."""
    edits = [types.TextEdit(problem_range(p, lines, encoding), p.fix.replacement) for p in chosen]
    noun = "problem" if len(chosen) == 1 else "problems"
    return types.CodeAction(
        title=f"Fix all lettercheck problems that have a fix ({len(chosen)} {noun})",
        kind=FIX_ALL,
        diagnostics=[to_lsp(p, lines, encoding) for p in chosen],
        edit=_edit(uri, edits),
    )


def wanted(kind: str, only: list[str] | None) -> bool:
    """Did the client ask for this kind of action (`only` lists kinds or their parents)?"""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)
