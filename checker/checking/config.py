"""Configuration: `[tool.lettercheck]` in pyproject.toml or `.lettercheck.yaml`.

Found by walking up from the checked file's folder; the nearest wins.

    select = ["DATE", "STR001", "style"]   # rule IDs, ID prefixes or categories
    ignore = ["STYLE003"]
    severity = {DATE007 = "error"}
    rule_dirs = ["letter-rules"]           # extra YAML rule packs
    params = {DATE007 = {offset_days = 90}}
    per_file_ignores = {"archive/*" = ["DATE008"]}
    include = ["*.md", "*.txt", "*.pdf", "*.docx"]
    exclude = ["drafts/old/*"]
    fail_on = "warning"
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker.checking.setting_files import read_setting_text, why_not_read
from checker.diagnostics import SEVERITIES
from checker.globs import DEFAULT_INCLUDE, glob_matches, repository_document
from checker.reading.source import why_unreadable

KEYS = (
    "select",
    "ignore",
    "severity",
    "rule_dirs",
    "params",
    "per_file_ignores",
    "include",
    "exclude",
    "fail_on",
)


class ConfigError(Exception):
    def __init__(self, message: str, path: str, line: int = 1, key: str | None = None) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.message = message
        self.path = path
        self.line = line
        self.key = key  # the setting at fault, to find its line in the file

    def at_key_line(self, text: str) -> ConfigError:
        """The same error, placed on the line that sets `key` (if found)."""
        if self.key:
            found = re.search(rf"^[ \t]*['\"]?{re.escape(self.key)}['\"]?[ \t]*[:=]", text, re.MULTILINE)
            if found:
                return ConfigError(self.message, self.path, text.count("\n", 0, found.start()) + 1)
        return self


@dataclass(frozen=True)
class Config:
    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    rule_dirs: tuple[str, ...] = ()
    params: tuple[tuple[str, str], ...] = ()  # rule ID -> its parameters as JSON (hashable, any shape)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: str = "error"
    root: str = field(default=".")
    from_command_line: tuple[str, ...] = ()  # selectors given as --select/--ignore, for error messages

    def param_overrides(self) -> dict:
        return {rule: json.loads(values) for rule, values in self.params}

    def excludes(self, path: str) -> bool:
        """Does an `exclude` pattern match `path`, taken relative to the
        configuration's folder or as written?"""
        relative = os.path.relpath(path, self.root)
        return any(glob_matches(relative, p) or glob_matches(path, p) for p in self.exclude)

    def wants(self, path: str) -> bool:
        """Would walking a folder check `path`? Its name matches `include`,
        it is not a repository document (README...) and no `exclude` pattern
        matches it."""
        name = os.path.basename(path)
        if repository_document(name):
            return False
        return any(glob_matches(name, p) for p in self.include) and not self.excludes(path)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        relative = os.path.relpath(path, self.root) if path != "<stdin>" else path
        found: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if glob_matches(relative, pattern) or glob_matches(path, pattern):
                found.extend(rules)
        return tuple(found)


def _as_tuple(value, key: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings", path, key=key)
    return tuple(value)


def _rule_dirs(data: dict, root: str, path: str) -> tuple[str, ...]:
    """The rule folders, relative to the configuration's folder; one that is
    missing is this file's mistake, named at its line."""
    folders = []
    for folder in _as_tuple(data.get("rule_dirs", []), "rule_dirs", path):
        where = os.path.join(root, folder)
        if not os.path.isdir(where):
            problem = "is not a folder" if os.path.lexists(where) else "does not exist"
            raise ConfigError(f"rule directory '{folder}' in rule_dirs {problem}", path, key="rule_dirs")
        folders.append(where)
    return tuple(folders)


def parse_config(data: dict, path: str) -> Config:
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a table of settings", path)
    unknown = [key for key in data if key not in KEYS]
    if unknown:
        raise ConfigError(f"unknown setting '{unknown[0]}' (known: {', '.join(KEYS)})", path, key=unknown[0])
    root = os.path.dirname(os.path.abspath(path))
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or any(
        not isinstance(k, str) or not isinstance(v, str) or v not in SEVERITIES for k, v in severity.items()
    ):
        raise ConfigError("'severity' must map rule IDs to error, warning or info", path, key="severity")
    params = data.get("params", {})
    if not isinstance(params, dict) or not all(
        isinstance(rule, str) and isinstance(v, dict) and all(isinstance(k, str) for k in v)
        for rule, v in params.items()
    ):
        raise ConfigError("'params' must map rule IDs to tables of check parameters", path, key="params")
    ignores = data.get("per_file_ignores", {})
    if not isinstance(ignores, dict):
        raise ConfigError("'per_file_ignores' must map globs to lists of rules", path, key="per_file_ignores")
    fail_on = data.get("fail_on", "error")
    if not isinstance(fail_on, str) or fail_on not in SEVERITIES:
        raise ConfigError("'fail_on' must be error, warning or info", path, key="fail_on")
    rule_dirs = _rule_dirs(data, root, path)
    return Config(
        path=path,
        select=_as_tuple(data.get("select", []), "select", path),
        ignore=_as_tuple(data.get("ignore", []), "ignore", path),
        severity=tuple(sorted(severity.items())),
        rule_dirs=rule_dirs,
        params=tuple(sorted((k, json.dumps(v, sort_keys=True, default=str)) for k, v in params.items())),
        per_file_ignores=tuple(
            (str(glob), _as_tuple(rules, "per_file_ignores", path)) for glob, rules in ignores.items()
        ),
        include=_as_tuple(data.get("include", list(DEFAULT_INCLUDE)), "include", path),
        exclude=_as_tuple(data.get("exclude", []), "exclude", path),
        fail_on=fail_on,
        root=root,
    )


def load_config_file(path: str) -> Config:
    file = Path(path)
    try:
        text = read_setting_text(file)
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"cannot read configuration: not UTF-8 text (byte {error.start})", path, 0
        ) from None
    except OSError as error:
        raise ConfigError(f"cannot read configuration: {why_not_read(path, error)}", path, 0) from None
    if file.name == "pyproject.toml":
        data = _toml(text, path)
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError("[tool] must be a table", path, key="tool").at_key_line(text)
        section = tool.get("lettercheck", {})
        if not isinstance(section, dict):
            raise ConfigError(
                "[tool.lettercheck] must be a table of settings", path, key="lettercheck"
            ).at_key_line(text)
        try:
            return parse_config(section, path)
        except ConfigError as error:
            raise error.at_key_line(text) from None
    from checker.checking.bounded_yaml import YamlError, load

    try:
        _root, data = load(text)
    except YamlError as error:
        raise ConfigError(error.message, path, error.line) from None
    try:
        return parse_config({} if data is None else data, path)
    except ConfigError as error:
        raise error.at_key_line(text) from None


def _toml(text: str, path: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"line (\d+)", str(error))
        line = int(where.group(1)) if where else max(len(text.splitlines()), 1)  # "at end of document"
        raise ConfigError(f"invalid TOML: {error}", path, line) from None


def _config_here(candidate: Path) -> bool:
    """Is there a configuration file at `candidate`? One that exists but is no
    regular file (a directory, a dangling link, a link loop) is an error, not
    a silent fallback to the defaults."""
    try:
        mode = os.stat(candidate).st_mode
    except OSError as error:
        if isinstance(error, FileNotFoundError) and not os.path.islink(candidate):
            return False
        raise ConfigError(
            f"cannot read configuration: {why_unreadable(str(candidate), error)}", str(candidate), 0
        ) from None
    if not stat.S_ISREG(mode):
        kind = "is a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise ConfigError(f"cannot read configuration: {kind}", str(candidate), 0)
    return True


def _mentions_lettercheck(pyproject: Path) -> bool:
    """Does this pyproject.toml configure lettercheck (`[tool.lettercheck]`, or
    `lettercheck` under `[tool]`)? Only then is its TOML our business."""
    text = pyproject.read_text(encoding="utf-8", errors="replace")
    if "lettercheck" not in text:
        return False
    try:
        data = _toml(text, str(pyproject))
    except ConfigError:
        return "[tool.lettercheck" in text  # ours and broken: load_config_file reports it
    tool = data.get("tool")
    return tool is not None and (not isinstance(tool, dict) or "lettercheck" in tool)


@cache
def find_config(directory: str) -> Config:
    """The nearest configuration at or above `directory` (default if none)."""
    current = Path(directory).resolve()
    for folder in (current, *current.parents):
        candidate = folder / ".lettercheck.yaml"
        if _config_here(candidate):
            return load_config_file(str(candidate))
        pyproject = folder / "pyproject.toml"
        if _config_here(pyproject) and _mentions_lettercheck(pyproject):
            return load_config_file(str(pyproject))
    return Config()


def config_for(path: str) -> Config:
    """The configuration for a file (from its folder up) or for a folder (from itself up)."""
    if path in ("-", "<stdin>"):
        return find_config(os.getcwd())
    if os.path.isdir(path):
        return find_config(os.path.abspath(path))
    return find_config(os.path.dirname(os.path.abspath(path)))
