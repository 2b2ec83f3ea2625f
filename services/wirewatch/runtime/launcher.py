"""``wirewatch run`` and ``wirewatch broker``: start the broker if needed, create topics, run the services."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from wirewatch.runtime.broker import EmbeddedBroker
from wirewatch.runtime.discovery import remove_address, write_address
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.supervisor import ChildSpec, Supervisor

log = logging.getLogger(__name__)

#: The services ``wirewatch run`` starts, in order, with the offset of their HTTP port from
#: ``WIREWATCH_METRICS_BASE_PORT`` (the API uses ``WIREWATCH_API_PORT``).
SERVICES: tuple[tuple[str, int | None], ...] = (
    ("clean", 0),
    ("tag", 1),
    ("scrape", 2),
    ("aggregate", 3),
    ("archive", 4),
    ("api", None),
)


def service_port(settings: Settings, name: str) -> int:
    """The HTTP port ``wirewatch run`` gives service ``name``."""
    offset = dict(SERVICES)[name]
    return settings.api_port if offset is None else settings.metrics_base_port + offset


def child_specs(settings: Settings) -> list[ChildSpec]:
    """The child processes of ``wirewatch run``: one per service, each with its own HTTP port."""
    exe = [sys.executable, "-m", "wirewatch.cli"]
    return [
        ChildSpec(name, (*exe, name), {"WIREWATCH_HTTP_PORT": str(service_port(settings, name))})
        for name, _ in SERVICES
    ]


def _banner(settings: Settings, embedded: bool) -> str:
    lines = [
        f"wirewatch: broker {settings.bootstrap}{' (embedded, memory only)' if embedded else ''}",
        f"  dashboard  http://{settings.http_host}:{settings.api_port}/",
    ]
    lines += [
        f"  {name:<9}  http://{settings.http_host}:{service_port(settings, name)}/metrics"
        for name, offset in SERVICES
        if offset is not None
    ]
    lines.append("  feed it:   wirewatch ingest ../shared/seeds   (the address is in the data directory)")
    return "\n".join(lines)


async def run_all(settings: Settings) -> int:
    """Run the whole pipeline until SIGINT/SIGTERM; returns the exit code."""
    broker: EmbeddedBroker | None = None
    if not settings.bootstrap_servers:
        broker = EmbeddedBroker(port=settings.broker_port, log_file=_log_path(settings, "broker.log"))
        await broker.start()
        settings = settings.with_bootstrap(broker.bootstrap)
    try:
        created = await ensure_topics(settings)
        log.info("topics created: %s", ", ".join(created) or "none (all existed)")
        write_address(settings.data_dir, settings.bootstrap, os.getpid())
        print(_banner(settings, broker is not None), flush=True)
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
            "WIREWATCH_DATABASE_URL": settings.archive_url,  # the archiver writes it, the API reads it
            "PYTHONUNBUFFERED": "1",
        }
        await Supervisor(child_specs(settings), env).run()
        return 0
    finally:
        remove_address(settings.data_dir, os.getpid())
        if broker is not None:
            await asyncio.to_thread(broker.stop)


async def run_broker_only(settings: Settings, port: int) -> None:
    """Run the embedded broker with the pipeline's topics until SIGINT/SIGTERM."""
    broker = EmbeddedBroker(port=port)
    await broker.start()
    try:
        await ensure_topics(settings.with_bootstrap(broker.bootstrap))
        print(f"embedded broker ready: export KAFKA_BOOTSTRAP_SERVERS={broker.bootstrap}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await asyncio.to_thread(broker.stop)


def _log_path(settings: Settings, name: str) -> Path:
    folder = Path(settings.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
