"""The seen set: which articles (and which version of each) are already on ``articles.raw``.

It lives in a compacted topic (``scraper.seen``): key = article id, value = the last published
version. At start the scraper reads the topic from the beginning to its end offsets, so a
restart does not republish. An entry is written only after ``articles.raw`` acknowledged the
article, so a crash between the two republishes (at-least-once) rather than loses.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict, dataclass, replace
from typing import Any

from aiokafka import TopicPartition

from wirewatch.contracts.codec import DecodeError, decode, encode
from wirewatch.runtime.kafka import make_consumer
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """The last version of an article that Kafka acknowledged, with what identifies its content."""

    version: int
    content_hash: str
    stamp: str | None = None  # the feed's updated/published date when it was fetched
    etag: str | None = None
    last_modified: str | None = None

    def to_bytes(self) -> bytes:
        """Wire form for the ``scraper.seen`` topic."""
        return encode(asdict(self))

    @classmethod
    def from_bytes(cls, data: bytes | None) -> SeenEntry | None:
        """Parse a ``scraper.seen`` value; None for a tombstone or anything unreadable."""
        try:
            doc: dict[str, Any] = decode(data)
            return cls(
                version=int(doc["version"]),
                content_hash=str(doc["content_hash"]),
                stamp=doc.get("stamp"),
                etag=doc.get("etag"),
                last_modified=doc.get("last_modified"),
            )
        except (DecodeError, KeyError, TypeError, ValueError):
            return None


class SeenSet:
    """In-memory view of the seen topic."""

    def __init__(self, entries: dict[str, SeenEntry] | None = None) -> None:
        self._entries = dict(entries or {})

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, article_id: str) -> SeenEntry | None:
        """The last acknowledged version of an article, if any."""
        return self._entries.get(article_id)

    def put(self, article_id: str, entry: SeenEntry) -> None:
        """Record an acknowledged version."""
        self._entries[article_id] = entry

    def forget(self, article_id: str) -> None:
        """Drop an article (a tombstone on the seen topic); nothing happens when it is not there."""
        self._entries.pop(article_id, None)

    def touch(self, article_id: str, stamp: str | None) -> None:
        """Remember a newer feed date for an unchanged article (memory only: refetching it is harmless)."""
        entry = self._entries.get(article_id)
        if entry is not None:
            self._entries[article_id] = replace(entry, stamp=stamp)


async def load_seen(settings: Settings, topic: str, timeout: float = 60.0) -> SeenSet:
    """Read ``topic`` from the beginning to its current end; the last value per key wins."""
    consumer = make_consumer(settings, enable_auto_commit=False)
    await consumer.start()
    try:
        async with asyncio.timeout(timeout):
            return await _read_all(consumer, topic)
    finally:
        await consumer.stop()


async def _read_all(consumer: Any, topic: str) -> SeenSet:
    partitions = consumer.partitions_for_topic(topic)
    while partitions is None:  # metadata not fetched yet, or the topic is being created
        await consumer.topics()
        partitions = consumer.partitions_for_topic(topic)
        if partitions is None:
            await asyncio.sleep(0.2)
    assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(assigned)
    await consumer.seek_to_beginning(*assigned)
    ends: dict[TopicPartition, int] = await consumer.end_offsets(assigned)
    seen = await read_to_end(consumer, ends)
    log.info("seen set: %d article(s) from %s", len(seen), topic)
    return seen


async def read_to_end(consumer: Any, ends: dict[TopicPartition, int]) -> SeenSet:
    """Read the assigned partitions from their positions up to ``ends``.

    Every unfinished partition's position is checked on every round, not only those that
    returned records: a compacted partition can have an end offset above zero and nothing
    left to read, and would otherwise keep the load waiting until its timeout. A record that
    holds no readable entry (a tombstone) removes its key: until compaction has run, the
    value before it is still in the log and must not come back to life.
    """
    seen = SeenSet()
    remaining = set(ends)
    while remaining:
        remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
        if not remaining:
            break
        batches = await consumer.getmany(*remaining, timeout_ms=500)
        for records in batches.values():
            for record in records:
                if record.key is None:
                    continue
                key = record.key.decode("utf-8", "replace")
                entry = SeenEntry.from_bytes(record.value)
                if entry is None:
                    seen.forget(key)
                else:
                    seen.put(key, entry)
    return seen
