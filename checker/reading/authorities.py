"""Names of local authorities as letters write them: 'the Wakefield local
authority', 'Kent County Council', 'London Borough of Ealing' and
'Slough Children First' (its trust) each name one authority."""

from __future__ import annotations

import re

_COUNCIL_SUFFIX = re.compile(
    r"\s+(?:(?:county|city|borough|metropolitan borough|district)\s+)?council$|\s+local authority$",
    re.IGNORECASE,
)


def normalise_authority(name: str) -> str:
    """'the Wakefield local authority' -> 'Wakefield'; 'Kent County Council' -> 'Kent'."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return _COUNCIL_SUFFIX.sub("", _COUNCIL_SUFFIX.sub("", name).strip()).strip()


# Words around an authority's name that do not change which authority it is.
_AUTHORITY_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of|Borough\s+of|City\s+of)\s+", re.I
)
_AUTHORITY_SUFFIX = re.compile(
    r"\s*\([^)]*\)$|\s+(?:metropolitan\s+borough|MBC|borough|city|county|council|local\s+authority)$", re.I
)


def _authority_words(name: str) -> list[str]:
    name = _AUTHORITY_PREFIX.sub("", normalise_authority(name))
    while (shorter := _AUTHORITY_SUFFIX.sub("", name)) != name:
        name = shorter
    return name.replace("&", "and").replace("-", " ").lower().split()


def same_authority(found: str, expected: str) -> bool:
    """'London Borough of Ealing' is 'Ealing', 'Wigan Metropolitan Borough' is
    'Wigan', 'Slough Children First' (its trust) is 'Slough', 'Bath and North
    East Somerset (B&NES)' is 'Bath and North East Somerset'; 'Dorset' is not
    'Bournemouth, Christchurch and Poole', nor 'Somerset' 'North Somerset'."""
    a, b = _authority_words(found), _authority_words(expected)
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter
