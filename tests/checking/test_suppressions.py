"""Suppression comments: what they silence, and the ones that are misspelt or suppress nothing."""

from __future__ import annotations

from checker.checking.config import Config
from checker.checking.engine import Engine
from tests.conftest import REPEATED, edited, read_letter, rules_found


def test_suppression_comment_silences_the_next_block_and_counts_as_used():
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable DRAFT002 -->\n- Most most")
    assert rules_found(read_letter(text)) == []


def test_unused_suppression_is_reported_where_it_is():
    text = edited(
        "bcp_focused_2023.md", ("## Findings\n", "## Findings\n\n<!-- lettercheck: disable DATE001 -->\n")
    )
    assert rules_found(read_letter(text)) == [("SUP001", 41)]


def test_disable_file_covers_every_line():
    text = "<!-- lettercheck: disable-file DRAFT002 -->\n" + REPEATED
    assert rules_found(read_letter(text)) == []


def _directive(comment: str) -> list[tuple[str, int]]:
    text = REPEATED.replace("- Most most", f"{comment}\n- Most most")
    return rules_found(read_letter(text))


def test_misspelt_suppression_comments_are_reported_and_suppress_nothing():
    for comment in (
        "<!-- lettercheck: disable-nextline DRAFT002 -->",  # once read as `disable` with rule '-nextline'
        "<!-- lettercheck: disble DRAFT002 -->",
        "<!-- lettercheck: enable DRAFT002 -->",
        "<!-- lettercheck disable DRAFT002 -->",
        "<!-- lettercheck: disable DRAFT02 -->",  # naming only unknown rules must not silence every rule
    ):
        assert _directive(comment) == [("SUP002", 41), ("DRAFT002", 42)], comment


def test_invalid_suppression_messages_point_at_the_word_and_suggest():
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable-nextline DRAFT002 -->\n- Most most")
    (problem,) = [d for d in Engine(Config()).check(read_letter(text)) if d.rule == "SUP002"]
    assert (problem.span.line, problem.span.column, problem.span.end_column) == (41, 19, 35)
    assert problem.message == (
        "suppression comment not understood: unknown suppression directive 'disable-nextline' "
        "(known: disable, disable-next-line, disable-file); did you mean 'disable-next-line'?"
    )
    text = REPEATED.replace("- Most most", "<!-- lettercheck: disable DRAFT02, STYLE003 -->\n- Most most")
    found = Engine(Config()).check(read_letter(text))
    assert [d.message for d in found if d.rule == "SUP002"] == [
        "suppression comment not understood: unknown rule 'DRAFT02'; did you mean 'DRAFT002'?"
    ]


def test_suppression_comments_accept_rule_names_in_any_case():
    for comment in ("<!-- lettercheck: disable repeated-word -->", "<!-- lettercheck: disable draft002 -->"):
        assert _directive(comment) == [], comment


def test_a_lettercheck_comment_is_not_also_a_comment_left_in_the_letter():
    found = _directive("<!-- lettercheck disable DRAFT002 -->")
    assert ("DRAFT003", 41) not in found and ("SUP002", 41) in found
