"""A rule: data from a rule pack, ready to run and to explain.

Its `message` and `help` are templates that name the facts a check found
(`{match}`, `{words:>3}`); they are checked once, when the pack is loaded,
and filled for every problem found.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from checker.checking.kinds.params import ParamError, Params


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    applies_to: tuple[str, ...] | None
    message: str
    help: str
    why: str
    kind: str
    params: Params = field(hash=False)
    examples: tuple = field(default=(), hash=False)
    origin: str = ""
    summary: str = ""  # what it reports in a line, where the message is only facts (the PARSE rules)

    def applies(self, letter_type: str) -> bool:
        return self.applies_to is None or letter_type in self.applies_to

    def format(self, facts: dict) -> str:
        return fill(self.message, facts)

    def format_help(self, facts: dict) -> str:
        return fill(self.help, facts)

    @property
    def reports(self) -> str:
        """What the rule reports, for listings: its summary, else its message."""
        return self.summary or self.message


def fill(template: str, facts: dict) -> str:
    """The template with the facts in it; a format spec that does not suit a
    fact ({words:.1f} given a word) is dropped rather than failing the rule."""
    try:
        return string.Formatter().vformat(template, (), _Facts(facts))
    except (ValueError, TypeError):
        plain = "".join(
            literal.replace("{", "{{").replace("}", "}}") + ("" if name is None else f"{{{name}}}")
            for literal, name, _spec, _conversion in string.Formatter().parse(template)
        )
        return string.Formatter().vformat(plain, (), _Facts(facts))


class _Facts(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FACT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_FORMAT_SPEC = re.compile(
    r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[bcdeEfFgGnosxX%]?\Z"
)
MAX_FORMAT_WIDTH = 200


def check_template(template: str, field: str) -> None:
    """A message or help template names facts plainly ({match}, {words:>3}):
    no attribute or index lookups, no nested fields, no width past
    MAX_FORMAT_WIDTH (`{match:>99999999}` would print gigabytes)."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        raise ParamError(field, f"{field}: {error} (write {{{{ and }}}} for a literal brace)") from None
    for _literal, name, spec, _conversion in parts:
        if name is None:
            continue
        if not _FACT_NAME.match(name):
            raise ParamError(field, f"{field}: {{{name}}} must name a fact, such as {{match}}")
        found = _FORMAT_SPEC.match(spec or "")
        if found is None:
            raise ParamError(field, f"{field}: unsupported format {{{name}:{spec}}}")
        widths = [int(found.group(g)) for g in ("width", "precision") if found.group(g)]
        if any(width > MAX_FORMAT_WIDTH for width in widths):
            raise ParamError(
                field, f"{field}: the width in {{{name}:{spec}}} is over {MAX_FORMAT_WIDTH} characters"
            )
