"""What the editor shows on hovering a problem: the rule, its help, why.

The explanation is `lettercheck explain`'s own text, cut to what helps at
the cursor (what the rule checks, why it matters, its check), with the
problem's help filled in for this letter. It is self-contained: there is no
page to link to, and a link in a user's rule text is shown as its words.
"""

from __future__ import annotations

import re

from checker.lsp.engine_adapter import Problem

_KEPT_SECTIONS = {"What it does": "What it checks", "Why it matters": "Why it matters", "Check": "Check"}
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FACTS = re.compile(r"\s*Facts: [^\n]*")  # the placeholders a message may use: for rule authors
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]*)>")


def hover_markdown(problem: Problem, explanation: str | None) -> str:
    """The hover for one problem, as markdown."""
    parts = [f"**{problem.rule}** `{problem.name}` · {problem.severity}", "", problem.message]
    if problem.help:
        parts += ["", f"**How to fix it.** {problem.help}"]
    if problem.fix is not None:
        parts += ["", f"**Quick fix:** {problem.fix.description}"]
    sections = _sections(explanation or "")
    if sections:
        parts += ["", "---"]
        for title, body in sections:
            parts += ["", f"**{title}**", "", body]
    if problem.category != "parse":
        parts += [
            "",
            f"To accept it on this line: `<!-- lettercheck: disable {problem.rule} -->` at its end.",
        ]
    return link_free("\n".join(parts))


def hover_plain(problem: Problem, explanation: str | None) -> str:
    """The same hover for a client that shows plain text only."""
    text = hover_markdown(problem, explanation)
    text = text.replace("**", "").replace("`", "").replace("\n---\n", "\n")
    return text


def link_free(text: str) -> str:
    """Links shown as their words: a hover has nowhere to send anyone."""
    return _AUTOLINK.sub(r"\1", _MARKDOWN_LINK.sub(r"\1", text))


def _sections(explanation: str) -> list[tuple[str, str]]:
    """The kept `## ` sections of an explain page (the message template,
    shown filled in above, left out)."""
    found = []
    for chunk in re.split(r"^## ", explanation, flags=re.MULTILINE)[1:]:
        title, _, body = chunk.partition("\n")
        if title.strip() not in _KEPT_SECTIONS:
            continue
        lines = [line for line in body.strip().splitlines() if not line.startswith("Reports: ")]
        kept = _FACTS.sub("", "\n".join(lines)).strip()
        if kept:
            found.append((_KEPT_SECTIONS[title.strip()], re.sub(r"\n{3,}", "\n\n", kept)))
    return found
