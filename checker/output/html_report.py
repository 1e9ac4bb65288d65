"""The HTML QA pack: self-contained pages rendered from the Jinja2 templates
shipped in checker/output/templates (autoescaped; CSS and JS inlined, nothing
loaded from the network).

`render_document` is one document: an index when there are several letters,
then every letter, each starting a new printed page. `write_pack` writes a
folder: `index.html`, one page per letter and `pack.html` (the document).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checker import __version__
from checker.output.escape import INVISIBLE, code_point, mark_invisible
from checker.output.pack import LetterPage, letter_page, long_date, rule_counts

ICONS = {"error": "✖", "warning": "▲", "info": "●"}
PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}
INDEX = "index.html"
PACK = "pack.html"
# A page's name stays far below the 255 bytes file systems allow, counter and
# ".html" included, however long (or however non-ASCII) the letter's name.
MAX_STEM_BYTES = 120


@dataclass(slots=True)
class Meta:
    """The header of every page: when, by which version, with which rules."""

    generated: str
    version: str
    rule_sets: list[str]


@cache
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.output", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
        finalize=shown_in_html,
    )
    env.filters["plain"] = plain_text
    env.globals.update(icons=ICONS, plural=PLURAL, long_date=long_date, asset=_asset)
    return env


def shown_in_html(value):
    """Every value a template prints: text with each invisible format
    character (a right-to-left override, a zero-width space) as a marked
    `<U+202E>`, so that a hostile letter cannot reorder or hide what the
    reviewer reads. Columns are counted before this, on the letter's own
    text, so positions stay right. (The letter's lines show control
    characters as their pictures already: see annotate.)"""
    if value.__class__ is str and _has_invisible(value):  # not Markup: ours, already safe
        from markupsafe import Markup

        return Markup("").join(_marked(value))
    return value


_has_invisible = INVISIBLE.search


def _marked(text: str):
    from markupsafe import escape

    at = 0
    for found in INVISIBLE.finditer(text):
        yield escape(text[at : found.start()])
        yield _marker(found.group())
        at = found.end()
    yield escape(text[at:])


@cache
def _marker(char: str):
    import unicodedata

    from markupsafe import Markup

    point = code_point(char)
    name = unicodedata.name(char, "invisible character").lower()
    return Markup('<span class="invisible" data-char="{}" title="{}">&lt;{}&gt;</span>').format(
        point, name, point
    )


def plain_text(value) -> str:
    """For an attribute or the page's <title>, where no tag can go: the same
    characters shown as plain `<U+202E>` text."""
    return mark_invisible(str(value))


@cache
def _asset(name: str):
    """A stylesheet or script inlined verbatim (it is ours, not letter text)."""
    from markupsafe import Markup

    return Markup(resources.files("checker.output").joinpath("templates", name).read_text(encoding="utf-8"))


def generated_at() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds of a pack)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        return f"{moment.day} {moment:%B %Y, %H:%M} UTC"
    moment = dt.datetime.now().astimezone()
    return f"{moment.day} {moment:%B %Y, %H:%M %Z}".rstrip()


def page_names(paths: list[str]) -> list[str]:
    """A distinct, safe file name for each letter's page, from its path."""
    names: list[str] = []
    taken = {INDEX, PACK}
    for path in paths:
        stem = os.path.splitext(os.path.basename(path))[0] if path != "<stdin>" else "stdin"
        stem = _shortened(re.sub(r"[^\w.-]+", "_", stem)).strip("._") or "letter"
        name, counter = f"{stem}.html", 2
        while name.lower() in taken:
            name, counter = f"{stem}-{counter}.html", counter + 1
        taken.add(name.lower())
        names.append(name)
    return names


def _shortened(stem: str) -> str:
    """`stem` cut to at most MAX_STEM_BYTES of UTF-8, never inside a character."""
    return stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", errors="ignore")


def build_pages(results) -> list[LetterPage]:
    names = page_names([r.path for r in results])
    return [
        letter_page(result, n, name) for n, (result, name) in enumerate(zip(results, names, strict=True), 1)
    ]


def _meta(pages: list[LetterPage]) -> Meta:
    rule_sets = list(dict.fromkeys(page.rule_set for page in pages if page.rule_set))
    return Meta(generated_at(), __version__, rule_sets)


def render_document(results) -> str:
    """Every letter in one document (what `report --format html` prints)."""
    pages = build_pages(results)
    return _document(pages, _meta(pages))


def _document(pages: list[LetterPage], meta: Meta) -> str:
    links = [f"#{page.key[:-1]}" for page in pages]
    template = _environment().get_template("document.html.j2")
    return template.render(pages=pages, meta=meta, rules=rule_counts(pages), links=links)


def write_pack(results, folder: str) -> list[str]:
    """Write index.html, a page per letter and pack.html into `folder`
    (created if needed), all or none of them (see pack_files); return the
    files written. Every page is rendered before anything is written."""
    from checker.output.pack_files import write_all

    pages = build_pages(results)
    meta = _meta(pages)
    if os.path.exists(folder) and not os.path.isdir(folder):
        why = "it is a file, not a folder (a name ending in .html gets one page instead)"
        raise NotADirectoryError(errno.ENOTDIR, why, folder)
    env = _environment()
    several = len(pages) > 1
    letter_template = env.get_template("letter.html.j2")
    files = [
        (page.file_name, letter_template.render(page=page, meta=meta, index_href=INDEX)) for page in pages
    ]
    if several:
        files.append((PACK, _document(pages, meta)))
    index = env.get_template("index.html.j2").render(
        pages=pages,
        meta=meta,
        rules=rule_counts(pages),
        links=[page.file_name for page in pages],
        print_href=PACK if several else None,
    )
    files.append((INDEX, index))
    os.makedirs(folder, exist_ok=True)
    return write_all(folder, files, summaries=(PACK, INDEX))  # a pack.html of older letters goes too
