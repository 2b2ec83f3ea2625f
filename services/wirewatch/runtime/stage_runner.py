"""The one loop every aiokafka stage runs: records in, handler, outputs out, offsets committed.

Per batch, in this order (at-least-once):

1. take up to ``batch_size`` records (waiting at most ``batch_within`` seconds for the first);
2. call the stage's pure handler on each; an output larger than the broker takes becomes a
   dead letter (``sized_outputs``);
3. send every output of the batch, then wait until the broker has acknowledged all of them;
4. flush the stage's state (its changelog writes), and wait for those too;
5. a sink stage (the archiver) writes its outputs to its store instead of the broker, in one
   transaction, and waits for that commit (``StageSink``); dead letters still go to the broker;
6. count what was delivered, then commit the batch's offsets.

A crash anywhere before 6 replays the batch: outputs carry deterministic keys and ids, so a
replay repeats the same messages. A delivery that fails ends the process before the commit
(``exit_unacked``); the supervisor or Kubernetes restarts it. A rebalance waits for the batch
in flight (``on_partitions_revoked``), so a batch is never committed by one member while
another already reads its partitions; a commit refused because the group moved on only means
the new owner replays the batch.

Why not Faust's agent loop: on this machine it passed a quarter of what this loop passes, and
under SIGKILL soaks it lost an article now and then. Faust keeps what it is for: the
aggregator's windows.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from aiokafka.structs import OffsetAndMetadata

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.fatal import exit_unacked
from wirewatch.runtime.http import HttpServer, make_app
from wirewatch.runtime.kafka import make_consumer, make_producer
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.outputs import MAX_MESSAGE_BYTES, sized_outputs, utc_now
from wirewatch.runtime.service import run_service
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

#: ``(value, origin, now) -> outcome``: a stage's pure handler.
StageHandler = Callable[[bytes | None, Origin, str], Outcome]

#: Longest stretch of handler work between two yields to the event loop (heartbeats, fetches, sends).
_YIELD_EVERY = 0.05
#: Longest a rebalance waits for the batch in flight (below the group's 4 s rebalance timeout).
_REVOKE_WAIT = 3.0
#: Longest a commit may take before the batch is left to be replayed. A commit can hang behind a
#: rebalance that itself waits for this batch; bounding both waits breaks that cycle.
_COMMIT_WAIT = 10.0
#: Sends of one record before a retriable delivery error ends the worker.
_SEND_ATTEMPTS = 5


class StageState(Protocol):
    """What a stage keeps beside its stream (see ``runtime.changelog``)."""

    async def start(self) -> object: ...
    async def stop(self) -> None: ...
    async def assign(self, partitions: set[int]) -> int: ...
    def revoke(self, partitions: set[int]) -> None: ...
    async def flush(self, producer: AIOKafkaProducer) -> int: ...


class StageSink(Protocol):
    """Where a sink stage's outputs go instead of the broker: the archiver's database."""

    def write(self, outputs: list[Output]) -> None:
        """Store one batch's outputs; called in a worker thread after the batch was handled, before its
        offsets are committed. Returning means the outputs are durable (the store committed); raising
        ends the worker before the commit, and the batch is read again after the restart."""
        ...


@dataclass(frozen=True, slots=True)
class StageSpec:
    """One stage: its name, the topic it reads, its handler and, if it keeps any, its state."""

    stage: Stage
    source: Topic
    handle: StageHandler
    state: StageState | None = None
    #: A name for a second loop of the stage (the tagger's ``fold``), its group ``<stage group>-<part>``.
    part: str = ""
    #: Whether a record handled counts in ``wirewatch_messages_processed_total``: the articles do,
    #: the tagger's agreement reports do not (dead letters always count).
    counted: bool = True
    #: Set for a sink stage: its outputs are written here, not produced.
    sink: StageSink | None = None

    def group(self, settings: Settings) -> str:
        """The consumer group every replica of this stage (part) joins."""
        base = f"{settings.group_prefix}-{self.stage.value}"
        return f"{base}-{self.part}" if self.part else base


class StageRunner:
    """Runs one ``StageSpec`` with its own consumer; the producer is shared by the process's runners."""

    def __init__(self, settings: Settings, spec: StageSpec, metrics: Metrics, producer: AIOKafkaProducer) -> None:
        self._settings = settings
        self._spec = spec
        self._metrics = metrics
        self._producer = producer
        self._source = settings.topics.name(spec.source)
        self._group = spec.group(settings)
        self._idle = asyncio.Event()
        self._idle.set()
        self.assigned = False
        self._ready: set[int] = set()  # source partitions assigned and with their state restored
        self._consumer: AIOKafkaConsumer | None = None

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until ``stop`` is set; the batch in flight finishes and is committed first."""
        consumer = make_consumer(self._settings, group=self._group, max_partition_fetch_bytes=MAX_MESSAGE_BYTES)
        consumer.subscribe([self._source], listener=_Listener(self))
        self._consumer = consumer
        await consumer.start()
        self._metrics.record_up(self._spec.stage, True)
        try:
            while not stop.is_set():
                batch = await consumer.getmany(
                    timeout_ms=int(self._settings.batch_within * 1000) or 1, max_records=self._settings.batch_size
                )
                records = self._ready_records(consumer, batch)
                if records:
                    self._idle.clear()
                    try:
                        await self._process(consumer, records)
                    finally:
                        self._idle.set()
        finally:
            self._metrics.record_up(self._spec.stage, False)
            await consumer.stop()

    def _ready_records(
        self, consumer: AIOKafkaConsumer, batch: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]
    ) -> list[ConsumerRecord[bytes, bytes]]:
        """The records of partitions ready to be handled; the others are put back to be read again.

        aiokafka starts fetching a new partition before ``on_partitions_assigned`` has returned, so a
        batch can hold records of a partition whose state is still being restored: its position goes
        back to the first of them (a later commit must not pass over records never handled). Records
        of a partition already revoked are left to its new owner, who reads from the last commit.
        """
        records = []
        for tp, part in batch.items():
            if tp.partition in self._ready:
                records.extend(part)
            elif part and tp in consumer.assignment():
                consumer.seek(tp, part[0].offset)
        return records

    async def _process(self, consumer: AIOKafkaConsumer, records: list[ConsumerRecord[bytes, bytes]]) -> None:
        try:
            delivered = await self._deliver(records)
            if self._spec.state is not None:
                await self._spec.state.flush(self._producer)
        except KafkaError:
            exit_unacked(f"{self._group}: a batch could not be delivered; exiting before its offsets are committed")
        if delivered.sunk:
            await self._write_sink(delivered.sunk)
        self._count(delivered)
        offsets = {}
        for record in delivered.handled:
            offsets[TopicPartition(record.topic, record.partition)] = OffsetAndMetadata(record.offset + 1, "")
        try:
            await asyncio.wait_for(consumer.commit(offsets), _COMMIT_WAIT)
        except (CommitFailedError, IllegalStateError, TimeoutError) as exc:
            log.warning("%s: commit refused or stuck in a rebalance; the batch will be replayed: %r", self._group, exc)
        for tp, meta in offsets.items():
            highwater = consumer.highwater(tp)
            lag = max((highwater or 0) - meta.offset, 0)
            self._metrics.record_lag(self._group, tp.topic, tp.partition, lag)

    async def _deliver(self, records: list[ConsumerRecord[bytes, bytes]]) -> _Delivered:
        """Handle every record and send its outputs; return once the broker has acknowledged them all."""
        spec, metrics, names = self._spec, self._metrics, self._settings.topics
        futures: list[tuple[_Send, asyncio.Future[object]]] = []
        delivered = _Delivered()
        yielded = time.perf_counter()
        for record in records:
            if record.partition not in self._ready:  # revoked while this batch ran: the new owner replays it
                continue
            delivered.handled.append(record)
            origin = Origin(record.topic, record.partition, record.offset, record.key)
            started, now = time.perf_counter(), utc_now()
            error_kind, encoded = sized_outputs(
                spec.handle(record.value, origin, now), spec.stage, record.value, origin, now
            )
            if error_kind is not None:
                metrics.record_failed(spec.stage, error_kind)
            elif spec.counted:
                metrics.record_processed(spec.stage, time.perf_counter() - started, time.time())
            for out, data in encoded:
                if spec.sink is not None and out.topic is not Topic.DEADLETTER:
                    delivered.sunk.append(out)
                    continue
                topic = names.name(out.topic)
                send = _Send(topic, data, out.key, out.headers or None)
                futures.append((send, await self._producer.send(topic, data, key=out.key, headers=send.headers)))
                delivered.topics[topic] += 1
                if out.topic is Topic.AGREEMENT_REPORTS:  # schema-checked: type and status are enums
                    delivered.agreements[(out.document["type"], out.document["status"])] += 1
            if time.perf_counter() - yielded > _YIELD_EVERY:  # let heartbeats, fetches and sends run
                await asyncio.sleep(0)
                yielded = time.perf_counter()
        await self._await_delivery(futures)
        return delivered

    async def _await_delivery(self, futures: list[tuple[_Send, asyncio.Future[object]]]) -> None:
        """Wait for every send; send again what failed with a retriable error (a leader moving, say).

        Seen on the embedded broker: ``NotLeaderForPartitionError`` to the tagger while the cleaners
        rebalanced (scaling soak), which the producer itself did not retry. A resend may duplicate a record,
        which at-least-once allows. Non-retriable errors, or retriable ones past the last attempt, raise.
        """
        for attempt in range(_SEND_ATTEMPTS):
            results = await asyncio.gather(*(future for _, future in futures), return_exceptions=True)
            failed = [
                (send, exc) for (send, _), exc in zip(futures, results, strict=True) if isinstance(exc, Exception)
            ]
            if not failed:
                return
            fatal = [exc for _, exc in failed if not (isinstance(exc, KafkaError) and exc.retriable)]
            if fatal or attempt == _SEND_ATTEMPTS - 1:
                raise (fatal or [failed[0][1]])[0]
            log.warning("%s: %d send(s) failed (%r); sending again", self._group, len(failed), failed[0][1])
            await asyncio.sleep(0.2 * (attempt + 1))
            futures = [
                (send, await self._producer.send(send.topic, send.value, key=send.key, headers=send.headers))
                for send, _ in failed
            ]

    async def _write_sink(self, outputs: list[Output]) -> None:
        """Hand a batch's outputs to the stage's sink and wait for its commit; a failure ends the worker."""
        assert self._spec.sink is not None
        started = time.perf_counter()
        try:
            await asyncio.to_thread(self._spec.sink.write, outputs)
        except Exception:  # any store error: the offsets must not be committed
            exit_unacked(f"{self._group}: a batch could not be written to the store; exiting before its commit")
        self._metrics.record_sink_write(self._spec.stage, time.perf_counter() - started)

    def _count(self, delivered: _Delivered) -> None:
        for topic, count in delivered.topics.items():
            self._metrics.record_produced(topic, count)
        for topic, count in Counter(out.topic.value for out in delivered.sunk).items():
            self._metrics.record_sunk(self._spec.stage, topic, count)
        for (agreement_type, status), count in delivered.agreements.items():
            self._metrics.record_agreement(agreement_type, status, count)

    async def on_revoked(self, partitions: set[int]) -> None:
        """Wait for the batch in flight (it commits), then drop the state of the partitions given up.

        The wait is bounded: a batch still running after ``_REVOKE_WAIT`` handles no further record
        of these partitions, and what it did handle of them is replayed by their new owner.
        """
        try:
            await asyncio.wait_for(self._idle.wait(), _REVOKE_WAIT)
        except TimeoutError:
            log.warning("%s: rebalance went ahead with a batch still in flight", self._group)
        self._ready -= partitions
        if self._spec.state is not None:
            self._spec.state.revoke(partitions)

    async def on_assigned(self, partitions: set[int]) -> None:
        """Restore the state of the partitions taken over before their first record is handled.

        A restore that fails ends the worker: aiokafka would only log the error, and the partitions
        would never become ready, so the stage would stall while ``/healthz`` still answers.
        """
        if self._spec.state is not None:
            try:
                await self._spec.state.assign(partitions)
            except Exception:
                exit_unacked(f"{self._group}: restoring the state of partitions {sorted(partitions)} failed")
        self._ready |= partitions
        if not self.assigned:
            log.warning("%s ready: partitions assigned", self._group)
        self.assigned = True


@dataclass(frozen=True, slots=True)
class _Send:
    """One record sent, kept until the broker acknowledges it so that it can be sent again."""

    topic: str
    value: bytes
    key: bytes
    headers: list[tuple[str, bytes]] | None


@dataclass(slots=True)
class _Delivered:
    """What one batch handled, and put on the broker: messages per topic, reports per (type, status);
    and for a sink stage, the outputs for its store."""

    handled: list[ConsumerRecord[bytes, bytes]] = field(default_factory=list)
    sunk: list[Output] = field(default_factory=list)
    topics: Counter[str] = field(default_factory=Counter)
    agreements: Counter[tuple[str, str]] = field(default_factory=Counter)


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka ships no type hints for it
    def __init__(self, runner: StageRunner) -> None:
        self._runner = runner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._runner.on_revoked({tp.partition for tp in revoked})

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self._runner.on_assigned({tp.partition for tp in assigned})


async def serve_stages(settings: Settings, specs: list[StageSpec], metrics: Metrics, stop: asyncio.Event) -> None:
    """Run ``specs`` in this process with one producer and the health/metrics server until ``stop``."""
    stage = specs[0].stage
    producer = make_producer(settings, max_request_size=MAX_MESSAGE_BYTES)
    await producer.start()
    states = [spec.state for spec in specs if spec.state is not None]
    runners = [StageRunner(settings, spec, metrics, producer) for spec in specs]
    port = settings.http_port if settings.http_port is not None else 0
    server = HttpServer(
        make_app(stage.value, metrics, lambda: all(r.assigned for r in runners)), settings.http_host, port
    )
    await server.start()
    try:
        for state in states:
            await state.start()
        tasks = [
            asyncio.create_task(r.run(stop), name=f"stage {s.group(settings)}")
            for r, s in zip(runners, specs, strict=True)
        ]
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            if task.exception() is not None:  # a runner died: stop the others and fail loudly
                stop.set()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise task.exception()  # type: ignore[misc]
    finally:
        for state in states:
            await state.stop()
        await producer.stop()
        await server.stop()


def run_stages(settings: Settings, specs: list[StageSpec], metrics: Metrics) -> None:
    """Run ``specs`` until SIGINT or SIGTERM; blocks."""
    run_service(lambda stop: serve_stages(settings, specs, metrics, stop))
