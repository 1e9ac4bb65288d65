"""Locate the data that ships inside the package (grammar/, rules/).

In a checkout the folders sit beside the package; in an installed wheel they
are copied into the package as checker/_data/grammar and checker/_data/rules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_path(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
