"""Run a plain asyncio service until SIGINT or SIGTERM, with its HTTP server."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

ServiceMain = Callable[[asyncio.Event], Awaitable[None]]


def configure_logging(level: str) -> None:
    """One log format for every Wirewatch process."""
    logging.basicConfig(
        level=level.upper() if level != "warn" else "WARNING",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


async def _run(main: ServiceMain) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await main(stop)


def run_service(main: ServiceMain) -> None:
    """Run ``main(stop)`` in a new event loop; ``stop`` is set on SIGINT or SIGTERM."""
    asyncio.run(_run(main))
