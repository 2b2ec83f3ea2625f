"""Feed the API's stores from the event topics, and fan new agreements out to SSE subscribers.

It reads ``events.agreements`` (one event per agreement, then updates), ``events.agreement-reports``
(each article's report: its own evidence sentence), ``events.countries`` and ``events.relations``.

The feed is a plain aiokafka consumer without a consumer group: every API replica reads every
partition from the beginning (the stores are views, not work to share) and keeps up from there.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from wirewatch.api.stores import AgreementFilter, AgreementStore, CountryStore, RelationStore
from wirewatch.contracts.codec import DecodeError, decode
from wirewatch.contracts.schemas import SchemaViolation, validate_for
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import assign_all, make_consumer
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)
_FOREVER = float("inf")  # the API serves before the pipeline has created its topics

#: Events a slow SSE client may have pending before it is disconnected (its browser reconnects).
SUBSCRIBER_QUEUE = 256


@dataclass(slots=True, eq=False)  # identity semantics: each connection is its own subscriber
class Subscriber:
    """One SSE client: its filter and its queue of ``(event name, document)``."""

    wanted: AgreementFilter
    queue: asyncio.Queue[tuple[str, dict[str, Any]] | None] = field(
        default_factory=lambda: asyncio.Queue(SUBSCRIBER_QUEUE)
    )


class Broadcaster:
    """Hands every new or updated agreement to the subscribers whose filter it matches."""

    def __init__(self, on_count: Callable[[int], None] | None = None) -> None:
        self._subscribers: set[Subscriber] = set()
        self._on_count = on_count or (lambda _: None)

    def __len__(self) -> int:
        return len(self._subscribers)

    def subscribe(self, wanted: AgreementFilter) -> Subscriber:
        """Register a client."""
        subscriber = Subscriber(wanted)
        self._subscribers.add(subscriber)
        self._on_count(len(self._subscribers))
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Forget a client (idempotent)."""
        self._subscribers.discard(subscriber)
        self._on_count(len(self._subscribers))

    def publish(self, name: str, doc: dict[str, Any]) -> None:
        """Queue ``doc`` for each matching client; a client whose queue is full is cut off."""
        for subscriber in list(self._subscribers):
            if not subscriber.wanted.matches(doc):
                continue
            try:
                subscriber.queue.put_nowait((name, doc))
            except asyncio.QueueFull:
                log.warning("an SSE client fell %d events behind; disconnecting it", SUBSCRIBER_QUEUE)
                self.unsubscribe(subscriber)
                with contextlib.suppress(asyncio.QueueEmpty):
                    subscriber.queue.get_nowait()
                subscriber.queue.put_nowait(None)

    def close(self) -> None:
        """Tell every client the stream ends (on shutdown)."""
        for subscriber in list(self._subscribers):
            self.unsubscribe(subscriber)
            with contextlib.suppress(asyncio.QueueFull):
                subscriber.queue.put_nowait(None)


@dataclass(slots=True)
class Views:
    """Everything the API serves from: the three stores and the live broadcaster."""

    agreements: AgreementStore = field(default_factory=AgreementStore)
    countries: CountryStore = field(default_factory=CountryStore)
    relations: RelationStore = field(default_factory=RelationStore)
    live: Broadcaster = field(default_factory=Broadcaster)
    ready: bool = False

    def apply(self, topic: Topic, value: bytes | None) -> None:
        """Put one message into its store; a message that breaks its schema is logged and skipped."""
        try:
            doc = decode(value)
            validate_for(topic, doc)
        except (DecodeError, SchemaViolation) as exc:
            log.warning("skipping a bad %s message: %s", topic.value, exc)
            return
        if topic is Topic.AGREEMENTS:
            self.live.publish("agreement", self.agreements.add(doc))
        elif topic is Topic.AGREEMENT_REPORTS:
            view = self.agreements.add_report(doc)
            if view is not None:  # a report arriving after its event adds an evidence sentence
                self.live.publish("agreement", view)
        elif topic is Topic.COUNTRIES:
            self.countries.add(doc)
        elif topic is Topic.RELATIONS:
            self.relations.add(doc)


FED_TOPICS = (Topic.AGREEMENT_REPORTS, Topic.AGREEMENTS, Topic.COUNTRIES, Topic.RELATIONS)


#: Longest wait between two attempts of a failing feed.
MAX_BACKOFF = 30.0


async def run_feed(settings: Settings, views: Views, metrics: Metrics, stop: asyncio.Event) -> None:
    """Consume the event topics into ``views`` until ``stop`` is set.

    Any failure (the broker away, or a bug on one message) is logged, marks the API not ready,
    and is retried after a growing pause from where reading stopped: the message that failed is
    skipped, so one bad record cannot stall the views. ``views.ready`` is set once the stores
    hold everything that was on the topics when reading (re)started.
    """
    positions: dict[TopicPartition, int] = {}  # next offset to read, kept across restarts
    failures = 0
    while not stop.is_set():
        consumer = make_consumer(settings, group=None)
        try:
            await consumer.start()
            ends = await _assign(consumer, settings, positions)
            await _consume(consumer, settings, views, metrics, stop, _Progress(ends, positions))
        except Exception as exc:  # the views must not freeze behind a healthy /readyz
            failures = 1 if views.ready else failures + 1  # a feed that had caught up starts over at 2 s
            views.ready = False
            pause = min(MAX_BACKOFF, 2.0 ** min(failures, 5))
            _log_failure(exc, pause)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)
        finally:
            await _stop_quietly(consumer)


async def _stop_quietly(consumer: AIOKafkaConsumer) -> None:
    """Stop a consumer; a failure here must not end the feed either."""
    try:
        await consumer.stop()
    except Exception:  # logged; the next attempt makes a new consumer
        log.debug("the event feed's consumer did not stop cleanly", exc_info=True)


def _log_failure(exc: Exception, pause: float) -> None:
    if isinstance(exc, KafkaError):
        log.warning("event feed interrupted (%s); retrying in %.0f s", exc, pause)
    else:
        log.exception("event feed failed (%s: %s); resuming in %.0f s", type(exc).__name__, exc, pause)


@dataclass(slots=True)
class _Progress:
    """Where reading stands: the end offsets to reach before the views are ready, and the positions."""

    ends: dict[TopicPartition, int]
    positions: dict[TopicPartition, int]

    async def caught_up(self, consumer: AIOKafkaConsumer) -> bool:
        return all([await consumer.position(tp) >= end for tp, end in self.ends.items()])


async def _assign(
    consumer: AIOKafkaConsumer, settings: Settings, positions: dict[TopicPartition, int]
) -> dict[TopicPartition, int]:
    """Assign every partition of the fed topics (waits for the topics); start where reading stopped,
    or at the beginning. Returns the end offsets at this moment."""
    names = [settings.topics.name(t) for t in FED_TOPICS]
    assigned = await assign_all(consumer, *names, wait=_FOREVER, keep=positions)
    ends: dict[TopicPartition, int] = await consumer.end_offsets(assigned)
    return ends


async def _consume(
    consumer: AIOKafkaConsumer,
    settings: Settings,
    views: Views,
    metrics: Metrics,
    stop: asyncio.Event,
    progress: _Progress,
) -> None:
    while not stop.is_set():
        batch = await consumer.getmany(timeout_ms=250, max_records=1000)
        for tp, records in batch.items():
            topic = settings.topics.parse(tp.topic)
            for record in records:
                progress.positions[tp] = record.offset + 1  # before applying: a record that fails is skipped
                views.apply(topic, record.value)
            highwater = consumer.highwater(tp)
            if records and highwater is not None:
                metrics.record_lag(
                    f"{settings.group_prefix}-api", tp.topic, tp.partition, highwater - records[-1].offset - 1
                )
        if not views.ready and await progress.caught_up(consumer):
            views.ready = True
        await asyncio.sleep(0)
