"""End to end in a real browser: search the archive, open an article, see its tags in the text;
the world map shows the countries in the news, and clicking one filters the agreements.

Debian's chromium headless through Playwright (no browser download), as in the dashboard test.
The screenshots go to the test's folder, or to ``test-artifacts/article.png`` and
``test-artifacts/map.png`` with ``WIREWATCH_TEST_ARTIFACTS`` set.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.downstream.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS, _artifacts
from tests.pipeline import running_pipeline

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra: make install")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.broker,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium missing: run scripts/install-system-deps"),
]


def _wait_archived(api: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = httpx.get(f"{api}/api/v1/search", params={"q": "Abkommen"}, timeout=5).json().get("items")
        if items:
            return
        time.sleep(0.5)
    raise AssertionError("the seeds were not archived in time")


def test_search_the_article_view_and_the_map(tmp_path: Path, seeds_dir: Path) -> None:
    assert CHROMIUM is not None
    screenshot, map_shot = _artifacts(tmp_path) / "article.png", _artifacts(tmp_path) / "map.png"
    with running_pipeline(tmp_path) as pipeline, playwright.sync_playwright() as driver:
        pipeline.wait_ready()
        assert "published 5 article(s)" in pipeline.ingest(seeds_dir)
        _wait_archived(pipeline.api)
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1400})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(pipeline.api + "/")
            page.fill("#search input[name=q]", "Abkommen")
            page.click("#search button[type=submit]")
            hit = page.locator("#results li.hit").first
            hit.wait_for(timeout=15_000)
            assert "Abkommen" in hit.locator(".snippet mark").first.inner_text()
            hit.locator(".hit-title").click()
            page.wait_for_selector("#article .article-body mark.country", timeout=15_000)
            countries = {m.get_attribute("title") for m in page.locator("#article mark.country").all()}
            assert {"RUS", "MMR"} <= countries
            shown = page.locator("#article").get_attribute("data-article")
            article = httpx.get(f"{pipeline.api}/api/v1/articles/{shown}", timeout=5).json()
            highlighted = "".join(page.locator("#article .article-body span.evidence").all_inner_texts())
            for agreement in article["agreements"]:  # every evidence sentence of the body is highlighted
                span = agreement["evidence_span"]
                if span["field"] == "body":
                    assert article["body"][span["start"] : span["end"]].strip() in highlighted
            page.locator(".search-panel").screenshot(path=str(screenshot))  # the search and the article only
            print(f"article view screenshot: {screenshot}")

            for code in ("MMR", "RUS"):  # the map, drawn from the shipped shapes and the archive's counts
                page.wait_for_selector(f'#map path[data-country="{code}"].in-news', timeout=30_000)
            assert page.locator('#map path[data-country="ISL"].in-news').count() == 0
            page.locator("#map").scroll_into_view_if_needed()
            page.locator(".map-panel").screenshot(path=str(map_shot))
            print(f"map screenshot: {map_shot}")
            page.locator('#map path[data-country="PRK"]').click(force=True)  # filters the agreements to PRK
            page.wait_for_function(
                """() => document.querySelector('#filters input[name=country]').value === 'PRK' &&
                        document.querySelectorAll('li.agreement').length === 1""",
                timeout=15_000,
            )
            assert "PRK" in page.locator("li.agreement .parties").first.inner_text()
            assert errors == []
        finally:
            browser.close()
    assert screenshot.stat().st_size > 10_000 and map_shot.stat().st_size > 10_000
