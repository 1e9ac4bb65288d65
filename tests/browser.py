"""Headless Chromium for the HTML report's browser test: Debian's `chromium`
and `chromium-driver`, driven by selenium over WebDriver.

Also a script that takes the README's screenshot:

    .venv/bin/python -m tests.browser fixtures/screenshots
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

REQUIRED = "LETTERCHECK_BROWSER_TEST"  # set to "required" by .ci/run: a missing browser fails, never skips
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _binaries() -> tuple[str | None, str | None]:
    return (
        shutil.which("chromium") or _existing("/usr/bin/chromium"),
        shutil.which("chromedriver") or _existing("/usr/bin/chromedriver"),
    )


def _existing(path: str) -> str | None:
    return path if os.access(path, os.X_OK) else None


def missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    browser, driver = _binaries()
    if not browser or not driver:
        return (
            "headless Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does it)"
        )
    return None


@contextmanager
def chromium(width: int = 1400, height: int = 1000):
    """A headless Chromium with a throwaway profile, closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = _binaries()
    with tempfile.TemporaryDirectory(prefix="lettercheck-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
        try:
            yield driver
        finally:
            driver.quit()


def screenshot(letter: str, folder: Path) -> list[Path]:
    """The README's two pictures of `letter`'s page: its top (facts, timeline,
    outline, problems) and its annotated text with the first recommendation
    selected beside it."""
    import subprocess

    from selenium.webdriver.common.by import By

    folder.mkdir(parents=True, exist_ok=True)
    top, annotated = folder / "report-top.png", folder / "report-letter.png"
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "page.html"
        subprocess.run(
            [sys.executable, "-m", "checker", "report", letter, "--format", "html", "-o", str(page)],
            check=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")},
        )
        with chromium(1400, 1300) as driver:
            driver.get(page.as_uri())
            driver.save_screenshot(str(top))
            driver.find_element(By.CSS_SELECTOR, "#l1-rec1 .select-link").click()
            driver.execute_script(
                "const section = document.querySelector('.links-section');"
                "const first = document.querySelector('.line.source-of-link');"
                "window.scrollTo(0, first.getBoundingClientRect().top + window.scrollY - 90);"
                "document.querySelector('.links').scrollTop = 0;"
            )
            driver.save_screenshot(str(annotated))
    return [top, annotated]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures/screenshots")
    letter = sys.argv[2] if len(sys.argv) > 2 else "fixtures/broken/ALIGN001_adoption_recommendation.md"
    reason = missing()
    if reason:
        sys.exit(f"cannot take the screenshots: {reason}")
    for path in screenshot(letter, out):
        print(path)
