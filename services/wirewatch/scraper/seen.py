"""The seen set: which articles (and which version of each) are already on ``articles.raw``.

It lives in a compacted topic (``scraper.seen``): key = article id, value = the last published
version. At start the scraper reads the topic from the beginning to its end offsets, so a
restart does not republish. An entry is written only after ``articles.raw`` acknowledged the
article, so a crash between the two republishes (at-least-once) rather than loses.

**Bounded**: each entry also carries, in memory only, when a feed last *listed* the article:
when its entry was written, whenever a poll finds it in a feed (a 304 feed counts as listing
what it listed before), or at load the time its record was written to the topic. The
publisher's sweep forgets entries no feed has listed for ``WIREWATCH_SCRAPER_SEEN_DAYS`` and
tombstones them so compaction reclaims them: the set holds what the feeds listed in that time,
not everything ever published. An article a feed still lists is never forgotten, however old,
because forgetting it would publish it again on the next poll.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from aiokafka import TopicPartition

from wirewatch.contracts.codec import DecodeError, decode, encode
from wirewatch.runtime.kafka import assign_all, make_consumer
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)
_TOPIC_WAIT = float("inf")  # the topic is created by whoever starts first: wait for it as long as it takes


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


Clock = Callable[[], float]
"""Wall-clock time in seconds since the epoch, like ``time.time`` (tests pass one they move by hand).

Wall-clock, not monotonic, because listing times loaded from Kafka are record timestamps."""


class SeenSet:
    """In-memory view of the seen topic, with when each article was last listed (see the module docstring)."""

    def __init__(self, entries: dict[str, SeenEntry] | None = None, clock: Clock = time.time) -> None:
        self._clock = clock
        self._entries = dict(entries or {})
        now = clock()
        self._listed: dict[str, float] = dict.fromkeys(self._entries, now)

    def __len__(self) -> int:
        return len(self._entries)

    def now(self) -> float:
        """The set's clock: what listing times and sweeps are measured against."""
        return self._clock()

    def get(self, article_id: str) -> SeenEntry | None:
        """The last acknowledged version of an article, if any."""
        return self._entries.get(article_id)

    def put(self, article_id: str, entry: SeenEntry, listed: float | None = None) -> None:
        """Record an acknowledged version, listed ``listed`` (default: now)."""
        self._entries[article_id] = entry
        self._listed[article_id] = self._clock() if listed is None else listed

    def forget(self, article_id: str) -> None:
        """Drop an article (a tombstone on the seen topic); nothing happens when it is not there."""
        self._entries.pop(article_id, None)
        self._listed.pop(article_id, None)

    def touch(self, article_id: str, stamp: str | None) -> None:
        """Remember a newer feed date for an unchanged article (memory only: refetching it is harmless)."""
        entry = self._entries.get(article_id)
        if entry is not None:
            self._entries[article_id] = replace(entry, stamp=stamp)
            self._listed[article_id] = self._clock()

    def mark_listed(self, article_id: str) -> None:
        """A feed lists the article now: it must stay seen for another retention. Unknown ids are ignored."""
        if article_id in self._listed:
            self._listed[article_id] = self._clock()

    def listed_at(self, article_id: str) -> float | None:
        """When the article was last listed (epoch seconds); None when it is not in the set."""
        return self._listed.get(article_id)

    def unlisted_since(self, cutoff: float) -> list[str]:
        """The articles last listed before ``cutoff`` (epoch seconds): candidates for expiry."""
        return [key for key, listed in self._listed.items() if listed < cutoff]


async def load_seen(settings: Settings, topic: str, timeout: float = 60.0, clock: Clock = time.time) -> SeenSet:
    """Read ``topic`` from the beginning to its current end; the last value per key wins."""
    consumer = make_consumer(settings, enable_auto_commit=False)
    await consumer.start()
    try:
        async with asyncio.timeout(timeout):
            return await _read_all(consumer, topic, clock)
    finally:
        await consumer.stop()


async def _read_all(consumer: Any, topic: str, clock: Clock) -> SeenSet:
    assigned = await assign_all(consumer, topic, wait=_TOPIC_WAIT)  # the topic may still be being created
    ends: dict[TopicPartition, int] = await consumer.end_offsets(assigned)
    seen = await read_to_end(consumer, ends, clock)
    log.info("seen set: %d article(s) from %s", len(seen), topic)
    return seen


async def read_to_end(consumer: Any, ends: dict[TopicPartition, int], clock: Clock = time.time) -> SeenSet:
    """Read the assigned partitions from their positions up to ``ends``.

    Every unfinished partition's position is checked on every round, not only those that
    returned records: a compacted partition can have an end offset above zero and nothing
    left to read, and would otherwise keep the load waiting until its timeout. A record that
    holds no readable entry (a tombstone) removes its key: until compaction has run, the
    value before it is still in the log and must not come back to life.

    An entry counts as listed when its record was written. That is older than the truth for an
    article a feed still lists, which is why the first sweep waits until every feed has been
    polled (see ``Publisher``).
    """
    seen = SeenSet(clock=clock)
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
                    seen.put(key, entry, listed=_written_at(record.timestamp, seen.now()))
    return seen


def _written_at(timestamp_ms: int | None, now: float) -> float:
    """A record's timestamp in epoch seconds, never later than ``now``: a record without one (-1), or
    one from a producer whose clock runs ahead, would otherwise be kept past its retention."""
    if timestamp_ms is None or timestamp_ms < 0:
        return now
    return min(timestamp_ms / 1000, now)
