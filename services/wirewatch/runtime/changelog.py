"""State a stage keeps beside its stream, made durable in a compacted changelog topic.

Two shapes, both ``bytes -> bytes`` mappings held in memory and rebuilt from the changelog
when a worker starts:

- ``GlobalChangelog`` (the cleaner's duplicate index): every replica holds every entry. It
  reads all partitions of the changelog at start, then keeps reading what other replicas
  write (its own records carry a writer header and are skipped), so a duplicate is found
  whichever replica gets it.
- ``PartitionedChangelog`` (the tagger's agreement events): a replica holds the entries of
  the source partitions assigned to it. Changelog partition ``p`` holds the state of source
  partition ``p``; it is read when ``p`` is assigned and forgotten when ``p`` is revoked.

Writes go to memory at once and to the changelog on ``flush``, which the stage runner awaits
after the outputs are delivered and before the offsets are committed. A crash in between
replays the batch against the state last flushed, which at-least-once allows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from wirewatch.runtime.kafka import TOPIC_MAX_MESSAGE_BYTES, make_consumer, topic_partitions
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

#: Header naming the process that wrote a changelog record (a global changelog skips its own).
WRITER_HEADER = "wirewatch-writer"


async def ensure_changelog(settings: Settings, topic: str) -> None:
    """Create the compacted changelog ``topic`` with the pipeline's partition count if it is missing."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, request_timeout_ms=10_000)
    await admin.start()
    try:
        if topic in set(await admin.list_topics()):
            return
        configs = {"cleanup.policy": "compact", "max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)}
        new = NewTopic(topic, settings.partitions, settings.replication, topic_configs=configs)
        with contextlib.suppress(TopicAlreadyExistsError):  # another replica was first
            await admin.create_topics([new])
    finally:
        await admin.close()


async def read_to_end(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], apply: Callable[[ConsumerRecord[bytes, bytes]], None]
) -> int:
    """Read the assigned ``partitions`` from their beginning to their end offsets of now; records read."""
    if not partitions:
        return 0
    await consumer.seek_to_beginning(*partitions)
    ends = await consumer.end_offsets(partitions)
    remaining = {tp for tp in partitions if ends[tp] > 0}
    count = 0
    while remaining:
        batch = await consumer.getmany(*remaining, timeout_ms=200, max_records=5000)
        for records in batch.values():
            for record in records:
                apply(record)
            count += len(records)
        for tp in list(remaining):
            if await consumer.position(tp) >= ends[tp]:
                remaining.discard(tp)
    return count


class _Entries(MutableMapping[bytes, bytes]):
    """Entries in memory, and the writes not yet flushed (``None``: a deletion)."""

    def __init__(self) -> None:
        self.data: dict[bytes, bytes] = {}
        self.pending: dict[bytes, bytes | None] = {}

    def __getitem__(self, key: bytes) -> bytes:
        return self.data[key]

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self.data[key] = value
        self.pending[key] = value

    def __delitem__(self, key: bytes) -> None:
        del self.data[key]
        self.pending[key] = None

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def apply(self, record: ConsumerRecord[bytes, bytes]) -> None:
        """Take a changelog record as the entry's value; a tombstone deletes it."""
        if record.key is None:
            return
        if record.value is None:
            self.data.pop(record.key, None)
        else:
            self.data[record.key] = record.value


class GlobalChangelog(_Entries):
    """Every entry of the changelog on every replica; ``start`` loads it, a task follows other writers."""

    def __init__(self, settings: Settings, topic: str) -> None:
        super().__init__()
        self.topic = topic
        self._settings = settings
        self._writer = uuid.uuid4().hex.encode()
        self._consumer: AIOKafkaConsumer | None = None
        self._follow: asyncio.Task[None] | None = None

    async def start(self) -> int:
        """Create the topic if needed, read it to its end, then follow it; the records loaded."""
        await ensure_changelog(self._settings, self.topic)
        self._consumer = make_consumer(self._settings, group=None)
        await self._consumer.start()
        numbers = await topic_partitions(self._consumer, self.topic)
        if not numbers:
            raise RuntimeError(f"changelog topic {self.topic!r} has no partitions")
        partitions = [TopicPartition(self.topic, p) for p in sorted(numbers)]
        self._consumer.assign(partitions)
        loaded = await read_to_end(self._consumer, partitions, self._apply_foreign)
        self._follow = asyncio.create_task(self._follow_others(), name=f"follow {self.topic}")
        log.info("%s: %d entries loaded from %d records", self.topic, len(self.data), loaded)
        return loaded

    async def stop(self) -> None:
        """Stop following the changelog."""
        if self._follow is not None:
            self._follow.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follow
        if self._consumer is not None:
            await self._consumer.stop()

    async def assign(self, partitions: set[int]) -> int:
        """Nothing to restore: every replica holds every entry, whatever source partitions it has."""
        return 0

    def revoke(self, partitions: set[int]) -> None:
        """Nothing to forget, for the same reason."""

    async def flush(self, producer: AIOKafkaProducer) -> int:
        """Write the pending entries (partitioned by key) and wait until the broker has them all."""
        if not self.pending:
            return 0
        writes, self.pending = self.pending, {}
        headers = [(WRITER_HEADER, self._writer)]
        futures = [await producer.send(self.topic, value, key=key, headers=headers) for key, value in writes.items()]
        await asyncio.gather(*futures)
        return len(futures)

    def _apply_foreign(self, record: ConsumerRecord[bytes, bytes]) -> None:
        for name, value in record.headers or ():
            if name == WRITER_HEADER and value == self._writer:
                return
        self.apply(record)

    async def _follow_others(self) -> None:
        assert self._consumer is not None
        while True:
            try:
                batch = await self._consumer.getmany(timeout_ms=1000, max_records=1000)
            except KafkaError as exc:  # the broker went away for a moment: the consumer reconnects
                log.warning("%s: following the changelog failed, retrying: %s", self.topic, exc)
                await asyncio.sleep(1.0)
                continue
            for records in batch.values():
                for record in records:
                    self._apply_foreign(record)


class PartitionedChangelog:
    """The entries of the assigned source partitions; changelog partition ``p`` belongs to source partition ``p``."""

    def __init__(self, settings: Settings, topic: str) -> None:
        self.topic = topic
        self._settings = settings
        self._parts: dict[int, _Entries] = {}
        self._consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        """Create the topic if needed and open the consumer that restores partitions."""
        await ensure_changelog(self._settings, self.topic)
        self._consumer = make_consumer(self._settings, group=None)
        await self._consumer.start()

    async def stop(self) -> None:
        """Close the restoring consumer."""
        if self._consumer is not None:
            await self._consumer.stop()

    def partition(self, partition: int) -> MutableMapping[bytes, bytes]:
        """The entries of source ``partition`` (which must be assigned)."""
        return self._parts[partition]

    async def assign(self, partitions: set[int]) -> int:
        """Restore the newly assigned partitions from the changelog; records read."""
        assert self._consumer is not None, "start() first"
        new = sorted(p for p in partitions if p not in self._parts)
        if not new:
            return 0
        tps = [TopicPartition(self.topic, p) for p in new]
        self._consumer.assign(tps)
        entries = {p: _Entries() for p in new}
        count = await read_to_end(self._consumer, tps, lambda record: entries[record.partition].apply(record))
        self._consumer.unsubscribe()
        self._parts.update(entries)
        log.info("%s: partitions %s restored from %d records", self.topic, new, count)
        return count

    def revoke(self, partitions: set[int]) -> None:
        """Forget the state of partitions another replica now owns (pending writes were flushed first)."""
        for p in partitions:
            self._parts.pop(p, None)

    async def flush(self, producer: AIOKafkaProducer) -> int:
        """Write every partition's pending entries to its changelog partition and wait for the broker."""
        futures = []
        for p, entries in self._parts.items():
            writes, entries.pending = entries.pending, {}
            futures.extend([await producer.send(self.topic, v, key=k, partition=p) for k, v in writes.items()])
        await asyncio.gather(*futures)
        return len(futures)


class JsonView(MutableMapping[str, Any]):
    """A changelog seen as ``str -> JSON value`` (what ``cleaner.dedup_store.DedupStore`` keeps)."""

    def __init__(self, entries: MutableMapping[bytes, bytes]) -> None:
        self._entries = entries

    def __getitem__(self, key: str) -> Any:
        return orjson.loads(self._entries[key.encode()])

    def __setitem__(self, key: str, value: Any) -> None:
        self._entries[key.encode()] = orjson.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self._entries[key.encode()]

    def __iter__(self) -> Iterator[str]:
        return (key.decode() for key in self._entries)

    def __len__(self) -> int:
        return len(self._entries)
