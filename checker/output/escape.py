"""Make untrusted text (file names, letter text, rule messages) safe to print.

A file name or a letter can hold anything: a newline that forges a second
output line, an ESC that drives the terminal, a C1 control, a right-to-left
override that reorders what a reader sees, or (on POSIX) bytes that are not
UTF-8, which Python carries as lone surrogates. Human formats show each such
character as a visible escape (`\\n`, `\\x1b`, `\\u202e`, a stray byte as
`\\xff`); the HTML report shows a control as its Unicode picture (one
character, so that columns stay exact); machine formats keep the text but
must stay well-formed (XML 1.0 forbids most controls, JSON and UTF-8 forbid
lone surrogates).
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, line/paragraph separators, bidirectional
# marks, embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# Characters XML 1.0 cannot carry, even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def for_humans(text: str) -> str:
    """`text` with every control, bidi or undecodable character made visible."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda match: _visible(match.group()), text)


def keep_tabs(text: str) -> str:
    """Like for_humans, but a tab stays a tab (source lines expand their own)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(
        lambda match: match.group() if match.group() == "\t" else _visible(match.group()), text
    )


def for_xml(text: str) -> str:
    """`text` with the characters XML 1.0 forbids made visible."""
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda match: _visible(match.group()), text)


def for_unicode(text: str) -> str:
    """Valid Unicode for JSON: a stray byte carried as a lone surrogate
    becomes U+FFFD, the replacement character, as Git and ruff print it."""
    return _SURROGATE.sub("\ufffd", text)


# C0 controls (but tab) and DEL are shown as their Unicode control pictures:
# one character each, so columns stay exact and nothing invisible reaches the page.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def visible(text: str) -> str:
    """The text with control characters replaced by their visible pictures (the HTML report)."""
    return text.translate(_CONTROL_PICTURES) if _CONTROL.search(text) else text


# Characters a reader cannot see that change what is seen: the invisible format
# characters (Unicode category Cf: bidirectional marks, embeddings, overrides
# and isolates, zero-width spaces and joiners, the soft hyphen, tags...) and
# the line and paragraph separators. A right-to-left override in a letter
# would reorder the text a reviewer reads in the HTML report.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def code_point(char: str) -> str:
    """`U+202E`: how an invisible character is named where it stood."""
    return f"U+{ord(char):04X}"


def mark_invisible(text: str) -> str:
    """`text` with each invisible format character shown as `<U+202E>`
    (the markdown and terminal reports, and HTML attributes)."""
    if not INVISIBLE.search(text):
        return text
    return INVISIBLE.sub(lambda match: f"<{code_point(match.group())}>", text)
