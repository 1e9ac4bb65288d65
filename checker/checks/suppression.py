"""The check kind behind SUP001: suppressions that suppress nothing."""

from __future__ import annotations

from checker.checks import check_kind
from checker.model import Letter


@check_kind("unused_suppression")
def unused_suppression(letter: Letter, params: dict):
    """A `<!-- lettercheck: disable RULE -->` comment that suppresses nothing.

    It is reported by the engine once every other rule has run (the engine
    knows which suppressions were used); this kind only names the rule.
    Facts: {rules}."""
    return ()
