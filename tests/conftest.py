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


def edited(name: str, *replacements: tuple[str, str]) -> str:
    """A fixture letter's text with exact replacements (each must apply)."""
    text = (LETTERS / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is not in {name}"
        text = text.replace(old, new, 1)
    return text
