"""Shared helpers: fixture paths and an in-process CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
LETTERS = FIXTURES / "letters"
OTHER = FIXTURES / "other"
BROKEN = FIXTURES / "broken"


def letter_path(name: str) -> str:
    return str(LETTERS / name)


@pytest.fixture()
def cli():
    from checker.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


def read_letter(text: str, path: str = "draft.md"):
    """A letter read from text, as a file at `path` would be."""
    from checker.reading import source
    from checker.reading.letter_reader import letter_from_source

    return letter_from_source(source.from_bytes(path, text.encode("utf-8")))


def rules_found(letter, config=None) -> list[tuple[str, int]]:
    """(rule, line) of each problem the rules find in `letter` (default configuration)."""
    from checker.checking.config import Config
    from checker.checking.engine import Engine

    return [(d.rule, d.span.line) for d in Engine(config or Config()).check(letter)]


def edited(name: str, *replacements: tuple[str, str]) -> str:
    """A fixture letter's text with exact replacements (each must apply)."""
    text = (LETTERS / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is not in {name}"
        text = text.replace(old, new, 1)
    return text


# A published letter with one defect: a repeated word (DRAFT002) on line 41.
REPEATED = edited(
    "bcp_focused_2023.md", ("Most children in need are visited", "Most most children in need are visited")
)
