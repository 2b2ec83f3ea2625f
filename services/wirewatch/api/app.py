"""The API service (``wirewatch api``).

Walking-skeleton version: health and metrics. The downstream issue adds the JSON
endpoints, the Server-Sent Events stream and the dashboard.
"""

from __future__ import annotations

import asyncio

from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.service import run_service
from wirewatch.runtime.settings import Settings


def main(settings: Settings) -> None:
    """Serve until stopped."""
    metrics = Metrics.create()

    async def serve(stop: asyncio.Event) -> None:
        port = settings.http_port if settings.http_port is not None else settings.api_port
        server = HttpServer(make_app(Stage.API.value, metrics, lambda: True), settings.http_host, port)
        await server.start()
        metrics.record_up(Stage.API, True)
        try:
            await stop.wait()
        finally:
            await server.stop()

    run_service(serve)
