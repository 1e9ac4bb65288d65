"""How `lettercheck COMMAND --help`, usage errors and option values read.

Typer's plain help puts every option in one list with type names as
metavars (`<list[str]>`, `{paths}...`) and passes on its validation library's
wording ("Value error, ..."). This command class groups options under
headings (from each option's `rich_help_panel`), shows clean metavars, ends
with examples, wraps at word boundaries to the terminal's width (even a
narrow one), and words bad values plainly.
"""

from __future__ import annotations

import re
import shutil

from typer.core import TyperCommand, TyperGroup

try:  # recent typer releases carry their own copy of click
    from typer._click import Context, HelpFormatter
    from typer._click.exceptions import BadParameter
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import Context, HelpFormatter
    from click.exceptions import BadParameter

_MAX_WIDTH = 100
_NARROW = 70  # below this, an option's help goes under it, not beside it


def help_width() -> int:
    return max(min(shutil.get_terminal_size((80, 24)).columns, _MAX_WIDTH) - 1, 20)


class _Context(Context):
    def make_formatter(self) -> HelpFormatter:
        return HelpFormatter(width=help_width(), max_width=_MAX_WIDTH)


_PLAIN_ERRORS = (
    (re.compile(r"^Value error, "), ""),
    (re.compile(r"^Input should be a valid integer.*"), "not a whole number"),
    (re.compile(r"^Input should be greater than or equal to (\d+).*"), r"must be at least \1"),
)


def plain_error(message: str) -> str:
    """A validation message without the validation library's wording."""
    for pattern, replacement in _PLAIN_ERRORS:
        message = pattern.sub(replacement, message)
    return message


class _Examples:
    """Help that ends with examples: `epilog` holds one command per line."""

    def format_epilog(self, ctx: Context, formatter: HelpFormatter) -> None:
        if not self.epilog:
            return
        formatter.write_paragraph()
        formatter.write_heading("Examples")
        with formatter.indentation():
            for line in self.epilog.strip().splitlines():
                formatter.write(f"{' ' * formatter.current_indent}{line.strip()}\n")


class _PlainValues:
    """Plain option values are read without pydantic (checker.cli.values)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from checker.cli.values import install

        install(self.get_params(ctx))
        return super().parse_args(ctx, args)


class Group(_Examples, _PlainValues, TyperGroup):
    """The `lettercheck` command itself: its help wraps and ends with examples too."""

    context_class = _Context


class Command(_Examples, _PlainValues, TyperCommand):
    """A typer command with grouped options, examples and plain errors."""

    context_class = _Context

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = param.metavar or param.name.upper()
            if param.nargs != 1:
                name += "..."
            pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                group = "Arguments"
                name = (param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
                record = (name, param.help or "")
            else:
                group = getattr(param, "rich_help_panel", None) or "Options"
            groups.setdefault(group, []).append(record)
        for group, records in groups.items():
            with formatter.section(group):
                if formatter.width >= _NARROW:
                    formatter.write_dl(records, col_max=28)
                else:
                    _write_stacked(formatter, records)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except BadParameter as error:
            error.message = plain_error(error.message)
            raise


def _write_stacked(formatter: HelpFormatter, records: list[tuple[str, str]]) -> None:
    """Each option on its own line, its help indented below (narrow terminals)."""
    for name, text in records:
        formatter.write(f"{' ' * formatter.current_indent}{name}\n")
        if text:
            with formatter.indentation():
                formatter.write_text(text)
