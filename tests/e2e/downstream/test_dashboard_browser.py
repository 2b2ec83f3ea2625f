"""End to end in a real browser: the dashboard shows the Russia–Myanmar agreement live as the seeds arrive.

Debian's chromium runs headless, driven by Playwright through ``executable_path`` (no browser
download). The screenshot lands in the test's temporary folder, or in ``test-artifacts/dashboard.png``
(gitignored) when ``WIREWATCH_TEST_ARTIFACTS`` is set (CI keeps it); its path is printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.pipeline import running_pipeline

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra: make install")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.broker,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium missing: run scripts/install-system-deps"),
]


def _artifacts(tmp_path: Path) -> Path:
    """Where the screenshot goes: the repository's ``test-artifacts/`` only when asked for, else ``tmp_path``."""
    if not os.environ.get("WIREWATCH_TEST_ARTIFACTS"):
        return tmp_path
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


def test_the_russia_myanmar_agreement_appears_live_with_evidence_and_sources(tmp_path, seeds_dir):
    assert CHROMIUM is not None
    screenshot = _artifacts(tmp_path) / "dashboard.png"
    with running_pipeline(tmp_path) as pipeline, playwright.sync_playwright() as driver:
        pipeline.wait_ready()
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(pipeline.api + "/")
            page.wait_for_selector('#status[data-state="live"]', timeout=30_000)
            assert page.locator("li.agreement").count() == 0
            page.evaluate("window.__sameDocument = true")  # lost if the page reloads

            assert "published 5 article(s)" in pipeline.ingest(seeds_dir)

            card = page.locator('li.agreement[data-type="military"]', has_text="MMR – RUS")
            card.first.wait_for(timeout=90_000)
            assert page.evaluate("window.__sameDocument") is True, "the agreement must arrive live, not by reload"
            evidence = card.first.locator(".evidence q")
            assert evidence.count() >= 1
            assert any("Myanmar" in text for text in evidence.all_inner_texts())
            # The English report of the same agreement merges into the German one's card, live.
            page.wait_for_function(
                """() => [...document.querySelectorAll('li.agreement[data-type="military"]')].some((card) =>
                        parseInt(card.querySelector(".sources").textContent, 10) >= 2 &&
                        card.querySelectorAll(".evidence li").length >= 2)""",
                timeout=60_000,
            )
            assert card.count() == 1
            langs = {text.strip().lower() for text in card.first.locator(".evidence .lang").all_inner_texts()}
            assert {"de", "en"} <= langs
            page.wait_for_function(  # the timeline has caught up with the list: one dot per agreement
                """() => document.querySelectorAll('#timeline circle').length ===
                        document.querySelectorAll('li.agreement').length""",
                timeout=10_000,
            )
            page.wait_for_selector("#pairs li", timeout=15_000)
            page.wait_for_selector("#countries li", timeout=15_000)
            assert "MMR–RUS" in page.locator("#pairs").inner_text()
            page.screenshot(path=str(screenshot), full_page=True)
            print(f"dashboard screenshot: {screenshot}")
            assert errors == []
        finally:
            browser.close()
    assert screenshot.stat().st_size > 10_000
