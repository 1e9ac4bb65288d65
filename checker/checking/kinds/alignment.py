"""Alignment: recommendations rest on findings; areas covered are evaluated."""

from __future__ import annotations

import re

from checker.checking.kinds import Hit, Param, ParamError, check_kind
from checker.facts.evidence import DEFAULTS, area_links, recommendation_links, unaddressed_concerns
from checker.model import Letter

THRESHOLD = Param(
    "threshold",
    "number",
    DEFAULTS["threshold"],
    minimum=0,
    maximum=1,
    doc="the similarity (cosine, 0 to 1) that counts as a link",
)
MAX_LINKS = Param(
    "max_links", "integer", DEFAULTS["max_links"], minimum=1, doc="the most links kept per block"
)
MIN_COVERAGE = Param(
    "min_coverage",
    "number",
    DEFAULTS["min_coverage"],
    minimum=0,
    maximum=1,
    doc="the share (by weight) of a recommendation's topic its linked findings must mention",
)
AREA_THRESHOLD = Param(
    "area_threshold", "number", DEFAULTS["area_threshold"], minimum=0, maximum=1,
    doc="the similarity that counts as a finding evaluating an area",
)  # fmt: skip
_ALIGN_PARAMS = ("threshold", "area_threshold", "max_links", "min_coverage")


def _params(params: dict) -> dict:
    return {k: params[k] for k in _ALIGN_PARAMS if k in params}


def _quote(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@check_kind("recommendation_support", params=(THRESHOLD, MAX_LINKS, MIN_COVERAGE))
def recommendation_support(letter: Letter, params: dict):
    """Every recommendation is supported: the findings (or overview paragraphs)
    most like it name every domain topic it names and at least `min_coverage`
    of its other topic words. Facts: {recommendation}, {threshold}, {detail}
    (the topics or words of the recommendation that no finding mentions)."""
    if not letter.findings:
        return  # STR001/STR003 report the missing or empty section; every recommendation would cascade
    links, unmentioned = recommendation_links(letter, _params(params))
    for block in letter.recommendations:
        if not links.get(block.line):
            topics = unmentioned.get(block.line)
            detail = f" (no finding mentions {', '.join(repr(t) for t in topics)})" if topics else ""
            yield Hit(
                block.text.span(),
                {
                    "recommendation": _quote(block.text.value),
                    "threshold": params["threshold"],
                    "detail": detail,
                },
            )


@check_kind("areas_evaluated", params=(AREA_THRESHOLD, MAX_LINKS))
def areas_evaluated(letter: Letter, params: dict):
    """Each area listed under 'Areas covered by the visit' is evaluated in the
    findings: they name its domain topics and most of its words. Facts: {area}."""
    areas = area_links(letter, _params(params))
    section = letter.section("areas_covered")
    for block in section.bullets if section else []:
        if not areas.get(block.line):
            yield Hit(block.text.span(), {"area": _quote(block.text.value)})


def _prepare_concerns(params: dict) -> dict:
    compiled = []
    for pattern in params["patterns"]:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            raise ParamError("patterns", f"invalid regular expression {pattern!r}: {error}") from None
    return {"concerns": tuple(compiled)}


@check_kind(
    "serious_concerns",
    params=(Param("patterns", "regexes", doc="what states a serious concern"), THRESHOLD),
    prepare=_prepare_concerns,
)
def serious_concerns(letter: Letter, params: dict):
    """A finding that states a serious concern (matching `patterns`) is
    addressed by some recommendation. Facts: {finding}, {concern}."""
    for block, _score in unaddressed_concerns(letter, params.derived["concerns"], _params(params)):
        concern = next(
            p.search(block.text.value) for p in params.derived["concerns"] if p.search(block.text.value)
        )
        yield Hit(
            block.text.span(*concern.span()),
            {"finding": _quote(block.text.value, 160), "concern": concern.group()},
        )
