"""Configuration files: found by walking up, read, and refused with their line when wrong."""

from __future__ import annotations

import textwrap

from checker.checking.config import find_config, load_config_file
from checker.checking.engine import Engine
from tests.conftest import edited, read_letter


def test_config_from_pyproject_and_yaml(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent("""
        [tool.lettercheck]
        ignore = ["STYLE003"]
        severity = {DATE007 = "error"}
        params = {DATE007 = {offset_days = 10}}
        fail_on = "warning"
    """),
        encoding="utf-8",
    )
    nested = tmp_path / "letters" / "2023"
    nested.mkdir(parents=True)
    config = find_config(str(nested))
    assert config.ignore == ("STYLE003",) and config.fail_on == "warning"
    letter = read_letter(edited("bcp_focused_2023.md"))
    diagnostics = Engine(config).check(letter)
    assert [(d.rule, d.severity) for d in diagnostics] == [("DATE007", "error")]
    assert "41 days after the visit ended" in diagnostics[0].message
    (tmp_path / "letters" / ".lettercheck.yaml").write_text("select: [draft]\n", encoding="utf-8")
    find_config.cache_clear()
    assert find_config(str(nested)).select == ("draft",)


def test_broken_config_is_an_error_with_its_file(tmp_path):
    import pytest

    from checker.checking.config import ConfigError

    path = tmp_path / ".lettercheck.yaml"
    path.write_text("select: [DATE]\nseverity: {DATE001: fatal}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must map rule IDs to error, warning or info") as error:
        load_config_file(str(path))
    assert str(error.value).startswith(f"{path}:2: ")
    path.write_text("ignore: [STYLE]\n\nselct: [DATE]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'selct'") as error:
        load_config_file(str(path))
    assert error.value.line == 3
    toml = tmp_path / "pyproject.toml"
    toml.write_text("[tool.lettercheck]\nselect = ['DATE']\nfail_on = 'fatal'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'fail_on' must be") as error:
        load_config_file(str(toml))
    assert error.value.line == 3
    toml.write_text("[tool.lettercheck]\nselect = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as error:
        load_config_file(str(toml))
    assert error.value.line == 2
    toml.write_text("[tool.lettercheck]\nselect = ['DATE'] x\nignore = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as error:
        load_config_file(str(toml))
    assert error.value.line == 2


def test_include_exclude_and_per_file_ignores_take_the_extension_in_any_case(tmp_path):
    from checker.checking.config import Config

    root = str(tmp_path)
    config = Config(
        root=root,
        exclude=("archive/*.md", "README.md"),
        per_file_ignores=(("old/*.TXT", ("DATE008",)),),
    )
    for name in ("Letter.PDF", "Draft.DOCX", "NOTES.MD", "x.TXT", "y.Md"):
        assert config.wants(f"{root}/{name}"), name
    assert not config.wants(f"{root}/notes.rst")
    assert config.excludes(f"{root}/archive/OLD.MD") and config.excludes(f"{root}/README.MD")
    assert config.ignored_for(f"{root}/old/a.txt") == ("DATE008",)
    # only the extension: folder and file names keep their case, as the file system does
    assert not config.excludes(f"{root}/Archive/old.md") and not config.excludes(f"{root}/readme.md")
    assert Config(root=root, include=("*.MD",)).wants(f"{root}/draft.md")
    assert not Config(root=root, include=("letter*.md",)).wants(f"{root}/Letter.md")
