"""The prebuilt start-up data (checker.prebuilt) is what a build from the
shipped sources gives, whatever the hash seed, and reads letters and rules
exactly as the sources do; a changed source is read, never shadowed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import prebuilt
from checker.reading import lexer, lines, source
from checker.reading.letter_types import load_letter_types
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize("seed", ["0", "4242"])
def test_the_committed_files_are_what_a_build_gives(seed):
    done = subprocess.run(
        [sys.executable, "-m", "checker.prebuilt.build", "--check"],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _parse_with(parser, text: str) -> str:
    raw = source.from_bytes("x.md", text.encode("utf-8")).lines
    tokens = lexer.tokenise(lines.classify_all(raw), load_letter_types())
    reading = parser.parse_interactive()
    for token in tokens:
        reading.feed_token(token)
    return repr(reading.feed_eof(tokens[-1] if tokens else None))


def test_the_prebuilt_parser_reads_every_letter_as_the_grammar_does():
    from checker.reading.builder import LetterBuilder
    from checker.reading.parser import build_parser, parser

    loaded = parser()
    assert loaded.source_path == "<deserialized>"  # made from the prebuilt tables, not the grammar
    fresh = build_parser(transformer=LetterBuilder())
    letters = sorted((FIXTURES / "letters").iterdir()) + sorted((FIXTURES / "real").glob("*.txt"))
    letters += sorted((FIXTURES / "broken").iterdir())
    assert len(letters) > 60
    for path in letters:
        text = source.read(str(path)).text
        assert _parse_with(loaded, text) == _parse_with(fresh, text), path.name


def test_the_shipped_rules_and_types_load_alike_with_or_without_it(monkeypatch):
    from checker.checking import rule_packs
    from checker.reading import letter_types

    with_it = rule_packs.load_rules()
    types_with_it = letter_types.load_letter_types()
    monkeypatch.setattr(prebuilt, "shipped_yaml", lambda path: None)
    rule_packs.parse_rules.cache_clear()
    letter_types.load_letter_types.cache_clear()
    try:
        assert rule_packs.load_rules() == with_it  # origins (file:line) included
        without = letter_types.load_letter_types()
        assert list(without) == list(types_with_it)
        for name in without:
            assert repr(without[name]) == repr(types_with_it[name])
    finally:
        rule_packs.parse_rules.cache_clear()
        letter_types.load_letter_types.cache_clear()


def test_each_shipped_yaml_file_is_as_yaml_reads_it():
    from checker.checking.bounded_yaml import load
    from checker.checking.rule_packs import core_dir, node_at, parse_rules_file, position, rule_files
    from checker.resources import resource_path

    shipped = [parse_rules_file(), *rule_files(core_dir()), resource_path("rules") / "letter_types.yaml"]
    for path in shipped:
        entry = prebuilt.shipped_yaml(path)
        root, data = load(path.read_text(encoding="utf-8"))
        assert entry is not None and entry["data"] == data, path
        if "rules" in data:
            lines_of_rules = [position(node_at(root, ["rules", i]))[0] for i in range(len(data["rules"]))]
            assert entry["rule_lines"] == lines_of_rules


def test_the_prebuilt_vocabulary_is_the_synonyms_stemmed():
    from checker.facts import vocabulary

    path = prebuilt.source_path("rules/synonyms.yaml")
    assert vocabulary.load() == vocabulary.build(path)
    stems = prebuilt.load("vocabulary")["stems"]
    words = sorted(stems)
    assert len(words) > 300 and vocabulary._stemmer().stemWords(words) == [stems[w] for w in words]


def test_a_changed_source_is_read_not_shadowed(tmp_path, monkeypatch):
    pack = prebuilt.source_path("rules/core/dates.yaml")
    grammar = tmp_path / "letter.lark"
    grammar.write_text(prebuilt.source_path("grammar/letter.lark").read_text() + "\n// edited\n")
    assert prebuilt.load("letter_parser") is not None
    monkeypatch.setattr(prebuilt, "source_path", lambda name: grammar)
    assert prebuilt.load("letter_parser") is None
    assert prebuilt.shipped_yaml(pack) is not None
    edited = tmp_path / "dates.yaml"
    edited.write_text(pack.read_text() + "\n", encoding="utf-8")
    assert prebuilt.shipped_yaml(edited) is None  # not a shipped file
    monkeypatch.setattr(prebuilt, "digest", lambda path: "a different file")
    assert prebuilt.shipped_yaml(pack) is None


def test_the_codec_keeps_what_json_would_lose():
    value = {
        "tuples": (1, ("a", None)),
        "numbers": {0: "zero", 12: (0, 3)},
        "day": dt.date(2022, 9, 8),
        "tag-like": {"$tuple": [1]},
        "list": [1.5, True, "x"],
    }
    assert prebuilt.decode(prebuilt.dumps(value)) == value
    assert isinstance(prebuilt.decode(prebuilt.dumps(value))["tuples"], tuple)
    with pytest.raises(TypeError, match="cannot store set"):
        prebuilt.dumps({"a": {1, 2}})


def test_the_files_are_plain_json_in_the_package():
    import json

    files = sorted(Path(prebuilt.HERE).glob("*.json"))
    assert [f.name for f in files] == ["letter_parser.json", "shipped_yaml.json", "vocabulary.json"]
    for file in files:
        assert isinstance(json.loads(file.read_text(encoding="utf-8")), dict)
