"""The scraper's connection to Kafka: the producer's life, topic re-creation, health, and sends.

One owner for what every writer of the scraper needs: the publisher sends raw articles through
it and the seen-set ledger its entries, so a broker failure seen by either closes the one
producer, and health (``/readyz``) says whether the last send got through.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError

from wirewatch.runtime.kafka import ensure_topics, make_producer
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

# Failures that belong to one record and will not pass on a retry: the record is too large for the
# producer's max_request_size or the topic's max.message.bytes. aiokafka never puts a record that
# big into a batch with others, so the error names exactly the record to skip.
REFUSED_FOR_GOOD = (MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError)
#: what a send to an unreachable or restarting broker raises: worth a retry with a fresh producer
TRANSIENT = (KafkaError, OSError, TimeoutError)


class KafkaLink:
    """A lazily started producer, closed on failure and started again on the next send."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._timeout = settings.scraper.send_timeout
        self._producer: AIOKafkaProducer | None = None
        self._failing_since: float | None = None
        self.healthy = True

    async def send(self, topic: str, records: Sequence[tuple[bytes, bytes | None]]) -> list[BaseException | None]:
        """Send ``(key, value)`` records (None: a tombstone) and wait for each; the error of each, or None.

        A record the producer refuses at once (larger than ``max_request_size``) gets its refusal in
        the list like one the broker refuses. Raises ``TimeoutError`` when the whole send takes
        longer than the send timeout, and what starting the producer raises.
        """
        producer = await self._ensure_producer()
        async with asyncio.timeout(self._timeout):
            futures = [await _send_one(producer, topic, value, key) for key, value in records]
            results = await asyncio.gather(*futures, return_exceptions=True)
        return [r if isinstance(r, BaseException) else None for r in results]

    async def send_all(self, topic: str, records: Sequence[tuple[bytes, bytes | None]]) -> None:
        """``send``, raising the first failure of any record."""
        failures = [r for r in await self.send(topic, records) if r is not None]
        if failures:
            raise failures[0]

    async def recreate_topics(self) -> None:
        """Create missing topics (a restarted embedded broker comes back empty); failures are logged."""
        try:
            async with asyncio.timeout(self._timeout):
                created = await ensure_topics(self._settings)
            if created:
                log.warning("re-created missing topics: %s", ", ".join(created))
        except TRANSIENT as exc:
            log.debug("topics not re-created yet: %s", exc)

    def failed(self, exc: BaseException) -> None:
        """A send failed: unhealthy until one gets through (logged once per outage)."""
        self.healthy = False
        if self._failing_since is None:
            self._failing_since = time.monotonic()
            log.warning("Kafka unreachable (%s: %s); buffering up to %d article(s)", type(exc).__name__, exc,
                        self._settings.scraper.queue_size)  # fmt: skip

    def recovered(self) -> None:
        """A send got through."""
        self.healthy = True
        if self._failing_since is not None:
            log.warning("Kafka reachable again after %.0fs", time.monotonic() - self._failing_since)
            self._failing_since = None

    async def close(self) -> None:
        """Stop the producer (bounded: a dead broker must not hold a shutdown); the next send starts one."""
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                async with asyncio.timeout(5):
                    await producer.stop()
            except TRANSIENT:
                log.debug("producer did not stop cleanly", exc_info=True)

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = make_producer(self._settings, request_timeout_ms=int(self._timeout * 1000))
            try:
                async with asyncio.timeout(self._timeout):
                    await producer.start()
            except BaseException:
                await producer.stop()
                raise
            self._producer = producer
        return self._producer


async def _send_one(producer: AIOKafkaProducer, topic: str, value: bytes | None, key: bytes) -> asyncio.Future[Any]:
    """The delivery future of one record; an immediate refusal becomes a future holding it."""
    try:
        delivery: asyncio.Future[Any] = await producer.send(topic, value, key=key)
    except REFUSED_FOR_GOOD as exc:
        refused: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        refused.set_exception(exc)
        return refused
    return delivery
