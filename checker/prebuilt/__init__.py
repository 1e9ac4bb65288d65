"""What start-up would otherwise rebuild from the shipped sources on every run.

Generated from rules/ and grammar/ by `python -m checker.prebuilt.build`
(`bash dev.sh prebuild`), committed, and shipped in the package:

  letter_parser.json  the LALR tables of grammar/letter.lark (lark's own serialised
                      form, states numbered in a fixed order): some 30 ms to build
  shipped_yaml.json   rules/parse.yaml, rules/core/*.yaml and rules/letter_types.yaml
                      as YAML reads them, with the line of each rule: no YAML parser
  vocabulary.json     rules/synonyms.yaml stemmed: some 25 ms of Snowball stemming

Each entry records the SHA-256 of the source it was made from and is used
only while that source still has it; otherwise the source is read as it
always was, so an edited rule pack or grammar is never shadowed by stale
data. The files are JSON (with tagged tuples, dates and non-text keys):
loading them runs no code, unlike a pickle. The tests regenerate them, under
different hash seeds, and compare.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path

from checker.resources import resource_path

HERE = Path(__file__).resolve().parent
SOURCE_FOLDERS = ("rules", "grammar")  # what `sources` are relative to (checker.resources)


def source_path(name: str) -> Path:
    """The shipped file `name` ("rules/core/dates.yaml"), in a checkout or an installed package."""
    folder, _, rest = name.partition("/")
    return resource_path(folder) / rest


def source_name(path: Path) -> str | None:
    """`path` as a source name, if it is one of the shipped files."""
    resolved = Path(path).resolve()
    for folder in SOURCE_FOLDERS:
        root = resource_path(folder).resolve()
        if resolved.is_relative_to(root):
            return f"{folder}/{resolved.relative_to(root).as_posix()}"
    return None


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@cache
def _file(name: str) -> dict | None:
    try:
        return decode((HERE / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load(name: str) -> dict | None:
    """The prebuilt data `name` (letter_parser, vocabulary), or None when it is
    missing or any of its sources has changed since it was built."""
    data = _file(name)
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict) or any(digest(source_path(s)) != sha for s, sha in sources.items()):
        return None
    return data


def shipped_yaml(path: Path) -> dict | None:
    """One shipped YAML file as YAML reads it (`data`, and `rule_lines` for a
    rule pack), or None when it is not prebuilt or has changed since."""
    data = _file("shipped_yaml")
    files = data.get("files") if isinstance(data, dict) else None
    name = source_name(path) if isinstance(files, dict) else None
    entry = files.get(name) if name else None
    if not isinstance(entry, dict) or digest(Path(path)) != entry.get("sha256"):
        return None
    return entry


# JSON keeps text keys, lists and dicts; the data here also holds tuples,
# dates and dicts keyed by numbers (lark's tables), so those are tagged.
_TAGS = ("$tuple", "$date", "$items")


def encode(value):
    """`value` as JSON data, tagging what JSON would lose."""
    if isinstance(value, dict):
        if all(isinstance(key, str) and key not in _TAGS for key in value):
            return {key: encode(item) for key, item in value.items()}
        return {"$items": [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store {type(value).__name__} as prebuilt data: {value!r}")


def _untag(obj: dict):
    if len(obj) == 1:
        ((key, value),) = obj.items()
        if key == "$tuple":
            return tuple(value)
        if key == "$date":
            return dt.date.fromisoformat(value)
        if key == "$items":
            return {item_key: item for item_key, item in value}
    return obj


def decode(text: str):
    return json.loads(text, object_hook=_untag)


def dumps(value) -> str:
    """The file's text: one JSON document, compact, ending with a newline."""
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")) + "\n"
