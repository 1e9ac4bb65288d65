"""A rule's message and help templates, filled with the facts a check found."""

from __future__ import annotations


def test_a_format_spec_that_does_not_suit_the_fact_is_dropped_not_a_crash():
    from checker.checking.rules import fill as _fill

    assert (
        _fill("{words:.1f} words ({max_words:>4})", {"words": "many", "max_words": 40}) == "many words (40)"
    )
    assert _fill("{{literal}} {words:>4}", {"words": 7}) == "{literal}    7"
