"""`lettercheck report --format html`: the annotated QA pack.

The pages are parsed into a DOM (tests/html_dom.py) and compared with what
the engine reports for the same letters, position by position.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker import api
from checker.output.html_report import page_names, render_document
from tests.conftest import BROKEN, LETTERS, OTHER, edited, letter_path
from tests.html_dom import Element, parse

ALL_FIXTURES = sorted(LETTERS.iterdir()) + sorted(BROKEN.iterdir()) + sorted(OTHER.iterdir())


@pytest.fixture(scope="module")
def pack():
    """Every fixture (letters, broken letters, files that are not letters) in one document."""
    results = api.report_paths([str(p) for p in ALL_FIXTURES])
    return results, parse(render_document(results))


def _marked_text(line: Element, problem_id: str) -> str:
    """The text of the highlights on a line that carry a given diagnostic."""
    return "".join(
        mark.text()
        for mark in line.iter()
        if mark.tag in ("mark", "span") and problem_id in (mark.attrs.get("data-diags") or "").split()
    )


def test_every_diagnostic_is_highlighted_at_its_exact_place(pack):
    results, dom = pack
    checked = 0
    for number, result in enumerate(results, start=1):
        article = dom.by_id(f"l{number}")
        lines = result.lines
        rendered = article.by_class("line")
        assert [e.attrs["id"] for e in rendered] == [f"l{number}-L{n}" for n in range(1, len(lines) + 1)]
        for line_element, text in zip(rendered, lines, strict=True):
            shown = line_element.by_class("tx")[0]
            assert _without_tags(shown) == text  # the line itself, apart from the rule tags after highlights
        for index, d in enumerate(result.diagnostics, start=1):
            pid = f"l{number}-d{index}"
            note = article.by_id(pid)
            assert d.rule in note.text() and d.message in note.text(), pid
            assert d.severity in note.text()  # the word, not only the colour
            if d.help:
                assert d.help in note.text()
            if not lines:
                continue
            span = d.span
            for n in range(span.line, span.end_line + 1):
                text = lines[n - 1]
                start = span.column if n == span.line else 1
                end = span.end_column if n == span.end_line else len(text) + 1
                expected = text[start - 1 : end - 1]
                assert _marked_text(article.by_id(f"l{number}-L{n}"), pid) == expected, (pid, d)
            # the note follows the line the problem starts on, and a tag names the rule in the text
            first_line = article.by_id(f"l{number}-L{span.line}")
            siblings = note.parent.children
            assert siblings.index(first_line) < siblings.index(note)
            assert [a for a in article.find(href=f"#{pid}") if d.rule in a.text()]
            checked += 1
    assert checked > 20


def _without_tags(element: Element) -> str:
    return "".join(
        c if isinstance(c, str) else ("" if "tag" in c.classes else _without_tags(c))
        for c in element.children
    )


def test_overlapping_diagnostics_keep_their_own_text(tmp_path, cli):
    """A repeated word (DRAFT002) inside a long sentence (STYLE003): the
    shared words carry both, each diagnostic's highlight is its own span."""
    text = edited(
        "kirklees_monitoring_2017.md",
        ("The focus of this visit was agreed", "The focus of this this visit was agreed"),
    )
    path = tmp_path / "overlap.md"
    path.write_text(text, encoding="utf-8")
    # the core limit (55 words) leaves this 47-word sentence alone: a stricter one
    (tmp_path / ".lettercheck.yaml").write_text("params: {STYLE003: {max_words: 40}}\n", encoding="utf-8")
    result = api.check_file(str(path))
    ids = {d.rule: f"l1-d{i}" for i, d in enumerate(result.diagnostics, start=1) if d.span.line == 34}
    assert set(ids) == {"STYLE003", "DRAFT002"}
    dom = parse(cli("report", str(path), "--format", "html").stdout)
    line = dom.by_id("l1-L34")
    (both,) = [m for m in line.iter("mark") if set(m.attrs["data-diags"].split()) == set(ids.values())]
    assert both.text() == "this this" and "sev-error" in both.classes  # the worse severity shows
    source = result.letter.lines[33]
    for rule, pid in ids.items():
        d = next(d for d in result.diagnostics if d.rule == rule)
        assert _marked_text(line, pid) == source[d.span.column - 1 : d.span.end_column - 1]


def test_a_problem_at_a_point_is_shown_there(tmp_path):
    """A rule that could not run is reported at 1:1 with no width: a marker
    at the start of the letter, its note after the first line."""
    from checker.diagnostics import Diagnostic
    from checker.model import Span

    (result,) = api.report_paths([letter_path("hull_focused_2018.md")])
    message = "rule USER001 skipped: its pattern took too long"
    result.diagnostics.append(Diagnostic("USER001", "style", "error", Span(1, 1, 1, 1), message))
    dom = parse(render_document([result]))
    pid = f"l1-d{len(result.diagnostics)}"
    line = dom.by_id("l1-L1")
    (point,) = [e for e in line.iter("span") if e.attrs.get("data-diags") == pid]
    assert "point" in point.classes and point.text() == ""
    assert line.by_class("tx")[0].children[0] is point  # before the first character
    assert message in dom.by_id(pid).text()


def test_hostile_letter_text_and_file_names_are_escaped(tmp_path, cli):
    hostile = "<script>alert(1)</script>"
    image = '<img src=x onerror="alert(2)">'
    text = edited(
        "kent_focused_2019.md",
        ("Dear Mr Dunkley,", f"Dear Mr Dunkley {image},"),
        ("Focused visit to Kent", f"Focused visit to Kent {hostile}"),
    )
    path = tmp_path / 'a"<b>.md'
    path.write_text(text + f"\n[INSERT {hostile}]\n", encoding="utf-8")
    folder = tmp_path / "out"
    for page in (
        cli("report", str(path), "--format", "html").stdout,
        _folder_pages(cli, [str(path)], folder),
    ):
        dom = parse(page)
        scripts = list(dom.iter("script"))
        assert len(scripts) == 1 and "alert" not in scripts[0].text()  # only our own script
        assert not list(dom.iter("img"))
        assert not [e for e in dom.iter() if any(name.startswith("on") for name in e.attrs)]
        assert "<script>alert" not in page and "<img src=x" not in page
        assert hostile in dom.text() and image in dom.text()  # shown as text, exactly
        assert 'a"<b>.md' in dom.text()


def _folder_pages(cli, paths: list[str], folder: Path) -> str:
    result = cli("report", *paths, "--format", "html", "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    pages = sorted(folder.glob("*.html"))
    return "".join(p.read_text(encoding="utf-8") for p in pages if p.name != "index.html")


def test_pages_reference_nothing_on_the_network(pack, tmp_path, cli):
    _, dom = pack
    pages = [dom]
    folder = tmp_path / "pack"
    cli("report", str(LETTERS), str(BROKEN), "--format", "html", "-o", str(folder))
    pages += [parse(p.read_text(encoding="utf-8")) for p in folder.glob("*.html")]
    assert len(pages) > 20
    local_pages = {p.name for p in folder.glob("*.html")}
    for page in pages:
        for element in page.iter():
            assert "src" not in element.attrs, element  # no image, script or frame is loaded
            assert element.tag not in ("link", "iframe", "object", "embed", "img", "base")
            href = element.attrs.get("href")
            if href is not None:
                assert href.startswith("#") or href.split("#")[0] in local_pages, href
        for style in page.iter("style"):
            css = style.text()
            assert "url(" not in css and "@import" not in css and "@font-face" not in css
        for script in page.iter("script"):
            assert not re.search(r"fetch|XMLHttpRequest|https?:|import\(", script.text())


def test_recommendations_in_full_beside_their_findings(pack):
    results, dom = pack
    numbers = {Path(r.path).name: n for n, r in enumerate(results, start=1)}
    hull = numbers["hull_focused_2018.md"]
    data = json.loads(_json_report(letter_path("hull_focused_2018.md")))["letters"][0]
    cards = dom.by_id(f"l{hull}").by_class("link-card")
    assert len(cards) == len(data["recommendations"]) == 4
    findings = {f["line"]: f["text"] for f in data["findings"]}
    for card, rec in zip(cards, data["recommendations"], strict=True):
        assert card.by_class("card-text")[0].text() == rec["text"]  # in full, not cut
        button = card.find(type="button")[0]
        assert button.attrs["aria-pressed"] == "false"
        assert button.attrs["data-targets"].split() == [str(line) for line in rec["supported_by"]]
        quoted = [q.text() for q in card.iter("blockquote")][1:]
        assert quoted == [findings[line] for line in rec["supported_by"]]
        for line in rec["supported_by"]:  # each target is a paragraph of the letter text
            assert dom.by_id(f"l{hull}-L{line}").attrs["data-block"] == str(line)

    adoption = numbers["ALIGN001_adoption_recommendation.md"]
    article = dom.by_id(f"l{adoption}")
    unsupported = [c for c in article.by_class("link-card") if "unsupported" in c.classes]
    assert len(unsupported) == 1
    card = unsupported[0]
    assert "No finding supports this recommendation" in card.text()
    assert "adoption panel" in card.text()  # the topics no finding mentions
    (link,) = [a for a in card.iter("a") if "ALIGN001" in a.text()]
    assert "ALIGN001" in article.by_id(link.attrs["href"][1:]).text()


def test_monitoring_letter_maps_areas_to_findings(pack):
    results, dom = pack
    numbers = {Path(r.path).name: n for n, r in enumerate(results, start=1)}
    data = json.loads(_json_report(str(BROKEN / "ALIGN002_area_not_evaluated.md")))["letters"][0]
    assert [a["line"] for a in data["areas"]] == [19, 20, 21, 22, 23, 24]
    article = dom.by_id(f"l{numbers['ALIGN002_area_not_evaluated.md']}")
    cards = [c for c in article.by_class("link-card") if c.attrs["id"].split("-")[1].startswith("area")]
    assert [c.find(type="button")[0].attrs["data-self"] for c in cards] == [
        str(a["line"]) for a in data["areas"]
    ]
    for card, area in zip(cards, data["areas"], strict=True):
        assert card.find(type="button")[0].attrs["data-targets"].split() == [
            str(x) for x in area["evaluated_by"]
        ]
        assert ("unsupported" in card.classes) == (not area["evaluated_by"])
    (bad,) = [c for c in cards if "unsupported" in c.classes]
    assert "application of thresholds" in bad.text() and "No finding evaluates this area" in bad.text()


def test_outline_timeline_inspectors_and_signatory(pack):
    results, dom = pack
    numbers = {Path(r.path).name: n for n, r in enumerate(results, start=1)}
    key = numbers["DATE009_previous_visit_after.md"]
    article = dom.by_id(f"l{key}")
    outline = article.by_id(f"l{key}-outline").parent
    rows = [
        [cell.text().strip() for cell in row.children if isinstance(cell, Element)]
        for row in outline.iter("tr")
    ][1:]
    assert [r[0] for r in rows] == [
        "Letter head and opening",
        "Areas covered by the visit",
        "Overview",
        "Findings and evaluation of progress",
        "Closing and signature",
    ]
    assert rows[0][2] == "1–14" and rows[0][6:8] == ["1", "1"]  # DATE009 and DATE005 in the opening
    assert rows[3][3:6] == ["11", "0", "806"]
    timeline = article.by_id(f"l{key}-timeline").parent
    cells = [[c.text() for c in row.iter("td")] for row in timeline.iter("tr")][1:]
    assert [c[:3] for c in cells] == [
        ["Sunday 8 October 2017", "visit", "during the visit ▲DATE005"],
        ["Monday 9 October 2017", "visit", "during the visit"],
        ["Friday 8 December 2017", "letter dated", "the letter date"],
        ["October 2018", "month mentioned", "after the letter date ✖DATE009"],
    ]
    assert "60 days after the last visit day" in timeline.text()
    people = article.by_id(f"l{key}-people").parent
    assert "Rachel Holden (named first)" in people.text() and "✔ signs" in people.text()
    assert "Signed by Rachel Holden, as “Her Majesty's Inspector”" in people.text()

    wrong = dom.by_id(f"l{numbers['INSP003_wrong_signatory.md']}")
    assert "✖ not among the inspectors named" in wrong.text()


def test_unreadable_files_get_a_page_with_their_problem(pack):
    results, dom = pack
    for number, result in enumerate(results, start=1):
        if not result.unreadable:
            continue
        article = dom.by_id(f"l{number}")
        (d,) = result.diagnostics
        assert d.rule in article.text() and d.message in article.text()
        assert not article.by_class("link-card") and not article.by_class("facts")


def test_folder_output_index_summary_and_rule_counts(tmp_path, cli):
    folder = tmp_path / "qa"
    result = cli(
        "report", str(LETTERS), str(BROKEN), str(OTHER / "binary.txt"), "--format", "html", "-o", str(folder)
    )
    assert result.exit_code == 2  # binary.txt is not text; the others are still reported
    assert f"start at {folder / 'index.html'}" in result.stderr
    checked = list(api.check_paths([str(LETTERS), str(BROKEN), str(OTHER / "binary.txt")]))
    index = parse((folder / "index.html").read_text(encoding="utf-8"))
    table = index.by_id("pack-summary").parent.find(**{"aria-labelledby": "pack-summary"})[0]
    body_rows = list(next(table.iter("tbody")).iter("tr"))
    assert len(body_rows) == len(checked) == 27
    for row, file in zip(body_rows, checked, strict=True):
        link = next(row.iter("a"))
        assert (folder / link.attrs["href"]).is_file()
        cells = [c.text() for c in row.iter("td")]
        counts = [str(sum(d.severity == s for d in file.diagnostics)) for s in ("error", "warning", "info")]
        assert cells[2:5] == counts, file.path
        fired = sorted({d.rule for d in file.diagnostics})
        assert [c.text() for c in row.iter("code") if c.text() != file.path] == fired
    per_rule = index.by_id("pack-rules").parent.find(**{"aria-labelledby": "pack-rules"})[0]
    totals = {}
    for file in checked:
        for d in file.diagnostics:
            totals[d.rule] = totals.get(d.rule, 0) + 1
    shown = {}
    for row in next(per_rule.iter("tbody")).iter("tr"):
        cells = [
            c for c in row.children if isinstance(c, Element)
        ]  # rule, category, severity, problems, letters
        shown[cells[0].text()] = int(cells[3].text())
    assert shown == totals
    assert (folder / "pack.html").is_file() and index.find(href="pack.html")
    page = parse((folder / "hull_focused_2018.html").read_text(encoding="utf-8"))
    assert page.find(href="index.html") and len(list(page.iter("article"))) == 1
    pack_page = parse((folder / "pack.html").read_text(encoding="utf-8"))
    assert len(list(pack_page.iter("article"))) == 27


def test_page_names_are_distinct_and_safe():
    names = page_names(["a/letter.md", "b/letter.md", "b/letter.txt", "<stdin>", "x/index.md", "y/ü ß?.md"])
    assert names == [
        "letter.html",
        "letter-2.html",
        "letter-3.html",
        "stdin.html",
        "index-2.html",
        "ü_ß.html",
    ]


def test_a_letter_with_a_long_name_gets_a_page_the_file_system_accepts(tmp_path, cli):
    """A name near the 255-byte limit (ASCII or not) would overflow it once
    `.html` replaces `.md`: the page's name is shortened, the pack written."""
    letters = tmp_path / "letters"
    letters.mkdir()
    long_names = ("k" * 250 + ".md", "é" * 125 + ".md")
    for name in long_names:
        (letters / name).write_text((LETTERS / "kent_focused_2019.md").read_text(encoding="utf-8"))
    result = cli("report", str(letters), "--format", "html", "-o", str(tmp_path / "qa"))
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "qa").iterdir())
    assert pages == sorted(["index.html", "pack.html", "k" * 120 + ".html", "é" * 60 + ".html"])
    assert len(page_names(["a/" + "é" * 125 + ".md", "b/" + "é" * 125 + ".md"])[1].encode()) < 255


def test_header_names_date_version_and_rule_set(tmp_path, cli, monkeypatch):
    from checker import __version__

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    (tmp_path / ".lettercheck.yaml").write_text("ignore: [STYLE003]\n", encoding="utf-8")
    letter = tmp_path / "letter.md"
    letter.write_text((LETTERS / "kent_focused_2019.md").read_text(encoding="utf-8"), encoding="utf-8")
    dom = parse(cli("report", str(letter), "--format", "html", "--select", "DATE", "--select", "STR").stdout)
    meta = dom.by_class("meta")[0].text()
    assert "1 January 2024, 00:00 UTC" in meta
    assert __version__ in meta
    assert re.search(r"Rule set\s*2\d rules \(core pack: 2\d\)", meta), meta
    assert ".lettercheck.yaml" in meta and "select DATE, STR" in meta and "ignore STYLE003" in meta


def test_print_stylesheet_breaks_pages_between_letters(pack):
    _, dom = pack
    css = next(dom.iter("style")).text()
    printed = css[css.index("@media print") :]
    assert re.search(r"article\.letter\s*\{\s*break-before:\s*page", printed)
    assert re.search(r"\.filters[^{]*\{\s*display:\s*none", printed)
    assert len(list(dom.iter("article"))) == len(ALL_FIXTURES)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_pass_wcag_aa_contrast(pack):
    _, dom = pack
    css = next(dom.iter("style")).text()
    colour = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    text_on = [  # (text, background) pairs the stylesheet uses
        ("text", "page"), ("muted", "page"), ("muted", "panel"), ("link", "page"), ("text", "panel"),
        ("on-badge", "error"), ("on-badge", "warning"), ("on-badge", "info"), ("on-badge", "ok"), ("on-badge", "link"),
        ("text", "error-bg"), ("text", "warning-bg"), ("text", "info-bg"), ("text", "linked-bg"), ("text", "source-bg"),
        ("error", "page"), ("warning", "page"), ("info", "page"), ("ok", "page"),
        ("error", "error-bg"), ("warning", "warning-bg"), ("info", "info-bg"), ("link", "error-bg"), ("muted", "error-bg"),
        ("muted", "warning-bg"), ("muted", "info-bg"), ("muted", "linked-bg"), ("muted", "source-bg"),
        ("error", "warning-bg"), ("error", "info-bg"), ("error", "linked-bg"), ("error", "source-bg"),  # .invisible
    ]  # fmt: skip
    for fg, bg in text_on:
        assert _contrast(colour[fg], colour[bg]) >= 4.5, (fg, bg, round(_contrast(colour[fg], colour[bg]), 2))
    for border in ("error", "warning", "info", "linked", "source", "focus"):  # non-text: 3:1
        assert _contrast(colour[border], colour["page"]) >= 3, border


def test_accessible_structure(pack):
    results, dom = pack
    html = next(dom.iter("html"))
    assert html.attrs["lang"] == "en"
    for number in range(1, len(results) + 1):
        article = dom.by_id(f"l{number}")
        title = article.by_id(article.attrs["aria-labelledby"])
        assert title.tag in ("h1", "h2") and title.text().strip()
        for button in article.iter("button"):
            assert button.attrs["type"] == "button" and "aria-pressed" in button.attrs
            assert button.text().strip()  # a visible, spoken label
            assert article.by_id(button.attrs["aria-describedby"])
        for section in article.iter("section"):
            labelled = section.attrs.get("aria-labelledby")
            assert labelled and article.by_id(labelled)
        for table in article.iter("table"):
            assert all(th.attrs.get("scope") for th in table.iter("th"))
    # every id is unique in a document holding every letter
    ids = [e.attrs["id"] for e in dom.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))


def _json_report(path: str) -> str:
    from typer.testing import CliRunner

    from checker.cli import app

    return CliRunner().invoke(app, ["report", path, "--format", "json"]).stdout


def test_a_pack_named_after_an_existing_file_says_what_is_wrong(tmp_path, cli):
    existing = tmp_path / "qa"
    existing.write_text("notes\n", encoding="utf-8")
    paths = [letter_path("kent_focused_2019.md"), letter_path("hull_focused_2018.md")]
    result = cli("report", *paths, "--format", "html", "-o", str(existing))
    assert result.exit_code == 2
    assert f"{existing}: cannot write the report: it is a file, not a folder" in result.output
    assert existing.read_text(encoding="utf-8") == "notes\n"


def test_a_selection_names_its_findings_as_the_page_numbers_them():
    """The live region announces the linked findings by the places the page
    shows (a PDF's "page 3, line 10"), not the rebuilt text's line numbers."""
    pdf = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "medway_focused_2019.pdf"
    (result,) = api.report_paths([str(pdf)])
    dom = parse(render_document([result]))
    buttons = [b for b in dom.iter("button") if "select-link" in b.classes]
    assert buttons
    for button in buttons:
        targets = button.attrs["data-targets"].split()
        places = button.attrs["data-places"].split("; ") if targets else []
        assert len(places) == len(targets)
        for line, place in zip(targets, places, strict=True):
            assert re.fullmatch(r"page \d+, line \d+", place)
            assert [a for a in dom.find(href=f"#l1-L{line}") if a.text().endswith(place)]  # as the page says
    script = next(e for e in dom.iter("script")).text()
    assert "button.dataset.places" in script and "targets.join" not in script


def _shown_text(element: Element) -> str:
    """The text of an element with each marked invisible character turned
    back into the character it stands for (and no rule tags)."""
    out = []
    for child in element.children:
        if isinstance(child, str):
            out.append(child)
        elif "invisible" in child.classes:
            out.append(chr(int(child.attrs["data-char"].removeprefix("U+"), 16)))
        elif "tag" not in child.classes:
            out.append(_shown_text(child))
    return "".join(out)


RLO, LRI, PDI, RLM, ZWSP = "\u202e", "\u2066", "\u2069", "\u200f", "\u200b"


def test_bidirectional_and_invisible_characters_are_shown_marked_in_place(tmp_path, cli):
    """A right-to-left override in a letter would reorder what the reviewer
    reads: each invisible character is a visible, marked <U+202E>, in the
    letter's text, the highlights, the area cards and the tooltips, and the
    highlights still cover exactly the characters each problem refers to."""
    text = edited(
        "kirklees_monitoring_2017.md",
        ("The focus of this visit was agreed", f"The focus of {RLO}this visit{PDI} was agreed"),
        ("- application of thresholds", f"- application of {LRI}thresholds{PDI}{RLM}"),
        ("The pace of change", f"The pace{ZWSP} of change"),
    )
    path = tmp_path / f"kirklees{RLO}.md"
    path.write_text(text + f"\n[INSERT {RLO}name]\n", encoding="utf-8")
    (tmp_path / ".lettercheck.yaml").write_text("params: {STYLE003: {max_words: 40}}\n", encoding="utf-8")
    result = api.check_file(str(path))
    page = cli("report", str(path), "--format", "html").stdout
    for char in (RLO, LRI, PDI, RLM, ZWSP):
        assert char not in page  # nowhere raw: not in the text, a tooltip, the title or the file name
    dom = parse(page)
    line = dom.by_id("l1-L34")
    marks = [e for e in line.iter("span") if "invisible" in e.classes]
    assert [(m.text(), m.attrs["data-char"], m.attrs["title"]) for m in marks] == [
        ("<U+202E>", "U+202E", "right-to-left override"),
        ("<U+2069>", "U+2069", "pop directional isolate"),
    ]
    assert _shown_text(line.by_class("tx")[0]) == result.letter.lines[33]
    long_sentence = [d for d in result.diagnostics if d.rule == "STYLE003" and d.span.line == 34]
    assert long_sentence  # the highlight holds the override, marked, and keeps its exact extent
    index = result.diagnostics.index(long_sentence[0]) + 1
    (mark,) = [m for m in line.iter("mark") if f"l1-d{index}" in m.attrs["data-diags"].split()]
    span = long_sentence[0].span
    assert _shown_text(mark) == result.letter.lines[33][span.column - 1 : span.end_column - 1]
    placeholder = next(d for d in result.diagnostics if d.rule == "DRAFT001")
    assert RLO in placeholder.message
    titles = [m.attrs["title"] for m in dom.iter("mark") if "DRAFT001" in m.attrs["title"]]
    assert titles and all("<U+202E>" in t and "<span" not in t for t in titles)
    note = dom.by_id(f"l1-d{result.diagnostics.index(placeholder) + 1}")
    assert "<U+202E>name" in note.text()
    area = next(card for card in dom.by_class("card-text") if "application of" in card.text())
    assert area.text().endswith("thresholds<U+2069><U+200F>") and "<U+2066>thresholds" in area.text()
    assert "kirklees<U+202E>.md" in next(dom.iter("title")).text() + dom.text()


def test_the_markdown_report_shows_invisible_characters(tmp_path, cli):
    text = edited("kent_focused_2019.md", ("Focused visit to Kent", f"Focused visit to {RLO}Kent"))
    path = tmp_path / f"kent{LRI}.md"
    path.write_text(text + f"\n[INSERT {RLO}name]\n", encoding="utf-8")
    markdown = cli("report", str(path), "--format", "markdown").stdout
    assert RLO not in markdown and LRI not in markdown
    assert "&lt;U+202E&gt;name" in markdown and "kent&lt;U+2066&gt;.md" in markdown
    assert "# Focused visit to &lt;U+202E&gt;Kent" in markdown
    terminal = cli("report", str(path), "--format", "rich").stdout  # the tree on a terminal, too
    assert RLO not in terminal and LRI not in terminal and "<U+202E>Kent" in terminal
