"""The grammar (grammar/letter.lark) and its lexer: the letter's parts in
order, the damaged letters it still reads, and the text it refuses."""

from __future__ import annotations

import pytest

from checker.api import load_source
from checker.reading import lexer, lines, source
from checker.reading.letter_reader import NOT_A_LETTER, NotALetter, letter_from_source
from checker.reading.letter_types import load_letter_types
from checker.reading.parser import NoLetterShape, ParseError, parse_tokens
from tests.reading.test_letter_reader import DEFAULTS, LETTER

TYPES = load_letter_types()


def _typed(text: str) -> list[lines.Line]:
    return lines.classify_all(text.split("\n"))


def _tokens(text: str) -> list[str]:
    return [token.type for token in lexer.tokenise(_typed(text), TYPES)]


def _read(text: str):
    return letter_from_source(source.from_bytes("x.md", text.encode("utf-8")))


def test_the_lexer_types_each_part_of_a_letter():
    kinds = _tokens(LETTER.format(**DEFAULTS))
    assert kinds[:6] == ["DATE", "HEAD_LINE", "HEAD_LINE", "HEAD_LINE", "HEAD_LINE", "SALUTATION"]
    assert kinds[6:9] == ["TITLE", "TEXT", "HEADING"]
    assert kinds[-4:] == ["CLOSING", "SIGN_OFF", "SIGNATURE", "SIGNATURE"]
    assert kinds.count("_BREAK") == 0  # one paragraph or list under each heading here


def test_the_head_is_letterhead_before_the_date_and_recipient_after_it():
    head = "Ofsted\nPiccadilly Gate\n\n8 February 2019\n\nMr Matt Dunkley\nDirector of Children's Services"
    letter = _read(LETTER.format(**{**DEFAULTS, "head": head}))
    assert [t.value for t in letter.letterhead] == ["Ofsted", "Piccadilly Gate"]
    assert letter.date_line.value == "8 February 2019"
    assert letter.recipient.name == "Mr Matt Dunkley"


def test_an_undated_head_knows_the_recipient_by_its_address():
    head = "Ofsted\nwww.gov.uk/ofsted\n\nMr Matt Dunkley\nDirector of Children's Services"
    kinds = _tokens(LETTER.format(**{**DEFAULTS, "head": head}))
    assert kinds[:4] == ["HEAD_LINE", "HEAD_LINE", "RECIPIENT_LINE", "RECIPIENT_LINE"]
    letter = _read(LETTER.format(**{**DEFAULTS, "head": head}))
    assert letter.date is None and letter.recipient.name == "Mr Matt Dunkley"


def test_a_letter_with_neither_salutation_nor_title_is_read_when_it_is_signed_off():
    text = LETTER.format(**DEFAULTS)
    body = text[text.index("This letter summarises") :]
    assert _tokens(body)[0] == "TEXT" and "SIGN_OFF" in _tokens(body)
    letter = _read(body)
    assert (letter.salutation, letter.title) == (None, None)
    assert letter.sign_off.value == "Yours sincerely"
    assert letter.letter_type == "focused_visit"  # named by its opening


def test_a_title_shaped_line_that_names_no_letter_type_stands_in_for_the_title():
    letter = _read(LETTER.format(**{**DEFAULTS, "title": "Focussed visit to Kent children's services"}))
    assert letter.title.value == "Focussed visit to Kent children's services"
    assert letter.letter_type == "focused_visit"  # named by its opening paragraph


def test_text_with_no_salutation_title_or_sign_off_is_refused_by_the_grammar():
    notes = "Team meeting\n\nWe discussed the rota.\n\n- Ann to book the room.\n"
    with pytest.raises(NoLetterShape):
        parse_tokens(lexer.tokenise(_typed(notes), TYPES))
    with pytest.raises(NotALetter) as refused:
        _read(notes)
    assert refused.value.message == NOT_A_LETTER
    assert (refused.value.span.line, refused.value.span.column, refused.value.span.end_column) == (1, 1, 13)


def test_tokens_the_grammar_refuses_despite_a_salutation_are_a_bug_not_a_verdict():
    typed = _typed("Dear Ms Murphy\nYours sincerely\nAnn Lee")
    tokens = lexer.tokenise(typed, TYPES)
    with pytest.raises(ParseError, match="unexpected SALUTATION"):
        parse_tokens([tokens[1], tokens[0]])  # a sign-off before the salutation: the lexer never does this


def test_a_refused_letter_is_an_internal_error_parse004(monkeypatch):
    from checker.reading import parser

    def refuse(tokens):
        raise ParseError("unexpected SIGN_OFF here", 3)

    monkeypatch.setattr(parser, "parse_tokens", refuse)
    result = load_source(source.from_bytes("x.md", LETTER.format(**DEFAULTS).encode("utf-8")))
    (problem,) = result.diagnostics
    assert (problem.rule, problem.span.line) == ("PARSE004", 3)
    assert problem.message == "internal error while reading the letter: unexpected SIGN_OFF here"


def test_a_sign_off_above_the_title_of_an_unsaluted_letter_is_not_its_sign_off():
    text = (
        "Kind regards\n\nFocused visit to Kent children's services\n\nThe visit took place on 1 March 2019.\n"
    )
    marks = lexer.find_landmarks(_typed(text), TYPES)
    assert (marks.salutation, marks.head_end, marks.sign_off) == (None, 2, None)
    letter = _read(text)
    assert letter.sign_off is None
    assert [t.value for t in letter.letterhead] == ["Kind regards"]
    assert letter.opening[0].text.value == "The visit took place on 1 March 2019."


def test_the_builder_makes_the_models_objects():
    letter = _read(LETTER.format(**DEFAULTS))
    overview = letter.sections[0]
    assert (overview.kind, overview.heading_style, overview.heading.value) == (
        "overview",
        "plain",
        "Overview",
    )
    assert [(b.kind, b.marker) for b in letter.recommendations] == [("item", "-")]
    assert letter.signatory.name == "Kate Malleson"
    assert letter.types is TYPES and letter.type_spec is TYPES["focused_visit"]
