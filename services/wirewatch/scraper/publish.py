"""Deliver articles to Kafka without losing any: a bounded queue, acks=all, retry until acknowledged.

Fetchers ``put`` articles; when Kafka is unreachable the queue fills and ``put`` waits, which
slows fetching to nothing (back-pressure) instead of dropping. The sender takes batches,
produces each raw article, waits for every acknowledgement, then writes the seen entries,
waits again, and only then marks the articles seen in memory. A record Kafka refuses for good
(too large for the producer or the broker) is skipped with a log line and a ``too_large`` skip:
retrying it would block every feed behind it. On any other failure the rest of the batch is
retried with a fresh producer (after re-creating missing topics: a restarted embedded broker
comes back empty). Retrying may duplicate an article on ``articles.raw``; its id and version
are the same, so consumers deduplicate.

Between batches the publisher also sweeps the seen set (``sweep_seen``): it owns the producer,
and running the sweep in its own loop means no batch is being marked seen meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError

from wirewatch.contracts.codec import encode
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import ensure_topics, make_producer
from wirewatch.runtime.metrics import Metrics, ScraperMetrics, SkipReason
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.seen import SeenEntry, SeenSet

log = logging.getLogger(__name__)

_BATCH = 100
_MAX_BACKOFF = 5.0
_DAY = 86_400.0
_TOMBSTONES_AT_ONCE = 1000  # tombstones per acknowledgement wait: a large sweep makes progress in steps
# Failures that belong to one record and will not pass on a retry: the record is too large for the
# producer's max_request_size or the topic's max.message.bytes. aiokafka never puts a record that
# big into a batch with others, so the error names exactly the article to skip.
_REFUSED_FOR_GOOD = (MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One article to publish and the seen entry to record once Kafka has it."""

    feed: str
    document: dict[str, Any]
    entry: SeenEntry

    @property
    def key(self) -> bytes:
        """The Kafka key: the article id."""
        return str(self.document["id"]).encode()


ProducerFactory = Callable[[], AIOKafkaProducer]
TopicsSetup = Callable[[], Awaitable[object]]


class Publisher:
    """The scraper's only path to Kafka; see the module docstring."""

    def __init__(self, settings: Settings, seen: SeenSet, metrics: Metrics, scraper_metrics: ScraperMetrics) -> None:
        self._settings = settings
        self._seen = seen
        self._metrics = metrics
        self._sm = scraper_metrics
        self._queue: asyncio.Queue[Outgoing] = asyncio.Queue(settings.scraper.queue_size)
        self._pending: set[str] = set()
        self._raw_acked: set[bytes] = set()  # keys on articles.raw whose seen entry is not yet acknowledged
        self._refused: dict[bytes, BaseException] = {}  # keys Kafka refused for good in the current batch
        self._producer: AIOKafkaProducer | None = None
        self._raw = settings.topics.name(Topic.RAW)
        self._seen_topic = settings.topics.name(Topic.SCRAPER_SEEN)
        self._failing_since: float | None = None
        self.healthy = True
        # Seen-set expiry, on the seen set's clock. The first sweep comes one interval after the start
        # so that every feed has been polled, and has marked what it still lists, before an entry loaded
        # with its (older) record time can expire: one that expired while still listed would be published again.
        self._seen_max_age = settings.scraper.seen_days * _DAY
        self._sweep_every = self._seen_max_age / 24
        self._next_sweep = seen.now() + self._sweep_every
        self._relisted: set[str] = set()  # tombstoned while a feed listed them again: their value goes back
        self.last_sweep: float | None = None  # seen-set clock time at which the last finished sweep began
        self._sm.record_seen(len(seen))

    def pending(self, article_id: str) -> bool:
        """Whether an article is queued or in flight (so a feed does not queue it twice)."""
        return article_id in self._pending

    @property
    def depth(self) -> int:
        """Articles waiting for an acknowledgement."""
        return len(self._pending)

    async def put(self, item: Outgoing) -> None:
        """Queue an article; waits while the queue is full (back-pressure on the fetchers)."""
        self._pending.add(str(item.document["id"]))
        self._sm.record_queue_depth(len(self._pending))
        await self._queue.put(item)

    async def run(self, stop: asyncio.Event) -> None:
        """Send until ``stop`` is set and the queue is empty (or ``stop`` is set while Kafka is down)."""
        try:
            while not (stop.is_set() and self._queue.empty()):
                batch = await self._take(stop)
                if batch and not await self._deliver(batch, stop):
                    break
                if not stop.is_set() and self._seen.now() >= self._next_sweep:
                    await self.sweep_seen()
        finally:
            await self._close_producer()

    async def _take(self, stop: asyncio.Event) -> list[Outgoing]:
        try:
            first = await asyncio.wait_for(self._queue.get(), 0.2)
        except TimeoutError:
            return []
        batch = [first]
        while len(batch) < _BATCH and not self._queue.empty():
            batch.append(self._queue.get_nowait())
        return batch

    async def _deliver(self, batch: list[Outgoing], stop: asyncio.Event) -> bool:
        """Deliver ``batch``; False only when stopping and Kafka stays unreachable."""
        attempt = 0
        while True:
            try:
                await self._send(batch)
                break
            except (KafkaError, OSError, TimeoutError) as exc:
                self._note_failure(exc)
                await self._close_producer()
                if stop.is_set() and attempt >= 2:
                    undelivered = len(batch) + self._queue.qsize()
                    log.warning("stopping with %d article(s) undelivered (Kafka unreachable)", undelivered)
                    return False
                await asyncio.sleep(min(_MAX_BACKOFF, 0.2 * 2**attempt))
                attempt += 1
                await self._recreate_topics()
        self._note_recovery()
        delivered = 0
        for item in batch:
            self._raw_acked.discard(item.key)
            self._pending.discard(str(item.document["id"]))
            refusal = self._refused.pop(item.key, None)
            if refusal is not None:
                self._note_refused(item, refusal)
                continue
            self._seen.put(str(item.document["id"]), item.entry)
            self._sm.record_published(item.feed)
            delivered += 1
        self._metrics.record_produced(self._raw, delivered)
        self._sm.record_queue_depth(len(self._pending))
        self._sm.record_seen(len(self._seen))
        return True

    async def sweep_seen(self) -> int:
        """Forget the articles no feed has listed for ``seen_days``; returns how many were forgotten.

        Each is tombstoned on the seen topic first (so compaction reclaims it and a restart does not
        load it) and dropped from memory only once Kafka acknowledged that. An article queued or in
        flight is never expired. One that a feed lists again while its tombstone is on the way stays,
        and its value is written back, or a restart would publish it again. A failure is logged and
        the rest left for the next sweep (the entries simply stay a while longer): it never stops the
        publisher, and never blocks longer than the send timeout per step.
        """
        now = self._seen.now()
        self._next_sweep = now + self._sweep_every
        cutoff = now - self._seen_max_age
        stale = [key for key in self._seen.unlisted_since(cutoff) if key not in self._pending]
        forgotten = 0
        try:
            await self._restore_relisted()
            for start in range(0, len(stale), _TOMBSTONES_AT_ONCE):
                step = stale[start : start + _TOMBSTONES_AT_ONCE]
                await self._write_seen(dict.fromkeys(step))
                for key in step:
                    listed = self._seen.listed_at(key)
                    if key in self._pending or (listed is not None and listed >= cutoff):
                        self._relisted.add(key)
                    else:
                        self._seen.forget(key)
                        forgotten += 1
                await self._restore_relisted()
        except (KafkaError, OSError, TimeoutError) as exc:
            log.warning("seen-set sweep stopped, %d article(s) left for the next one: %s: %s",
                        len(stale) - forgotten, type(exc).__name__, exc)  # fmt: skip
            await self._close_producer()
        except Exception:  # a bug must not end delivery for good
            log.exception("seen-set sweep failed; retried at the next one")
        finally:
            self._sm.record_seen(len(self._seen), forgotten)
            self.last_sweep = now
        if forgotten:
            log.info("seen set: forgot %d article(s) no feed listed for %g day(s); %d left",
                     forgotten, self._settings.scraper.seen_days, len(self._seen))  # fmt: skip
        return forgotten

    async def _restore_relisted(self) -> None:
        """Write back the value of the articles a feed listed again while their tombstone was being written."""
        if self._relisted:
            values = {key: entry.to_bytes() for key in self._relisted if (entry := self._seen.get(key)) is not None}
            await self._write_seen(values)
            self._relisted.clear()

    async def _write_seen(self, records: Mapping[str, bytes | None]) -> None:
        """Write ``records`` (a value, or None for a tombstone) to the seen topic; raise on any failure."""
        if not records:
            return
        producer = await self._ensure_producer()
        async with asyncio.timeout(self._settings.scraper.send_timeout):
            futures = [await producer.send(self._seen_topic, value, key=key.encode()) for key, value in records.items()]
            results = await asyncio.gather(*futures, return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            raise failures[0]

    def _note_refused(self, item: Outgoing, refusal: BaseException) -> None:
        """An article Kafka will never take: count and log it; it is not marked seen, so a smaller
        version of it (or a raised broker limit) is picked up on a later poll."""
        self._sm.record_skipped(item.feed, SkipReason.TOO_LARGE)
        url = item.document.get("url")
        log.warning("%s: article %s not published, Kafka refuses it: %s", item.feed, url, refusal)

    async def _send(self, batch: list[Outgoing]) -> None:
        """Produce the raw articles not yet acknowledged, then every seen entry; raise on any failure.

        Articles acknowledged in an earlier, partly failed attempt are not sent again, so a
        retry after a broker hiccup duplicates only what the broker wrote without answering.
        """
        producer = await self._ensure_producer()
        async with asyncio.timeout(self._settings.scraper.send_timeout):
            todo = [i for i in batch if i.key not in self._raw_acked and i.key not in self._refused]
            await self._produce_all(producer, self._raw, todo, lambda i: encode(i.document), self._raw_acked)
            accepted = [i for i in batch if i.key not in self._refused]
            await self._produce_all(producer, self._seen_topic, accepted, lambda i: i.entry.to_bytes(), set())

    async def _produce_all(
        self,
        producer: AIOKafkaProducer,
        topic: str,
        items: list[Outgoing],
        value: Callable[[Outgoing], bytes],
        acked: set[bytes],
    ) -> None:
        """Send ``items`` to ``topic``, add the acknowledged keys to ``acked`` and the refused ones to
        ``self._refused``, then raise the first failure worth a retry."""
        futures = [await _send_one(producer, topic, value(i), i.key) for i in items]
        results = await asyncio.gather(*futures, return_exceptions=True)
        failures: list[BaseException] = []
        for item, result in zip(items, results, strict=True):
            if isinstance(result, _REFUSED_FOR_GOOD):
                self._refused[item.key] = result
            elif isinstance(result, BaseException):
                failures.append(result)
            else:
                acked.add(item.key)
        if failures:
            raise failures[0]

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            timeout_ms = int(self._settings.scraper.send_timeout * 1000)
            producer = make_producer(self._settings, request_timeout_ms=timeout_ms)
            try:
                async with asyncio.timeout(self._settings.scraper.send_timeout):
                    await producer.start()
            except BaseException:
                await producer.stop()
                raise
            self._producer = producer
        return self._producer

    async def _close_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                async with asyncio.timeout(5):
                    await producer.stop()
            except (KafkaError, OSError, TimeoutError):
                log.debug("producer did not stop cleanly", exc_info=True)

    async def _recreate_topics(self) -> None:
        try:
            async with asyncio.timeout(self._settings.scraper.send_timeout):
                created = await ensure_topics(self._settings)
            if created:
                log.warning("re-created missing topics: %s", ", ".join(created))
        except (KafkaError, OSError, TimeoutError) as exc:
            log.debug("topics not re-created yet: %s", exc)

    def _note_failure(self, exc: BaseException) -> None:
        self.healthy = False
        if self._failing_since is None:
            self._failing_since = time.monotonic()
            log.warning("Kafka unreachable (%s: %s); buffering up to %d article(s)", type(exc).__name__, exc,
                        self._settings.scraper.queue_size)  # fmt: skip

    def _note_recovery(self) -> None:
        self.healthy = True
        if self._failing_since is not None:
            log.warning("Kafka reachable again after %.0fs", time.monotonic() - self._failing_since)
            self._failing_since = None


async def _send_one(producer: AIOKafkaProducer, topic: str, value: bytes, key: bytes) -> asyncio.Future[Any]:
    """The delivery future of one record; a record the producer refuses at once (larger than
    ``max_request_size``) gets a future that already holds the refusal, like a broker refusal."""
    try:
        delivery: asyncio.Future[Any] = await producer.send(topic, value, key=key)
    except _REFUSED_FOR_GOOD as exc:
        refused: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        refused.set_exception(exc)
        return refused
    return delivery
