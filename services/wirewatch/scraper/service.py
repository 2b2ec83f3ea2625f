"""The scraper assembled: one HTTP client, one fetcher, one publisher, one poller per enabled feed."""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka.errors import KafkaError

from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.metrics import Metrics, ScraperMetrics
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.config import SourcesConfig
from wirewatch.scraper.fetch import Fetcher, make_client
from wirewatch.scraper.poller import FeedPoller
from wirewatch.scraper.publish import Publisher
from wirewatch.scraper.seen import Clock, SeenSet, load_seen

log = logging.getLogger(__name__)

_STARTUP_RETRY = 2.0


class Scraper:
    """Run every enabled feed of ``sources`` into ``articles.raw`` until ``stop()``.

    ``start`` waits for Kafka (topics created, seen set read back) before the first poll, so
    nothing is fetched that could not be recorded. ``clock`` is the seen set's wall clock, which
    its expiry goes by (tests pass one they move by hand).
    """

    def __init__(self, settings: Settings, sources: SourcesConfig, metrics: Metrics, clock: Clock = time.time) -> None:
        self.settings = settings
        self.sources = sources
        self.metrics = metrics
        self._clock = clock
        self.scraper_metrics = ScraperMetrics.create(metrics.registry)
        self._stop = asyncio.Event()
        self._publisher_stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.publisher: Publisher | None = None
        self.pollers: list[FeedPoller] = []
        self.seen: SeenSet | None = None

    @property
    def ready(self) -> bool:
        """True once polling runs and Kafka answers."""
        return self.publisher is not None and self.publisher.healthy

    async def start(self, give_up: asyncio.Event | None = None) -> bool:
        """Prepare Kafka state and start polling; False when ``give_up`` was set first."""
        seen = await self._load_seen(give_up or self._stop)
        if seen is None:
            return False
        self.seen = seen
        client = make_client(self.settings.scraper)
        fetcher = Fetcher(self.settings.scraper, self.scraper_metrics, client)
        self.publisher = Publisher.create(self.settings, seen, self.metrics, self.scraper_metrics)
        self.pollers = [
            FeedPoller(src, fetcher, self.publisher, self.publisher.ledger, self.scraper_metrics)
            for src in self.sources.enabled
        ]
        self._client = client
        self._tasks = [asyncio.create_task(self.publisher.run(self._publisher_stop), name="scraper-publisher")]
        self._tasks += [asyncio.create_task(p.run(self._stop), name=f"poll-{p.source.name}") for p in self.pollers]
        log.info("scraper polling %d feed(s); %d article(s) already seen", len(self.pollers), len(seen))
        return True

    async def _load_seen(self, give_up: asyncio.Event) -> SeenSet | None:
        warned = False
        while not give_up.is_set():
            try:
                await ensure_topics(self.settings)
                topic = self.settings.topics.name(Topic.SCRAPER_SEEN)
                return await load_seen(self.settings, topic, clock=self._clock)
            except (KafkaError, OSError, TimeoutError) as exc:
                log.log(logging.DEBUG if warned else logging.WARNING, "waiting for Kafka before polling: %s", exc)
                warned = True
                try:
                    await asyncio.wait_for(give_up.wait(), _STARTUP_RETRY)
                except TimeoutError:
                    continue
        return None

    async def stop(self) -> None:
        """Stop polling, then let the publisher deliver what it holds (it gives up if Kafka is down)."""
        self._stop.set()
        pollers, publisher = self._tasks[1:], self._tasks[:1]
        for task in pollers:
            task.cancel()
        await asyncio.gather(*pollers, return_exceptions=True)
        self._publisher_stop.set()
        await asyncio.gather(*publisher, return_exceptions=True)
        if self._tasks:
            await self._client.aclose()
        self._tasks = []
