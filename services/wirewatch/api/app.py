"""The API service (``wirewatch api``): JSON endpoints, a live event stream and the dashboard.

It reads the event topics into bounded in-memory stores (``api.stores``) with a plain aiokafka
consumer (``api.feed``), which feed the live stream, and serves history (agreements, search, the
article view, exports) from the archive that ``wirewatch archive`` writes (``api.history``), next
to ``/healthz``, ``/readyz`` and ``/metrics``.
Without a broker configured it still serves, with empty stores.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from wirewatch.api.feed import Broadcaster, Views, run_feed
from wirewatch.api.routes import add_routes
from wirewatch.archive import SqlArchive, open_archive
from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.service import run_service
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)


def build(settings: Settings, metrics: Metrics, archive: SqlArchive | None = None) -> tuple[HttpServer, Views]:
    """The HTTP server with every route, and the views it serves from (history from ``archive``, if given)."""
    views = Views(live=Broadcaster(lambda n: metrics.sse_subscribers.set(n)))
    web_app = make_app(Stage.API.value, metrics, lambda: views.ready or not settings.bootstrap_servers)
    add_routes(web_app, views, archive)
    port = settings.http_port if settings.http_port is not None else settings.api_port
    return HttpServer(web_app, settings.http_host, port), views


async def serve(settings: Settings, stop: asyncio.Event, metrics: Metrics | None = None) -> None:
    """Serve until ``stop`` is set."""
    metrics = metrics or Metrics.create()
    archive = _open_archive(settings)
    server, views = build(settings, metrics, archive)
    await server.start()
    metrics.record_up(Stage.API, True)
    feed = None
    if settings.bootstrap_servers:
        feed = asyncio.create_task(run_feed(settings, views, metrics, stop))
    else:
        log.warning("KAFKA_BOOTSTRAP_SERVERS is not set: serving empty views")
    try:
        await stop.wait()
    finally:
        views.live.close()
        if feed is not None:
            feed.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await feed
        await server.stop()
        metrics.record_up(Stage.API, False)
        if archive is not None:
            archive.close()


def _open_archive(settings: Settings) -> SqlArchive | None:
    """The archive the API reads history from: only when ``WIREWATCH_DATABASE_URL`` names one
    (``wirewatch run`` passes its archive's URL to every child). Without it, or when it cannot be
    opened (logged), the API serves the live views alone, as a deployment without an archiver needs."""
    if not settings.database_url:
        log.warning("WIREWATCH_DATABASE_URL is not set: no archive; history, search and exports answer 503")
        return None
    try:
        return open_archive(settings.archive_url)
    except Exception:  # a database away must not take the live dashboard down with it
        log.exception("the archive could not be opened; serving the live views only")
        return None


def main(settings: Settings) -> None:
    """Serve until SIGINT/SIGTERM."""
    run_service(lambda stop: serve(settings, stop))
