"""Faust application factory and the helpers of the one service that still runs on Faust.

The aggregator keeps Faust for what it is for: its windows table (changelog-backed, restored on
rebalance) and its tick timer. The cleaner and the tagger run on ``runtime.stage_runner``.

Group settings are tuned so the first rebalance against the embedded broker takes about
3 s instead of 30 s: Tansu holds a JoinGroup open for about half the rebalance timeout, so
a short ``broker_rebalance_timeout`` (with a matching session timeout and heartbeat) is what
shortens it. The defaults stay sane on a real cluster.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import faust
import mode
from faust.types import TP

from wirewatch.runtime.fatal import exit_unacked
from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.outputs import MAX_MESSAGE_BYTES
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)


async def complete_batch(batch: Coroutine[Any, Any, None]) -> None:
    """Run one batch to its end, then return, so Faust acks only offsets whose outputs were delivered.

    Called by every agent around the work of one batch (or one event). Faust acks a batch's
    offsets in a ``finally`` when the agent moves on, also when the agent is cancelled (worker
    stop, rebalance) or raises. So a batch must never stop half way: a cancellation waits for the
    batch (shielded) before it propagates, and a failure to deliver ends the process at once,
    before anything is acked; the supervisor (or Kubernetes) restarts the worker and the
    uncommitted batch is processed again. That is what makes the stages at-least-once.
    """
    task = asyncio.ensure_future(batch)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        if not task.done():
            await _finish_or_exit(task)
        raise
    except Exception:
        exit_unacked("a batch could not be completed; exiting before its offsets are acked")


async def _finish_or_exit(task: asyncio.Future[None]) -> None:
    try:
        await task
    except Exception:
        exit_unacked("a batch failed while the worker was stopping; exiting before its offsets are acked")


def broker_urls(bootstrap: str) -> list[str]:
    """Faust broker URLs from a Kafka bootstrap list ``host:port,host:port``."""
    return [f"kafka://{server.strip()}" for server in bootstrap.split(",") if server.strip()]


def make_faust_app(settings: Settings, stage: Stage) -> faust.App:
    """A Faust app for ``stage``: its id is the consumer group, shared by every replica of the stage."""
    app_id = f"{settings.group_prefix}-{stage.value}"
    datadir = Path(settings.data_dir) / "faust" / app_id  # table state stays out of the checkout
    datadir.parent.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    return faust.App(
        app_id,
        datadir=str(datadir),
        broker=broker_urls(settings.bootstrap),
        store="memory://",
        web_enabled=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_disable_leader=True,
        producer_acks=-1,
        producer_linger=0.005,
        producer_max_request_size=MAX_MESSAGE_BYTES,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=8 * 1024 * 1024,
        broker_session_timeout=6.0,
        broker_heartbeat_interval=1.0,
        broker_rebalance_timeout=4.0,
        broker_request_timeout=30.0,
        broker_commit_interval=1.0,
        stream_wait_empty=True,  # on rebalance, finish buffered events instead of cancelling mid-batch
        # Tables live in memory (store="memory://"), so the only offsets a worker "persisted" are
        # the changelog writes it made itself. After a rebalance the embedded broker can report a
        # changelog high watermark a few records below those acknowledged writes (seen: 416 > 412),
        # and Faust's check for stale RocksDB files then crashes every member. With nothing on
        # disk the check guards nothing, so it is off.
        recovery_consistency_check=False,
    )


class HttpService(mode.Service):
    """Runs the health/metrics HTTP server alongside a Faust worker."""

    def __init__(self, server: HttpServer, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # mode's Service takes loosely typed kwargs
        self._server = server

    async def on_start(self) -> None:
        await self._server.start()

    async def on_stop(self) -> None:
        await self._server.stop()


def consumer_lag(app: faust.App, message: faust.types.Message) -> int:
    """Messages between ``message`` and its partition's high watermark (0 when unknown)."""
    try:
        highwater = app.consumer.highwater(TP(message.topic, message.partition))
    except (KeyError, AttributeError):
        return 0
    return max(int(highwater or 0) - message.offset - 1, 0)


def ensure_datadir(app: faust.App) -> Path:
    """Create the parents of the app's data directory; Faust itself creates only the last level.

    Without this, ``wirewatch clean`` (or ``tag``) run alone in a fresh directory dies at start
    with FileNotFoundError: only ``wirewatch run`` created ``.wirewatch/`` before.
    """
    datadir = Path(app.conf.datadir)
    datadir.parent.mkdir(parents=True, exist_ok=True)
    return datadir


def run_worker(app: faust.App, settings: Settings, stage: Stage, metrics: Metrics) -> None:
    """Run a Faust worker for ``app`` with its HTTP server until SIGINT/SIGTERM; blocks."""
    ensure_datadir(app)
    ready = {"assigned": False}

    @app.on_rebalance_complete.connect  # type: ignore[arg-type]  # mode's signal typing wants a `signal` kwarg
    async def _on_rebalanced(sender: object, **_: object) -> None:
        if not ready["assigned"]:
            log.warning("%s ready: partitions assigned", stage.value)
        ready["assigned"] = True

    port = settings.http_port if settings.http_port is not None else 0
    server = HttpServer(make_app(stage.value, metrics, lambda: ready["assigned"]), settings.http_host, port)
    # Faust's own INFO output (banners, topic tables) drowns everything else: show it only when debugging.
    faust_level = settings.log_level if settings.log_level == "debug" else "warn"
    worker = faust.Worker(app, HttpService(server), loglevel=faust_level, redirect_stdouts=False)
    worker.execute_from_commandline()
