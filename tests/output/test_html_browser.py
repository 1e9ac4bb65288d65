"""The HTML report in a real browser: headless Chromium (Debian's chromium and
chromium-driver, through selenium). Selecting a recommendation highlights its
findings in the letter, by mouse and by keyboard.

.ci/run installs the browser and sets LETTERCHECK_BROWSER_TEST=required, so in
CI this test runs (a missing browser fails it); elsewhere it is skipped with
the reason when the browser is not installed.
"""

from __future__ import annotations

import json
import os

import pytest

from tests import browser
from tests.conftest import BROKEN

LETTER = str(
    BROKEN / "ALIGN001_adoption_recommendation.md"
)  # four supported recommendations, one unsupported


@pytest.fixture(scope="module")
def chromium():
    reason = browser.missing()
    if reason:
        if os.environ.get(browser.REQUIRED) == "required":
            pytest.fail(f"the browser test is required here, but {reason}")
        pytest.skip(reason)
    with browser.chromium() as driver:
        yield driver


@pytest.fixture()
def page(cli, tmp_path, chromium):
    target = tmp_path / "page.html"
    assert cli("report", LETTER, "--format", "html", "-o", str(target)).exit_code == 0
    chromium.get(target.as_uri())
    return chromium


def _linked(driver) -> list[str]:
    return [e.get_attribute("id") for e in driver.find_elements("css selector", ".line.linked")]


def _lines_of(driver, blocks: list[int]) -> list[str]:
    lines = []
    for block in blocks:
        lines += [
            e.get_attribute("id")
            for e in driver.find_elements("css selector", f'.line[data-block="{block}"]')
        ]
    return sorted(lines, key=lambda ident: int(ident.split("L")[1]))


def test_selecting_a_recommendation_highlights_its_findings(page, cli, tmp_path):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver = page
    recommendations = json.loads(cli("report", LETTER, "--format", "json").stdout)["letters"][0][
        "recommendations"
    ]
    assert (
        driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    )  # nothing fetched
    assert _linked(driver) == []

    # the mouse: click the first recommendation
    first = driver.find_element("css selector", "#l1-rec1 .select-link")
    first.click()
    WebDriverWait(driver, 5).until(lambda d: _linked(d))
    expected = _lines_of(driver, recommendations[0]["supported_by"])
    assert len(expected) == len(recommendations[0]["supported_by"]) == 4
    assert sorted(_linked(driver), key=lambda i: int(i.split("L")[1])) == expected
    assert first.get_attribute("aria-pressed") == "true"
    assert "selected" in driver.find_element("css selector", "#l1-rec1").get_attribute("class")
    highlighted = driver.find_element("css selector", f"#{expected[0]}")
    plain = driver.find_element("css selector", "#l1-L1")
    assert highlighted.value_of_css_property("background-color") != plain.value_of_css_property(
        "background-color"
    )
    status = driver.find_element("css selector", ".link-status").text
    assert status.startswith("Recommendation 1: 4 linked findings highlighted")
    screenshot = tmp_path / "recommendation-selected.png"
    assert driver.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000

    # the keyboard: Enter on the third recommendation moves the selection there
    third = driver.find_element("css selector", "#l1-rec3 .select-link")
    third.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: third.get_attribute("aria-pressed") == "true")
    assert first.get_attribute("aria-pressed") == "false"
    assert sorted(_linked(driver), key=lambda i: int(i.split("L")[1])) == _lines_of(
        driver, recommendations[2]["supported_by"]
    )
    # Escape clears the selection
    third.send_keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: not _linked(d))
    assert third.get_attribute("aria-pressed") == "false"

    # the unsupported recommendation: nothing to highlight, and it says so
    unsupported = next(i for i, r in enumerate(recommendations, start=1) if not r["supported_by"])
    card = driver.find_element("css selector", f"#l1-rec{unsupported}")
    assert "unsupported" in card.get_attribute("class")
    card.find_element("css selector", ".select-link").send_keys(Keys.SPACE)
    WebDriverWait(driver, 5).until(
        lambda d: "no finding is linked" in d.find_element("css selector", ".link-status").text
    )
    assert _linked(driver) == []
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_severity_filters_hide_and_show_notes(page):
    driver = page
    note = driver.find_element("css selector", ".note.sev-error")
    box = driver.find_element("css selector", "input[data-severity='error']")
    assert box.is_displayed() and note.is_displayed()  # the filters appear once the script runs
    box.click()
    assert not note.is_displayed()
    box.click()
    assert note.is_displayed()


def test_print_starts_each_letter_on_a_new_page(cli, tmp_path, chromium):
    target = tmp_path / "pack.html"
    letters = [
        LETTER,
        str(BROKEN / "ALIGN002_area_not_evaluated.md"),
        str(BROKEN / "DRAFT001_placeholder.md"),
    ]
    assert cli("report", *letters, "--format", "html", "-o", str(target)).exit_code == 0
    chromium.get(target.as_uri())
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        breaks = chromium.execute_script(
            "return [...document.querySelectorAll('article.letter')].map(a => getComputedStyle(a).breakBefore)"
        )
        assert breaks == ["page", "page", "page"]  # the pack's index comes first, then one letter per page
        hidden = chromium.execute_script(
            "return getComputedStyle(document.querySelector('.filters')).display"
        )
        assert hidden == "none"
        aside = chromium.execute_script("return getComputedStyle(document.querySelector('.links')).position")
        assert aside == "static"
        pdf = chromium.print_page()  # base64 PDF: the whole pack prints
        assert len(pdf) > 10_000
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
