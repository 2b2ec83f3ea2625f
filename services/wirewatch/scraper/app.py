"""The scraper service (``wirewatch scrape``): polls the configured feeds into ``articles.raw``.

Walking-skeleton version: the poll loop runs and reports itself; the scraper issue adds
feeds, fetching and publishing.
"""

from __future__ import annotations

import asyncio
import logging

from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.service import run_service
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

POLL_INTERVAL = 60.0


def main(settings: Settings) -> None:
    """Run the scraper until stopped."""
    metrics = Metrics.create()

    async def serve(stop: asyncio.Event) -> None:
        server = HttpServer(
            make_app(Stage.SCRAPER.value, metrics, lambda: True), settings.http_host, settings.http_port or 0
        )
        await server.start()
        metrics.record_up(Stage.SCRAPER, True)
        try:
            while not stop.is_set():
                log.debug("poll: no feeds configured")
                try:
                    await asyncio.wait_for(stop.wait(), POLL_INTERVAL)
                except TimeoutError:
                    continue
        finally:
            metrics.record_up(Stage.SCRAPER, False)
            await server.stop()

    run_service(serve)
