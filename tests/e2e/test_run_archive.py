"""`wirewatch run` twice on one data directory: the archive outlives the embedded (memory-only) broker.

What issue 14 saw as a new user (7 agreements before a restart, 0 after) must not happen again:
after the restart the API still serves the agreements, the articles and the search, and feeding
the same seeds again leaves every count unchanged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.e2e.downstream.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS
from tests.kafka_helpers import free_port, spawn_wirewatch, wait_http, wirewatch
from tests.seeded import seed_outputs

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra: make install")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium missing: run scripts/install-system-deps"),
]


def _dashboard_agreements(url: str, want: int) -> int:
    """How many agreements the dashboard lists once it has loaded its history (a real Chromium)."""
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(url + "/")
            page.wait_for_function(f"() => document.querySelectorAll('li.agreement').length >= {want}", timeout=30_000)
            return int(page.locator("li.agreement").count())
        finally:
            browser.close()


def _get(url: str) -> Any:
    return orjson.loads(wait_http(url, timeout=10))


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout:.0f}s")


class Run:
    """One `wirewatch run` on the shared data directory, with its own ports."""

    def __init__(self, folder: Path, name: str) -> None:
        self.broker, self.api, self.base = free_port(), free_port(), 20000 + free_port() % 20000
        env = {
            "WIREWATCH_BROKER_PORT": str(self.broker),
            "WIREWATCH_API_PORT": str(self.api),
            "WIREWATCH_METRICS_BASE_PORT": str(self.base),
            "WIREWATCH_DATA_DIR": str(folder / "state"),
            "KAFKA_BOOTSTRAP_SERVERS": "",
            "WIREWATCH_LOG_LEVEL": "warning",
        }
        self.env = env
        self.log = folder / f"{name}.log"
        self.process = spawn_wirewatch("run", env=env, log=self.log)
        self.url = f"http://127.0.0.1:{self.api}"

    def ready(self) -> None:
        for offset in (0, 1, 4):  # the cleaner, the tagger, the archiver
            wait_http(f"http://127.0.0.1:{self.base + offset}/readyz", timeout=120)
        wait_http(f"{self.url}/healthz", timeout=30)

    def ingest(self, seeds: Path) -> None:
        """``wirewatch ingest`` as a new user types it: no address exported, the run's file finds the broker."""
        env = {"KAFKA_BOOTSTRAP_SERVERS": "", "WIREWATCH_DATA_DIR": self.env["WIREWATCH_DATA_DIR"]}
        done = wirewatch("ingest", str(seeds), env=env)
        assert done.returncode == 0, done.stderr.decode()

    def archived(self, topic: str) -> float:
        """What the archiver has written of ``topic`` (its metric)."""
        text = wait_http(f"http://127.0.0.1:{self.base + 4}/metrics").decode()
        line = f'wirewatch_sink_messages_total{{stage="archiver",topic="{topic}"}} '
        return sum(float(row.split()[-1]) for row in text.splitlines() if row.startswith(line))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                raise
        assert self.process.returncode == 0, self.log.read_text(errors="replace")[-3000:]


def test_a_restart_keeps_the_archive_and_a_second_ingest_changes_no_count(seeds_dir: Path, tmp_path: Path) -> None:
    agreements = len({doc["id"] for doc in seed_outputs(seeds_dir).agreements})
    first = Run(tmp_path, "first")
    try:
        first.ready()
        assert (tmp_path / "state" / "broker.json").exists()
        first.ingest(seeds_dir)
        _wait(lambda: _get(f"{first.url}/api/v1/agreements")["total"] == agreements, 120, "agreements archived")
        _wait(lambda: _get(f"{first.url}/api/v1/search?q=Shoigu")["items"], 60, "articles archived")
    finally:
        first.stop()

    assert not (tmp_path / "state" / "broker.json").exists()  # a stopped run leaves no address behind
    second = Run(tmp_path, "second")
    try:
        second.ready()
        page = _get(f"{second.url}/api/v1/agreements?limit=500")
        assert page["total"] == agreements  # the broker is new and empty: this is the archive
        assert _dashboard_agreements(second.url, agreements) == agreements  # and the dashboard shows them
        hits = _get(f"{second.url}/api/v1/search?q=Abkommen")["items"]
        assert hits and {h["lang"] for h in hits} == {"de"}
        article = _get(f"{second.url}/api/v1/articles/{hits[0]['id']}")
        assert "Abkommen" in article["body"] and article["countries"]

        second.ingest(seeds_dir)  # the same seeds again
        _wait(lambda: second.archived("articles.tagged") >= 5, 120, "second ingest archived")
        _wait(lambda: second.archived("events.agreements") >= agreements, 60, "second ingest's agreements archived")
        again = _get(f"{second.url}/api/v1/agreements?limit=500")
        assert again["total"] == agreements
        assert sorted(i["id"] for i in again["items"]) == sorted(i["id"] for i in page["items"])
    finally:
        second.stop()
