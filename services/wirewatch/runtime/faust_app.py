"""Faust application factory and the generic stage agent every Faust shell uses.

A stage is ``source topic -> handler -> outputs``. The agent takes messages in small batches,
calls the stage's pure handler on each, produces all outputs, and waits for the broker to
acknowledge them before the batch's offsets are acked (at-least-once).

Group settings are tuned so the first rebalance against the embedded broker takes about
3 s instead of 30 s: Tansu holds a JoinGroup open for about half the rebalance timeout, so
a short ``broker_rebalance_timeout`` (with a matching session timeout and heartbeat) is what
shortens it. The defaults stay sane on a real cluster.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import faust
import mode
from faust.types import TP, TableT

from wirewatch.contracts.deadletter import Origin, dead_letter
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

#: Largest record a stage produces (the producer's ``max_request_size``); larger outputs are dead-lettered.
MAX_MESSAGE_BYTES = 8 * 1024 * 1024
_RECORD_HEADROOM = 64 * 1024  # key, headers and batch overhead around the value

StageHandler = Callable[[bytes | None, Origin, str], Outcome]

#: Exit status of a worker that could not deliver a batch's outputs (EX_SOFTWARE).
EXIT_UNDELIVERED = 70


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
        _exit_unacked("a batch could not be completed; exiting before its offsets are acked")


async def _finish_or_exit(task: asyncio.Future[None]) -> None:
    try:
        await task
    except Exception:
        _exit_unacked("a batch failed while the worker was stopping; exiting before its offsets are acked")


def _exit_unacked(reason: str) -> None:
    """End the process now: no ``finally`` may run, or Faust would ack the failed batch."""
    log.critical(reason, exc_info=True)
    for handler in logging.getLogger().handlers:
        handler.flush()
    # Also straight to stderr: the process ends before any logging thread or buffer would flush.
    print(f"wirewatch: {reason}", file=sys.stderr)
    traceback.print_exc(file=sys.stderr)
    sys.stderr.flush()
    os._exit(EXIT_UNDELIVERED)


class StatefulResult(Protocol):
    """What a stateful handler returns: the outcome, the key's new state, and whether it changed."""

    @property
    def outcome(self) -> Outcome: ...
    @property
    def state(self) -> bytes | None: ...
    @property
    def changed(self) -> bool: ...


#: ``(value, state for the message key, origin, now) -> result``: a handler that folds into table state.
StatefulHandler = Callable[[bytes | None, bytes | None, Origin, str], StatefulResult]


def utc_now() -> str:
    """The current time as an RFC 3339 string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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


def sized_outputs(
    outcome: Outcome, stage: Stage, value: bytes | None, origin: Origin, now: str
) -> tuple[str | None, list[tuple[Output, bytes]]]:
    """The outcome's outputs encoded, or one dead letter when an output is larger than the broker takes.

    Without this check the producer refuses the record (MessageSizeTooLargeError), the Faust agent
    crashes, and its partitions stall behind the message for good while /healthz still answers.
    Returns the error kind (``None`` when the outcome succeeded) and the records to send.
    """
    encoded = [(out, out.value()) for out in outcome.outputs]
    too_large = [(out, len(data)) for out, data in encoded if len(data) > MAX_MESSAGE_BYTES - _RECORD_HEADROOM]
    if not too_large:
        return outcome.error_kind, encoded
    out, size = too_large[0]
    detail = f"the {out.topic.value} document is {size} bytes; the limit is {MAX_MESSAGE_BYTES - _RECORD_HEADROOM}"
    letter = Output(
        Topic.DEADLETTER,
        origin.key or b"",
        dead_letter(stage.value, "output_too_large", detail, value or b"", origin, now),
    )
    return "output_too_large", [(letter, letter.value())]


def install_stage(
    app: faust.App, settings: Settings, stage: Stage, source: Topic, handle: StageHandler, metrics: Metrics
) -> None:
    """Register the agent that runs ``handle`` over every message of ``source``."""
    names = settings.topics
    source_topic = app.topic(names.name(source), key_serializer="raw", value_serializer="raw")
    sinks = {t: app.topic(names.name(t), key_serializer="raw", value_serializer="raw") for t in Topic}

    async def process_batch(events: list[faust.EventT[bytes]]) -> None:
        pending: list[tuple[str, Awaitable[object]]] = []
        for event in events:
            msg = event.message
            origin = Origin(msg.topic, msg.partition, msg.offset, msg.key)
            started, now = time.perf_counter(), utc_now()
            error_kind, encoded = sized_outputs(handle(event.value, origin, now), stage, event.value, origin, now)
            if error_kind is not None:
                metrics.record_failed(stage, error_kind)
            else:
                metrics.record_processed(stage, time.perf_counter() - started, time.time())
            for out, data in encoded:
                sink = sinks[out.topic]
                if out.topic is Topic.AGREEMENT_REPORTS:  # schema-checked: type and status are enums
                    metrics.record_agreement(out.document["type"], out.document["status"])
                # force: publish now and await delivery ourselves, never deferred until commit
                fut = await sink.send(key=out.key, value=data, headers=out.headers, force=True)
                pending.append((sink.get_topic_name(), fut))
            metrics.record_lag(app.conf.id, msg.topic, msg.partition, consumer_lag(app, msg))
            await asyncio.sleep(0)  # CPU-bound core: let heartbeats and fetches run between messages
        # Delivery confirmed before take_events acks this batch's offsets.
        await asyncio.gather(*(fut for _, fut in pending))
        for topic_name, _ in pending:
            metrics.record_produced(topic_name)

    async def process(stream: faust.StreamT[bytes]) -> None:
        metrics.record_up(stage, True)
        async for events in stream.take_events(  # type: ignore[attr-defined]  # StreamT lacks it; Stream has it
            settings.batch_size, within=settings.batch_within
        ):
            await complete_batch(process_batch(events))

    app.agent(source_topic, name=f"wirewatch.{stage.value}")(process)


def consumer_lag(app: faust.App, message: faust.types.Message) -> int:
    """Messages between ``message`` and its partition's high watermark (0 when unknown)."""
    try:
        highwater = app.consumer.highwater(TP(message.topic, message.partition))
    except (KeyError, AttributeError):
        return 0
    return max(int(highwater or 0) - message.offset - 1, 0)


def install_table_stage(
    app: faust.App,
    settings: Settings,
    stage: Stage,
    source: Topic,
    table_name: str,
    handle: StatefulHandler,
    metrics: Metrics,
    retention: TableRetention | None = None,
) -> TableT[bytes, bytes | None]:
    """Register an agent that folds every message of ``source`` into a table keyed by the message key.

    The source topic must be keyed by the fold key (co-partitioned with the table). Messages
    are handled one at a time, in partition order, so each key's state is read and written in
    sequence. Order of effects, for at-least-once: the outputs are produced and acknowledged
    first, then the table is updated (its changelog write), then Faust acks the offset. A crash
    in between replays the message against the old state and re-emits the same update, which
    consumers deduplicate by ``(id, reports)``; no update is ever lost.

    With a ``retention``, the first message of a partition after start, and then one every
    ``retention.every`` seconds, first sweeps that partition's expired entries out of the table
    (``sweep_partition``), so the table holds only what the retention keeps.
    """
    names = settings.topics
    source_topic = app.topic(names.name(source), key_serializer="raw", value_serializer="raw")
    sinks = {t: app.topic(names.name(t), key_serializer="raw", value_serializer="raw") for t in Topic}
    schema: faust.Schema[bytes, bytes] = faust.Schema(
        key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
    )
    # key_type/value_type, not only the schema, choose the changelog serializers Faust recovers with:
    # without them recovery JSON-decodes the raw keys, fails, and a restarted worker never gets ready.
    table = app.Table(table_name, default=None, schema=schema, key_type=bytes, value_type=bytes)

    async def process_event(event: faust.EventT[bytes]) -> None:
        msg = event.message
        key = msg.key if isinstance(msg.key, bytes) else b""
        if retention is not None and sweeps is not None and sweeps.due(msg.partition):
            expired = sweep_partition(app, table, source_topic.get_topic_name(), msg.partition, retention)
            metrics.record_expired(table_name, expired)
        result = handle(event.value, table.get(key), Origin(msg.topic, msg.partition, msg.offset, msg.key), utc_now())
        if result.outcome.failed:
            metrics.record_failed(stage, result.outcome.error_kind or "unknown")
        pending = [  # force: publish now and await delivery here, before the table write and the ack
            (
                sinks[out.topic],
                await sinks[out.topic].send(key=out.key, value=out.value(), headers=out.headers, force=True),
            )
            for out in result.outcome.outputs
        ]
        await asyncio.gather(*(fut for _, fut in pending))
        for sink, _ in pending:
            metrics.record_produced(sink.get_topic_name())
        if result.changed:
            table[key] = result.state

    sweeps = _SweepClock(retention.every) if retention is not None else None

    async def process(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await complete_batch(process_event(event))

    app.agent(source_topic, name=f"wirewatch.{stage.value}.{table_name}")(process)
    return table


@dataclass(frozen=True, slots=True)
class TableRetention:
    """What bounds a folding table: which entries are dead, and how often a partition is swept.

    ``expired(state, now)`` decides per entry; ``every`` is the seconds between two sweeps of one
    partition (the first runs with the partition's first message after start).
    """

    expired: Callable[[bytes | None, str], bool]
    every: float


class _SweepClock:
    """When each partition was last swept (monotonic seconds)."""

    def __init__(self, every: float) -> None:
        self._every = every
        self._last: dict[int, float] = {}

    def due(self, partition: int) -> bool:
        now = time.monotonic()
        last = self._last.get(partition)
        if last is not None and now - last < self._every:
            return False
        self._last[partition] = now
        return True


def sweep_partition(
    app: faust.App, table: TableT[bytes, bytes | None], topic: str, partition: int, retention: TableRetention
) -> int:
    """Delete the expired entries of ``table`` that live in ``partition``; how many were deleted.

    Must run while an event of ``partition`` is being processed: Faust writes a deletion's
    changelog tombstone to the partition of the current event, so only keys that hash to that
    same partition (the producer's partitioner over ``topic``, which the table is co-partitioned
    with) may be deleted here. Keys of other partitions wait for a message of their own partition.
    """
    now = utc_now()
    doomed = [
        key
        for key, state in list(table.items())
        if isinstance(key, bytes)
        and app.consumer.key_partition(topic, key) == partition
        and retention.expired(state, now)
    ]
    for key in doomed:
        del table[key]
    if doomed:
        log.info("%s: %d expired entr(ies) deleted from partition %d", table.name, len(doomed), partition)
    return len(doomed)


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
