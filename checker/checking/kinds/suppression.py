"""The check kinds behind SUP001 and SUP002: suppression comments that
suppress nothing, or are misspelt."""

from __future__ import annotations

from checker.checking.kinds import check_kind
from checker.model import Letter


@check_kind("unused_suppression")
def unused_suppression(letter: Letter, params: dict):
    """A `<!-- lettercheck: disable RULE -->` comment that suppresses nothing.

    It is reported by the engine once every other rule has run (the engine
    knows which suppressions were used); this kind only names the rule.
    Facts: {rules}."""
    return ()


@check_kind("invalid_suppression")
def invalid_suppression(letter: Letter, params: dict):
    """A `<!-- lettercheck ... -->` comment that is misspelt (`disable-nextline`,
    `disble`, `enable`, no colon) or names an unknown rule. It suppresses
    nothing and is reported by the engine, which reads the comments; this
    kind only names the rule. Facts: {problem}."""
    return ()
