"""Read option values without pydantic.

Recent typer releases coerce every parameter of a command through a pydantic
TypeAdapter, built when the command runs: importing pydantic and building
the adapters cost some 50 ms a run (when this was written, a sixth of a
`lettercheck check`; a plain check now takes 0.13 s, without typer). Our
parameters are plain (text, flags, whole numbers with a minimum, choices,
lists of text), so `plain_coercion` reads those the way typer's adapters do,
with the same words for a bad value; a parameter of any other type, or a
typer without this hook, is left to typer.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, get_args, get_origin

try:  # recent typer releases carry their own copy of click
    from typer._click.exceptions import BadParameter
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click.exceptions import BadParameter

_WHOLE_NUMBER = re.compile(r"\s*[+-]?\d+\s*\Z")


class PlainCoercion:
    """The `coerce` typer calls for one parameter (as its runtime params do)."""

    def __init__(self, convert) -> None:
        self.convert = convert

    def coerce(self, value: Any, param, ctx) -> Any:
        multiple = param.multiple or param.nargs == -1
        if value is None:
            return () if multiple else None
        try:
            if multiple:
                if isinstance(value, str):
                    raise ValueError("Value must be an iterable.")
                return [self.convert(item, ctx) for item in value]
            return self.convert(value, ctx)
        except ValueError as error:
            raise BadParameter(str(error), ctx=ctx, param=param) from None


def plain_coercion(param) -> PlainCoercion | None:
    """A coercion for a parameter of a plain type, else None (typer's own)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return None
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        annotation = str
    if annotation in (str, bool):
        return PlainCoercion(lambda value, ctx: value)
    if annotation is int:
        return PlainCoercion(lambda value, ctx: _whole_number(value, info.min, info.max))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return PlainCoercion(lambda value, ctx: _choice(value, annotation, info.case_sensitive, ctx))
    return None


def _whole_number(value, minimum, maximum=None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if not (isinstance(value, str) and _WHOLE_NUMBER.match(value)):
            raise ValueError("not a whole number")
        value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise ValueError(f"must be at most {maximum}")
    return value


def _choice(value, choices: type[Enum], case_sensitive: bool, ctx) -> Enum:
    """The member `value` names, as typer matches choices (its words when none does)."""
    if isinstance(value, choices):
        return value

    def normal(text: str) -> str:
        if ctx is not None and ctx.token_normalize_func is not None:
            text = ctx.token_normalize_func(text)
        return text if case_sensitive else text.casefold()

    wanted = normal(str(value))
    for member in choices:
        if normal(str(member.value)) == wanted:
            return member
    shown = ", ".join(repr(normal(str(member.value))) for member in choices)
    raise ValueError(f"{value!r} is not one of {shown}.")


def install(params) -> None:
    """Give each plain parameter of a command its coercion, before typer builds one."""
    for param in params:
        if getattr(param, "_runtime_param", "absent") is None:  # typer's hook, not yet built
            coercion = plain_coercion(param)
            if coercion is not None:
                param._runtime_param = coercion
