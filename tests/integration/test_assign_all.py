"""``assign_all``, the one way a reader of whole topics starts, against the session's embedded broker."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import TopicPartition

from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import assign_all, ensure_topics, make_consumer, make_producer
from wirewatch.runtime.settings import Settings

pytestmark = pytest.mark.broker


async def _values(consumer, want: int) -> list[bytes]:
    got: list[bytes] = []
    for _ in range(20):
        for records in (await consumer.getmany(timeout_ms=200)).values():
            got += [r.value for r in records]
        if len(got) >= want:
            break
    return sorted(got)


async def test_every_partition_from_the_beginning_the_end_or_a_kept_position(broker: str) -> None:
    prefix = f"a{uuid.uuid4().hex[:8]}."
    settings = Settings(bootstrap_servers=broker, topic_prefix=prefix, partitions=2)
    await ensure_topics(settings)
    raw, clean = settings.topics.name(Topic.RAW), settings.topics.name(Topic.CLEAN)
    producer = make_producer(settings)
    await producer.start()
    try:
        for i in range(4):
            await producer.send_and_wait(raw, b"r%d" % i, partition=i % 2)
        await producer.send_and_wait(clean, b"c0", partition=1)
    finally:
        await producer.stop()

    consumer = make_consumer(settings, group=None)
    await consumer.start()
    try:
        assigned = await assign_all(consumer, raw, clean)
        assert assigned == [TopicPartition(raw, 0), TopicPartition(raw, 1), TopicPartition(clean, 0),
                            TopicPartition(clean, 1)]  # fmt: skip
        assert await _values(consumer, 5) == [b"c0", b"r0", b"r1", b"r2", b"r3"]

        await assign_all(consumer, raw, from_beginning=False)
        assert await _values(consumer, 1) == []  # at the end: nothing old

        await assign_all(consumer, raw, keep={TopicPartition(raw, 0): 1})  # partition 0 resumes at offset 1
        assert await _values(consumer, 3) == [b"r1", b"r2", b"r3"]
    finally:
        await consumer.stop()


async def test_a_missing_topic_is_waited_for_or_assigns_nothing(broker: str) -> None:
    settings = Settings(bootstrap_servers=broker)
    consumer = make_consumer(settings, group=None)
    await consumer.start()
    try:
        missing = f"missing-{uuid.uuid4().hex[:8]}"
        assert await assign_all(consumer, missing) == []
        with pytest.raises(TimeoutError, match=missing):
            await assign_all(consumer, missing, wait=0.5)
    finally:
        await consumer.stop()
