"""The small HTTP server every service runs: ``/healthz``, ``/readyz`` and ``/metrics``.

The API service adds its routes to the same aiohttp application.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from wirewatch.runtime.metrics import Metrics

log = logging.getLogger(__name__)

ReadyCheck = Callable[[], bool]


def make_app(service: str, metrics: Metrics, ready: ReadyCheck) -> web.Application:
    """An aiohttp app with health, readiness and metrics endpoints for ``service``."""
    app = web.Application()

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "service": service})

    async def readyz(_: web.Request) -> web.Response:
        ok = ready()
        return web.json_response({"ready": ok, "service": service}, status=200 if ok else 503)

    async def metrics_endpoint(_: web.Request) -> web.Response:
        body = generate_latest(metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_endpoint)
    return app


class HttpServer:
    """Run an aiohttp application on ``host:port`` inside the current event loop."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self._runner = web.AppRunner(app, access_log=None)
        self._host = host
        self._port = port
        self.bound_port: int | None = None

    async def start(self) -> None:
        """Bind and serve; ``bound_port`` tells the real port when 0 was asked for."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        server = site._server  # aiohttp exposes no public accessor for the bound socket
        sockets = getattr(server, "sockets", None) or []
        self.bound_port = sockets[0].getsockname()[1] if sockets else self._port
        log.info("http server on %s:%s", self._host, self.bound_port)

    async def stop(self) -> None:
        """Stop serving."""
        await self._runner.cleanup()
