"""Read a topic from the start or from now (``wirewatch tail``), without joining a consumer group."""

from __future__ import annotations

import time
from collections.abc import Callable

from aiokafka import TopicPartition

from wirewatch.runtime.kafka import make_consumer
from wirewatch.runtime.settings import Settings


async def tail_topic(
    settings: Settings,
    topic: str,
    from_beginning: bool,
    max_messages: int | None,
    idle_timeout: float | None,
    emit: Callable[[bytes | None], None],
) -> int:
    """Call ``emit`` with each message value; stop after ``max_messages`` or ``idle_timeout`` idle seconds."""
    consumer = make_consumer(settings, group=None)
    await consumer.start()
    count = 0
    try:
        partitions = consumer.partitions_for_topic(topic)
        if partitions is None:
            await consumer.topics()  # refresh metadata once: the topic may be new
            partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            raise SystemExit(f"topic {topic!r} does not exist")
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        if from_beginning:
            await consumer.seek_to_beginning(*assigned)
        else:
            await consumer.seek_to_end(*assigned)
        last = time.monotonic()
        while max_messages is None or count < max_messages:
            batch = await consumer.getmany(timeout_ms=200, max_records=500)
            records = [r for rs in batch.values() for r in rs]
            if records:
                last = time.monotonic()
            for record in records:
                emit(record.value)
                count += 1
                if max_messages is not None and count >= max_messages:
                    break
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                break
    finally:
        await consumer.stop()
    return count
