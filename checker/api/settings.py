"""Which configuration and rules apply to a file: the configuration file
(`--config`, else the nearest one), with the command line's selection on top."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.checking.config import Config
    from checker.checking.engine import Engine


class SetupError(Exception):
    """A broken configuration or rule pack: reported once, exit code 2."""


@dataclass(frozen=True, slots=True)
class Selection:
    """What a run asks for beyond the configuration files: an explicit
    configuration file and the rules selected, ignored or added."""

    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    @classmethod
    def of(cls, config=None, select=(), ignore=(), extend_select=()) -> Selection:
        return cls(config, tuple(select), tuple(ignore), tuple(extend_select))

    def config_for(self, path: str) -> Config:
        """The configuration for `path` with this selection on top (ConfigError when broken)."""
        return effective_config(path, self.config, self.select, self.ignore, self.extend_select)

    def engine_for(self, path: str) -> Engine:
        """The rules that apply to `path`, ready to run; SetupError when the
        configuration or a rule pack is broken."""
        from checker.checking.config import ConfigError
        from checker.checking.engine import engine_for
        from checker.checking.rule_packs import RulePackError

        try:
            return engine_for(self.config_for(path))
        except (ConfigError, RulePackError) as error:
            raise SetupError(str(error)) from None


def effective_config(
    path: str,
    explicit: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...] = (),
) -> Config:
    """The configuration for `path` with the command line's selection on top.

    `extend_select` adds to the selection (the configured one when there is
    no `select`); with no selection at all every rule already runs."""
    from checker.checking.config import config_for, load_config_file

    config = load_config_file(explicit) if explicit else config_for(path)
    if select:
        config = replace(config, select=select)
    if extend_select and config.select:
        config = replace(config, select=config.select + extend_select)
    if ignore:
        config = replace(config, ignore=config.ignore + ignore)
    if select or ignore or extend_select:
        config = replace(config, from_command_line=tuple(select) + tuple(ignore) + tuple(extend_select))
    return config
