"""Option values read without pydantic (checker.cli.values): the same values
and the same words for a bad one as typer's own coercion."""

from __future__ import annotations

import pytest

from checker.cli.commands import CheckFormat
from checker.cli.values import _choice, _whole_number


def test_whole_numbers_with_a_minimum():
    assert _whole_number("4", 0) == 4 and _whole_number(" +2 ", 0) == 2 and _whole_number(0, 0) == 0
    for bad, words in (
        ("x", "not a whole number"),
        ("2.5", "not a whole number"),
        ("-3", "must be at least 0"),
    ):
        with pytest.raises(ValueError, match=words):
            _whole_number(bad, 0)


def test_choices_are_matched_as_typer_matches_them():
    assert _choice("json", CheckFormat, True, None) is CheckFormat.json
    assert _choice(CheckFormat.text, CheckFormat, True, None) is CheckFormat.text
    with pytest.raises(ValueError) as bad:
        _choice("JSON", CheckFormat, True, None)
    assert str(bad.value) == "'JSON' is not one of 'text', 'concise', 'json', 'sarif', 'github', 'junit'."
    assert _choice("JSON", CheckFormat, False, None) is CheckFormat.json


def test_every_option_of_every_command_is_read_without_typers_adapters():
    from typer.main import get_command

    from checker.cli import app
    from checker.cli.values import plain_coercion

    command = get_command(app)
    params = [p for sub in command.commands.values() for p in sub.params] + command.params
    assert params and all(plain_coercion(p) is not None for p in params)


def test_lists_keep_their_items_and_a_missing_value_is_empty(cli):
    result = cli(
        "check", "--select", "DATE001", "--select", "draft,STR", "--show-settings", "x.md", "-f", "json"
    )
    assert '"DATE001",\n      "draft",\n      "STR"' in result.stdout
