"""The stage runner and the changelogs against the session's embedded broker, in this process.

Each test has its own topic prefix and consumer group, so tests never see each other's records.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Callable

import orjson
import pytest
from aiokafka import AIOKafkaConsumer
from prometheus_client import generate_latest

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.changelog import GlobalChangelog, PartitionedChangelog
from wirewatch.runtime.kafka import assign_all, ensure_topics, make_producer
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.outputs import MAX_MESSAGE_BYTES
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.stage_runner import StageSpec, serve_stages

pytestmark = pytest.mark.broker


@pytest.fixture()
async def settings(broker: str) -> Settings:
    prefix = f"r{uuid.uuid4().hex[:8]}."
    chosen = Settings(bootstrap_servers=broker, topic_prefix=prefix, group_prefix=f"g{prefix}", partitions=2)
    await ensure_topics(chosen)
    return chosen


async def _produce(settings: Settings, topic: str, messages: list[tuple[bytes, bytes]]) -> None:
    producer = make_producer(settings)
    await producer.start()
    try:
        await asyncio.gather(*[await producer.send(topic, value, key=key) for key, value in messages])
    finally:
        await producer.stop()


async def _read(topic: str, settings: Settings, done: Callable[[list[tuple[bytes, bytes | None]]], bool]) -> list:
    """(key, value) pairs of ``topic`` from its beginning, once ``done`` holds (AssertionError after 60 s)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    records: list[tuple[bytes, bytes | None]] = []
    try:
        await assign_all(consumer, topic, wait=10.0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for batch in (await consumer.getmany(timeout_ms=200)).values():
                records.extend((r.key, r.value) for r in batch)
            if done(records):
                return records
    finally:
        await consumer.stop()
    raise AssertionError(f"{topic}: condition not met; {len(records)} record(s) read")


@contextlib.asynccontextmanager
async def _running(settings: Settings, specs: list[StageSpec], metrics: Metrics) -> AsyncIterator[None]:
    stop = asyncio.Event()
    task = asyncio.create_task(serve_stages(settings, specs, metrics, stop))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)


def _echo_or_huge(value: bytes | None, origin: Origin, now: str) -> Outcome:
    """Forward the document; a document asking for it becomes an output larger than the broker takes."""
    doc = orjson.loads(value or b"{}")
    if doc.get("huge"):
        doc["body"] = "x" * MAX_MESSAGE_BYTES
    return Outcome((Output(Topic.CLEAN, origin.key or b"", doc),))


async def test_an_oversized_output_becomes_a_dead_letter_and_the_stage_goes_on(settings: Settings) -> None:
    metrics = Metrics.create()
    # One key, so one partition holds the three in order: the stage must pass the huge one by.
    messages = [(b"k", orjson.dumps({"n": 1})), (b"k", orjson.dumps({"n": 2, "huge": True})), (b"k", b'{"n": 3}')]
    async with _running(settings, [StageSpec(Stage.CLEANER, Topic.RAW, _echo_or_huge)], metrics):
        await _produce(settings, settings.topics.name(Topic.RAW), messages)
        clean = await _read(settings.topics.name(Topic.CLEAN), settings, lambda rs: len(rs) >= 2)
        dead = await _read(settings.topics.name(Topic.DEADLETTER), settings, lambda rs: len(rs) >= 1)
    assert [orjson.loads(v)["n"] for _, v in clean] == [1, 3]
    [(_, letter)] = dead
    assert orjson.loads(letter)["error_kind"] == "output_too_large"
    exported = generate_latest(metrics.registry).decode()
    assert 'wirewatch_messages_failed_total{error_kind="output_too_large",stage="cleaner"} 1.0' in exported


async def test_offsets_are_committed_after_delivery_so_a_restarted_stage_replays_nothing(settings: Settings) -> None:
    raw, clean = settings.topics.name(Topic.RAW), settings.topics.name(Topic.CLEAN)
    spec = StageSpec(Stage.CLEANER, Topic.RAW, _echo_or_huge)
    async with _running(settings, [spec], Metrics.create()):
        await _produce(settings, raw, [(f"a{i}".encode(), orjson.dumps({"n": i})) for i in range(5)])
        await _read(clean, settings, lambda rs: len(rs) >= 5)
    async with _running(settings, [spec], Metrics.create()):
        await _produce(settings, raw, [(b"b", orjson.dumps({"n": 5}))])
        await _read(clean, settings, lambda rs: len(rs) >= 6)
        await asyncio.sleep(1.0)  # room for a replay to show up
        outputs = await _read(clean, settings, lambda rs: len(rs) >= 6)
    assert sorted(orjson.loads(v)["n"] for _, v in outputs) == [0, 1, 2, 3, 4, 5]


async def test_a_partitioned_changelog_restores_what_was_flushed_and_forgets_deletions(settings: Settings) -> None:
    topic = f"{settings.group_prefix}-test-events-changelog"
    producer = make_producer(settings)
    await producer.start()
    first = PartitionedChangelog(settings, topic)
    await first.start()
    try:
        await first.assign({0, 1})
        first.partition(0)[b"gone"] = b"1"
        first.partition(1)[b"kept"] = b"2"
        assert await first.flush(producer) == 2
        del first.partition(0)[b"gone"]
        assert await first.flush(producer) == 1
        assert await first.flush(producer) == 0  # nothing pending any more
    finally:
        await first.stop()
        await producer.stop()
    second = PartitionedChangelog(settings, topic)
    await second.start()
    try:
        await second.assign({1})
        assert dict(second.partition(1)) == {b"kept": b"2"}
        with pytest.raises(KeyError):
            second.partition(0)  # not assigned here
        await second.assign({0, 1})
        assert dict(second.partition(0)) == {}  # the tombstone deleted it
        second.revoke({1})
        with pytest.raises(KeyError):
            second.partition(1)
    finally:
        await second.stop()
    records = await _read(topic, settings, lambda rs: len(rs) >= 3)
    assert [value for key, value in records if key == b"gone"] == [b"1", None]


async def test_a_global_changelog_follows_other_replicas_and_not_its_own_old_writes(settings: Settings) -> None:
    topic = f"{settings.group_prefix}-test-index-changelog"
    producer = make_producer(settings)
    await producer.start()
    one, two = GlobalChangelog(settings, topic), GlobalChangelog(settings, topic)
    await one.start()
    await two.start()
    try:
        one[b"a"] = b"from one"
        await one.flush(producer)
        await _eventually(lambda: two.get(b"a") == b"from one")
        one[b"b"] = b"old"
        await one.flush(producer)
        one[b"b"] = b"new, not flushed yet"
        await asyncio.sleep(1.5)  # the follower reads "old" back: it must not take it
        assert one[b"b"] == b"new, not flushed yet"
        await one.flush(producer)
        await _eventually(lambda: two.get(b"b") == b"new, not flushed yet")
    finally:
        await one.stop()
        await two.stop()
        await producer.stop()
    late = GlobalChangelog(settings, topic)
    loaded = await late.start()
    await late.stop()
    assert loaded == 3
    assert dict(late) == {b"a": b"from one", b"b": b"new, not flushed yet"}


async def _eventually(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)
