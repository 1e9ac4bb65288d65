"""`lettercheck init`: a commented starting configuration, never over another.

It writes `.lettercheck.yaml`, or appends a `[tool.lettercheck]` table to
the folder's existing `pyproject.toml`. Every setting is listed with what it
does; the two that are set hold their defaults, so a new file changes
nothing until it is edited. Nothing is overwritten: an existing
`.lettercheck.yaml`, a `pyproject.toml` that already configures lettercheck
(which `.lettercheck.yaml` would silently override), or one that is missing
when asked for, is a refusal. Writing is atomic: the YAML file is created
exclusively, the `pyproject.toml` replaced whole with its bytes kept and the
table added at the end.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

YAML_NAME = ".lettercheck.yaml"
PYPROJECT = "pyproject.toml"

YAML_TEMPLATE = """\
# lettercheck configuration. Every setting is described here (and in its JSON
# Schema, `lettercheck schema config`). lettercheck uses the nearest .lettercheck.yaml (or
# [tool.lettercheck] in a pyproject.toml), walking up from each letter it checks.
# `lettercheck check --show-settings LETTER` shows what applies to a letter.
#
# Editors complete and check this file against a JSON Schema: write it beside this file
#   lettercheck schema config > .lettercheck.schema.json
# and keep the next line (the YAML language server reads it):
# yaml-language-server: $schema=.lettercheck.schema.json

# The lowest severity that makes `lettercheck check` exit 1: error, warning or info.
fail_on: error

# The files checked when a folder is walked (and by the language server);
# extensions match in any case (*.pdf finds Letter.PDF).
include: ["*.md", "*.txt", "*.pdf", "*.docx"]

# Paths skipped when a folder is walked (globs on the path relative to that folder).
# exclude: ["drafts/old/*"]

# Only these rules: IDs (DATE001), names (date-style), ID prefixes (DATE) or
# categories (structure, dates, inspectors, alignment, consistency, style, draft).
# select: ["DATE", "structure", "INSP006"]

# Skip these rules (written as for select). `lettercheck rules` lists them all.
# ignore: ["STYLE003"]

# A rule's severity: error (must change before publishing), warning (look again) or info.
# severity:
#   DATE007: error

# A rule's check parameters (`lettercheck explain DATE007` lists what it takes).
# params:
#   DATE007: {offset_days: 90}

# Rules to skip in the files matching a glob (relative to this file).
# per_file_ignores:
#   "archive/*": ["DATE008"]

# Folders of your own YAML rule packs, relative to this file
# (`lettercheck schema rules` prints the JSON Schema of a rule file); a
# letter_types.yaml there adds letter types (`lettercheck schema letter-types`).
# rule_dirs: ["letter-rules"]
"""

TOML_TEMPLATE = """\
[tool.lettercheck]
# lettercheck's settings (`lettercheck init` wrote this table; see also
# `lettercheck schema config` and `lettercheck check --show-settings LETTER`).
# The lowest severity that makes `lettercheck check` exit 1: error, warning or info.
fail_on = "error"
# The files checked when a folder is walked (and by the language server).
include = ["*.md", "*.txt", "*.pdf", "*.docx"]
# exclude = ["drafts/old/*"]                    # paths skipped when a folder is walked
# select = ["DATE", "structure", "INSP006"]     # only these rules: IDs, names, prefixes, categories
# ignore = ["STYLE003"]                         # skip these rules
# severity = {DATE007 = "error"}                # error, warning or info
# params = {DATE007 = {offset_days = 90}}       # a rule's check parameters
# per_file_ignores = {"archive/*" = ["DATE008"]}
# rule_dirs = ["letter-rules"]                  # your own YAML rule packs (and letter_types.yaml)
"""


class InitRefused(Exception):
    """Nothing was written, and why."""


def write_starter(folder: str | os.PathLike = ".", pyproject: bool = False) -> Path:
    """Write the starting configuration in `folder`; return the file written.
    Raises InitRefused (nothing written) or OSError (the write failed)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InitRefused(f"{folder}: no such folder")
    yaml_path, toml_path = folder / YAML_NAME, folder / PYPROJECT
    if os.path.lexists(yaml_path):
        raise InitRefused(f"{yaml_path} already exists; it was left as it is")
    if toml_path.is_file() and _configures_lettercheck(toml_path.read_bytes()):
        raise InitRefused(
            f"{toml_path} already configures lettercheck ([tool.lettercheck]); it was left as it is"
        )
    if pyproject:
        if not toml_path.is_file():
            raise InitRefused(
                f"{toml_path} does not exist (run `lettercheck init` without --pyproject for {YAML_NAME})"
            )
        _append_table(toml_path)
        return toml_path
    from checker.atomic import create_new

    try:
        create_new(yaml_path, YAML_TEMPLATE.encode("utf-8"))
    except FileExistsError:
        raise InitRefused(f"{yaml_path} already exists; it was left as it is") from None
    return yaml_path


def _configures_lettercheck(data: bytes) -> bool:
    """Does this pyproject.toml have a `[tool.lettercheck]` table (or a
    `lettercheck` key under `[tool]`)? Broken TOML that mentions it counts."""
    import tomllib

    text = data.decode("utf-8", errors="replace")
    if "lettercheck" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return bool(re.search(r"^\s*\[\s*tool\s*\.\s*lettercheck\b", text, re.MULTILINE))
    return isinstance(tool, dict) and "lettercheck" in tool


def _append_table(path: Path) -> None:
    """The table added at the end after a blank line, in the file's own line
    endings; the rest byte for byte. A file that is not valid TOML is refused."""
    import tomllib

    from checker.atomic import replace_file

    data = path.read_bytes()
    try:
        tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InitRefused(f"{path} is not valid TOML ({error}); it was left as it is") from None
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    if data and not data.endswith(b"\n"):
        data += newline
    separator = newline if data.strip() else b""
    written = data + separator + TOML_TEMPLATE.encode("utf-8").replace(b"\n", newline)
    try:  # `tool` written as an inline table (or not a table) cannot take a [tool.lettercheck] header
        tomllib.loads(written.decode("utf-8"))
    except tomllib.TOMLDecodeError:
        raise InitRefused(
            f"{path}: a [tool.lettercheck] table cannot be added after its `tool` key "
            f"(an inline table or a value); add the settings to it yourself, or run "
            f"`lettercheck init` without --pyproject; it was left as it is"
        ) from None
    replace_file(str(path), written)


def run_init(folder: str, pyproject: bool) -> None:
    """`lettercheck init`: write the starter configuration, or say why not (exit 2)."""
    import sys

    from checker.cli.messages import fail

    try:
        written = write_starter(folder, pyproject=pyproject)
    except InitRefused as error:
        fail(str(error))
    except OSError as error:
        fail(f"{folder}: nothing written: {error.strerror or error}")
    sys.stderr.write(
        f"lettercheck: wrote {written}; `lettercheck check --show-settings LETTER` shows what applies\n"
    )
