"""Deliver articles to Kafka without losing any: a bounded queue, acks=all, retry until acknowledged.

Fetchers ``put`` articles; when Kafka is unreachable the queue fills and ``put`` waits, which
slows fetching to nothing (back-pressure) instead of dropping. The publisher takes batches,
produces each raw article, waits for every acknowledgement, then has the seen-set ledger record
the batch (written, acknowledged, then marked seen in memory: ``ledger.py``). A record Kafka
refuses for good (too large for the producer or the broker) is skipped with a log line and a
``too_large`` skip: retrying it would block every feed behind it. On any other failure the rest of
the batch is retried with a fresh producer (after re-creating missing topics: a restarted
embedded broker comes back empty). Retrying may duplicate an article on ``articles.raw``; its id
and version are the same, so consumers deduplicate.

Between batches the publisher runs the seen-set expiry when it is due, so no batch is being
recorded meanwhile. Who owns what: the queue and the batches here, the producer and health in
``link.KafkaLink``, the seen set in ``ledger.SeenLedger``, when to forget in ``ledger.SeenExpiry``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from wirewatch.contracts.codec import encode
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Metrics, ScraperMetrics, SkipReason
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.ledger import SeenExpiry, SeenLedger
from wirewatch.scraper.link import REFUSED_FOR_GOOD, TRANSIENT, KafkaLink
from wirewatch.scraper.seen import SeenEntry, SeenSet

log = logging.getLogger(__name__)

_BATCH = 100
_MAX_BACKOFF = 5.0


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

    @property
    def article_id(self) -> str:
        """The article's id."""
        return str(self.document["id"])


class Publisher:
    """The scraper's only path for articles to Kafka; see the module docstring."""

    def __init__(
        self, settings: Settings, link: KafkaLink, ledger: SeenLedger, metrics: Metrics, scraper_metrics: ScraperMetrics
    ) -> None:
        self._settings = settings
        self._link = link
        self.ledger = ledger
        self._metrics = metrics
        self._sm = scraper_metrics
        self._queue: asyncio.Queue[Outgoing] = asyncio.Queue(settings.scraper.queue_size)
        self._pending: set[str] = set()
        self._raw_acked: set[bytes] = set()  # keys on articles.raw whose seen entry is not yet acknowledged
        self._refused: dict[bytes, BaseException] = {}  # keys Kafka refused for good in the current batch
        self._raw = settings.topics.name(Topic.RAW)
        self.expiry = SeenExpiry(ledger, link, settings.scraper.seen_days, self.pending, scraper_metrics)

    @classmethod
    def create(cls, settings: Settings, seen: SeenSet, metrics: Metrics, scraper_metrics: ScraperMetrics) -> Publisher:
        """A publisher with its own link to Kafka and a ledger over ``seen``."""
        link = KafkaLink(settings)
        ledger = SeenLedger(seen, link, settings.topics.name(Topic.SCRAPER_SEEN), scraper_metrics)
        return cls(settings, link, ledger, metrics, scraper_metrics)

    @property
    def healthy(self) -> bool:
        """Whether the last send to Kafka got through."""
        return self._link.healthy

    def pending(self, article_id: str) -> bool:
        """Whether an article is queued or in flight (so a feed does not queue it twice)."""
        return article_id in self._pending

    @property
    def depth(self) -> int:
        """Articles waiting for an acknowledgement."""
        return len(self._pending)

    async def put(self, item: Outgoing) -> None:
        """Queue an article; waits while the queue is full (back-pressure on the fetchers)."""
        self._pending.add(item.article_id)
        self._sm.record_queue_depth(len(self._pending))
        await self._queue.put(item)

    async def run(self, stop: asyncio.Event) -> None:
        """Send until ``stop`` is set and the queue is empty (or ``stop`` is set while Kafka is down)."""
        try:
            while not (stop.is_set() and self._queue.empty()):
                batch = await self._take(stop)
                if batch and not await self._deliver(batch, stop):
                    break
                if not stop.is_set() and self.expiry.due():
                    await self.expiry.sweep()
        finally:
            await self._link.close()

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
            except TRANSIENT as exc:
                self._link.failed(exc)
                await self._link.close()
                if stop.is_set() and attempt >= 2:
                    undelivered = len(batch) + self._queue.qsize()
                    log.warning("stopping with %d article(s) undelivered (Kafka unreachable)", undelivered)
                    return False
                await asyncio.sleep(min(_MAX_BACKOFF, 0.2 * 2**attempt))
                attempt += 1
                await self._link.recreate_topics()
        self._link.recovered()
        delivered = 0
        for item in batch:
            self._raw_acked.discard(item.key)
            self._pending.discard(item.article_id)
            refusal = self._refused.pop(item.key, None)
            if refusal is not None:
                self._note_refused(item, refusal)
                continue
            self._sm.record_published(item.feed)
            delivered += 1
        self._metrics.record_produced(self._raw, delivered)
        self._sm.record_queue_depth(len(self._pending))
        return True

    def _note_refused(self, item: Outgoing, refusal: BaseException) -> None:
        """An article Kafka will never take: count and log it; it is not marked seen, so a smaller
        version of it (or a raised broker limit) is picked up on a later poll."""
        self._sm.record_skipped(item.feed, SkipReason.TOO_LARGE)
        url = item.document.get("url")
        log.warning("%s: article %s not published, Kafka refuses it: %s", item.feed, url, refusal)

    async def _send(self, batch: list[Outgoing]) -> None:
        """Produce the raw articles not yet acknowledged, then have the ledger record the batch; raise
        on any failure worth a retry.

        Articles acknowledged in an earlier, partly failed attempt are not sent again, so a
        retry after a broker hiccup duplicates only what the broker wrote without answering.
        """
        todo = [i for i in batch if i.key not in self._raw_acked and i.key not in self._refused]
        results = await self._link.send(self._raw, [(i.key, encode(i.document)) for i in todo])
        failures: list[BaseException] = []
        for item, result in zip(todo, results, strict=True):
            if isinstance(result, REFUSED_FOR_GOOD):
                self._refused[item.key] = result
            elif result is not None:
                failures.append(result)
            else:
                self._raw_acked.add(item.key)
        if failures:
            raise failures[0]
        await self.ledger.record([(i.article_id, i.entry) for i in batch if i.key not in self._refused])
