"""`lettercheck init` and the configuration's JSON Schema (`lettercheck schema config`)."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import replace

import jsonschema
import pytest
import yaml

from checker.api import check_file
from checker.checking.config import KEYS, Config, ConfigError, load_config_file, parse_config
from tests.conftest import BROKEN, ROOT

SCHEMA = json.loads((ROOT / "checker" / "schemas" / "config.schema.json").read_text(encoding="utf-8"))


def _valid(data) -> bool:
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


def _without_place(config: Config) -> Config:
    return replace(config, path=None, root=".")


def test_init_writes_a_commented_configuration_that_changes_nothing(cli, tmp_path):
    result = cli("init", str(tmp_path))
    written = tmp_path / ".lettercheck.yaml"
    assert result.exit_code == 0
    assert result.stderr.startswith(f"lettercheck: wrote {written}")
    text = written.read_text(encoding="utf-8")
    assert sum(line.startswith("# ") for line in text.splitlines()) > 20  # every setting described
    assert all(f"{key}:" in text for key in KEYS)
    assert _valid(yaml.safe_load(text))
    assert _without_place(load_config_file(str(written))) == Config()
    letter = tmp_path / "letter.md"
    letter.write_bytes((BROKEN / "DATE001_dated_before_visit.md").read_bytes())
    assert [d.rule for d in check_file(str(letter)).diagnostics] == ["DATE001"]


def test_every_commented_example_in_the_starter_file_is_a_valid_setting(tmp_path):
    from checker.cli.init_command import YAML_TEMPLATE

    kept, in_setting = [], False
    for line in YAML_TEMPLATE.splitlines():
        setting = re.match(r"# (\w+):", line)
        if setting and setting.group(1) in KEYS:
            kept.append(line[2:])
            in_setting = True
        elif in_setting and line.startswith("#   "):
            kept.append(line[2:])  # an entry of the setting above
        else:
            kept.append(line)
            in_setting = False
    uncommented = "\n".join(kept)
    data = yaml.safe_load(uncommented)
    assert set(data) == set(KEYS)
    assert _valid(data)
    (tmp_path / "letter-rules").mkdir()
    (tmp_path / ".lettercheck.yaml").write_text(uncommented, encoding="utf-8")
    config = load_config_file(str(tmp_path / ".lettercheck.yaml"))
    assert config.ignore == ("STYLE003",) and config.param_overrides() == {"DATE007": {"offset_days": 90}}


def test_init_never_overwrites(cli, tmp_path):
    written = tmp_path / ".lettercheck.yaml"
    written.write_text("fail_on: warning\n", encoding="utf-8")
    result = cli("init", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"lettercheck: error: {written} already exists; it was left as it is\n"
    assert written.read_text(encoding="utf-8") == "fail_on: warning\n"
    assert [p.name for p in tmp_path.iterdir()] == [".lettercheck.yaml"]  # no temporary file left


def test_init_adds_the_table_to_an_existing_pyproject(cli, tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    original = (
        b'[project]\r\nname = "letters"\r\n\r\n[tool.ruff]\r\nline-length = 100'  # CRLF, no final newline
    )
    pyproject.write_bytes(original)
    result = cli("init", "--pyproject", str(tmp_path))
    assert result.exit_code == 0
    data = pyproject.read_bytes()
    assert data.startswith(original + b"\r\n\r\n[tool.lettercheck]\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # the file's own line endings throughout
    table = tomllib.loads(data.decode("utf-8"))["tool"]["lettercheck"]
    assert table == {"fail_on": "error", "include": ["*.md", "*.txt", "*.pdf", "*.docx"]} and _valid(table)
    assert _without_place(load_config_file(str(pyproject))) == Config()
    assert not (tmp_path / ".lettercheck.yaml").exists()

    again = cli("init", "--pyproject", str(tmp_path))
    assert again.exit_code == 2 and "already configures lettercheck" in again.stderr
    yaml_instead = cli("init", str(tmp_path))  # a .lettercheck.yaml would silently take its place
    assert yaml_instead.exit_code == 2 and "already configures lettercheck" in yaml_instead.stderr
    assert not (tmp_path / ".lettercheck.yaml").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            None,
            "pyproject.toml does not exist (run `lettercheck init` without --pyproject for .lettercheck.yaml)",
        ),
        (b"[project\nname = 1\n", "pyproject.toml is not valid TOML"),
        (
            b"tool = {black = {line-length = 99}}\n",
            "pyproject.toml: a [tool.lettercheck] table cannot be added",
        ),
        (
            b'tool = 1\n\n[project]\nname = "x"\n',
            "pyproject.toml: a [tool.lettercheck] table cannot be added",
        ),
    ],
)
def test_init_pyproject_refuses_what_it_cannot_extend(cli, tmp_path, content, message):
    pyproject = tmp_path / "pyproject.toml"
    if content is not None:
        pyproject.write_bytes(content)
    result = cli("init", "--pyproject", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lettercheck: error: {tmp_path}/{message}")
    assert (pyproject.read_bytes() if content is not None else None) == content


def test_init_in_a_missing_folder_is_an_error(cli, tmp_path):
    result = cli("init", str(tmp_path / "nowhere"))
    assert (
        result.exit_code == 2
        and result.stderr == f"lettercheck: error: {tmp_path / 'nowhere'}: no such folder\n"
    )


def test_schema_config_prints_the_shipped_schema(cli):
    result = cli("schema", "config")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_names_every_setting_and_only_those():
    assert set(SCHEMA["properties"]) == set(KEYS)


def test_the_readme_example_is_valid_and_loads(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") :]
    example = re.search(r"```toml\n(.*?)```", section, re.DOTALL).group(1)
    table = tomllib.loads(example)["tool"]["lettercheck"]
    assert _valid(table)
    for folder in table.get("rule_dirs", []):  # a rule folder that is missing is an error
        (tmp_path / folder).mkdir()
    parse_config(table, str(tmp_path / "pyproject.toml"))


@pytest.mark.parametrize(
    "settings",
    [
        {"selct": ["DATE"]},
        {"fail_on": "sometimes"},
        {"severity": {"DATE007": "fatal"}},
        {"select": [1]},
        {"params": {"DATE007": 90}},
        {"per_file_ignores": ["archive/*"]},
        {"rule_dirs": {"a": "b"}},
    ],
    ids=lambda s: next(iter(s)),
)
def test_what_the_schema_rejects_lettercheck_rejects(tmp_path, settings):
    assert not _valid(settings)
    with pytest.raises(ConfigError):
        parse_config(settings, str(tmp_path / ".lettercheck.yaml"))


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"select": "DATE"},
        {"ignore": ["STYLE003", "date-style"], "severity": {"DATE007": "error"}, "fail_on": "info"},
        {"per_file_ignores": {"archive/*": "DATE008"}, "exclude": "old/*"},
        {"params": {"DATE007": {"offset_days": 90}}},
    ],
)
def test_what_lettercheck_accepts_the_schema_accepts(tmp_path, settings):
    assert _valid(settings)
    parse_config(settings, str(tmp_path / ".lettercheck.yaml"))
