"""aiokafka factories and topic administration, configured from ``Settings``.

Producers use ``acks="all"`` without idempotence: the embedded broker refuses the
idempotent producer (DESIGN.md), and deterministic ids make duplicates harmless.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

#: Topics whose latest value per key is all that matters (compacted on a real cluster).
COMPACTED_SUFFIXES = ("events.agreements", "scraper.seen")


def make_producer(settings: Settings, **overrides: object) -> AIOKafkaProducer:
    """A producer that waits for every in-sync replica (``acks=all``)."""
    options: dict[str, object] = {
        "bootstrap_servers": settings.bootstrap,
        "acks": "all",
        "enable_idempotence": False,
        "linger_ms": 5,
        "max_request_size": 8 * 1024 * 1024,
        "request_timeout_ms": 30_000,
    }
    options.update(overrides)
    return AIOKafkaProducer(**options)


def make_consumer(settings: Settings, *topics: str, group: str | None = None, **overrides: object) -> AIOKafkaConsumer:
    """A consumer of ``topics``; with ``group`` it joins that consumer group and commits manually."""
    options: dict[str, object] = {
        "bootstrap_servers": settings.bootstrap,
        "group_id": group,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "session_timeout_ms": 6_000,
        "heartbeat_interval_ms": 1_000,
        "rebalance_timeout_ms": 4_000,
        "fetch_max_bytes": 16 * 1024 * 1024,
        "max_partition_fetch_bytes": 8 * 1024 * 1024,
    }
    options.update(overrides)
    return AIOKafkaConsumer(*topics, **options)


async def topic_partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    """The partitions of ``topic`` (empty when it does not exist), refreshing metadata once if needed."""
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        await consumer.topics()  # the topic may be newer than the consumer's metadata
        partitions = consumer.partitions_for_topic(topic)
    return set(partitions or ())


async def assign_all(
    consumer: AIOKafkaConsumer,
    *topics: str,
    from_beginning: bool = True,
    wait: float = 0.0,
    keep: dict[TopicPartition, int] | None = None,
) -> list[TopicPartition]:
    """Assign every partition of ``topics`` to ``consumer`` (no group) and seek to their beginning.

    The one way every reader of a whole topic starts: ``tail``, the seen set, the API's feed, the
    bench harness and the tests. ``from_beginning=False`` seeks to the end instead; ``keep`` holds
    positions to resume from rather than seek (the API's feed after a reconnect). With ``wait``,
    a topic that does not exist yet is waited for up to that many seconds; ``TimeoutError`` after.
    Returns the assigned partitions, ordered.
    """
    deadline = time.monotonic() + wait
    found = {topic: await topic_partitions(consumer, topic) for topic in topics}
    while not all(found.values()):
        missing = [t for t, parts in found.items() if not parts]
        if time.monotonic() >= deadline:
            if wait:
                raise TimeoutError(f"topics not found within {wait:.0f}s: {', '.join(missing)}")
            break  # not waiting: assign what exists
        log.info("waiting for topics: %s", ", ".join(missing))
        await asyncio.sleep(0.2)
        found.update({t: await topic_partitions(consumer, t) for t in missing})
    assigned = [TopicPartition(topic, p) for topic in topics for p in sorted(found[topic])]
    consumer.assign(assigned)
    kept = keep or {}
    fresh = [tp for tp in assigned if tp not in kept]
    if fresh:
        await (consumer.seek_to_beginning(*fresh) if from_beginning else consumer.seek_to_end(*fresh))
    for tp in assigned:
        if tp in kept:
            consumer.seek(tp, kept[tp])
    return assigned


async def wait_until_ready(bootstrap: str, timeout: float = 30.0) -> None:
    """Return once the broker answers a metadata request; ``TimeoutError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    await _wait_for_port(bootstrap.split(",")[0], deadline)
    while time.monotonic() < deadline:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3_000)
        try:
            await admin.start()
            await admin.list_topics()
            return
        except (KafkaError, OSError) as exc:
            last = exc
            await asyncio.sleep(0.2)
        finally:
            await admin.close()
    raise TimeoutError(f"broker at {bootstrap} did not answer within {timeout:.0f}s: {last!r}")


async def _wait_for_port(server: str, deadline: float) -> None:
    """Wait until ``host:port`` accepts TCP connections (quietly: aiokafka logs every refused attempt)."""
    host, _, port = server.rpartition(":")
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection(host, int(port))
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return


#: ``max.message.bytes`` of every topic created: the producer's ``max_request_size``, so an article the
#: producer accepts (pages up to 5 MB) is never refused by a broker left at its 1 MB default.
TOPIC_MAX_MESSAGE_BYTES = 8 * 1024 * 1024


async def ensure_topics(settings: Settings) -> list[str]:
    """Create every pipeline topic that does not exist yet; return the names created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = []
        for name in settings.topics.all():
            if name in existing:
                continue
            configs = {"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)}
            if name.endswith(COMPACTED_SUFFIXES):
                configs["cleanup.policy"] = "compact"
            wanted.append(NewTopic(name, settings.partitions, settings.replication, topic_configs=configs))
        if wanted:
            try:
                await admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                log.info("topics were created concurrently by another process")
        return [t.name for t in wanted]
    except KafkaConnectionError as exc:
        raise ConnectionError(f"cannot reach the broker at {settings.bootstrap}: {exc}") from exc
    finally:
        await admin.close()
