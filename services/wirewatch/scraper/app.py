"""The scraper service (``wirewatch scrape``): polls the configured feeds into ``articles.raw``.

Sources come from ``WIREWATCH_SCRAPER_CONFIG`` (default: the shipped ``feeds.toml``); fetch
limits and manners from the ``WIREWATCH_SCRAPER_*`` settings. Health, readiness and metrics
are served on ``WIREWATCH_HTTP_PORT``.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.service import run_service
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.config import load_sources
from wirewatch.scraper.service import Scraper

log = logging.getLogger(__name__)


def quiet_client_logs() -> None:
    """aiokafka logs every failed reconnect at ERROR; our own code reports outages once, as a warning."""
    for name in ("aiokafka", "aiokafka.conn", "aiokafka.client", "httpx", "httpcore", "hpack"):
        logging.getLogger(name).setLevel(logging.CRITICAL if name.startswith("aiokafka") else logging.WARNING)


def main(settings: Settings) -> None:
    """Run the scraper until stopped; a bad sources file stops it at once with a clear message."""
    path = Path(settings.scraper.config_path) if settings.scraper.config_path else None
    sources = load_sources(path)
    metrics = Metrics.create()
    quiet_client_logs()

    async def serve(stop: asyncio.Event) -> None:
        scraper = Scraper(settings, sources, metrics)
        app = make_app(Stage.SCRAPER.value, metrics, lambda: scraper.ready)
        server = HttpServer(app, settings.http_host, settings.http_port or 0)
        await server.start()
        metrics.record_up(Stage.SCRAPER, True)
        try:
            if await scraper.start(give_up=stop):
                await stop.wait()
        finally:
            metrics.record_up(Stage.SCRAPER, False)
            await scraper.stop()
            await server.stop()

    run_service(serve)
