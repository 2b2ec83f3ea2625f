"""Wire the aggregator to Kafka as a Faust app (``wirewatch aggregate``).

Two agents:

1. ``wirewatch.aggregator`` reads ``articles.tagged``, produces ``events.countries`` and sends one
   contribution per country pair to the internal repartition topic, keyed by the pair, so all
   of a pair's contributions meet on one partition whichever worker tagged the article.
2. ``wirewatch.relations`` reads that topic, keeps the open windows in the Faust table
   ``relation-windows`` (changelog-backed, see ``aggregator.windows``) and produces one
   ``events.relations`` message per window when it closes.

A timer sends a clock tick to every partition of the repartition topic, so windows close on an
idle stream too (a partition counts as idle after ``WIREWATCH_WINDOW_LATENESS`` seconds).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable

import faust

from wirewatch.aggregator.handler import Aggregation, AggregatorHandler
from wirewatch.aggregator.windows import Step, TableWindows
from wirewatch.contracts.aggregates import (
    AGREEMENT_STATUSES,
    contribution_from_wire,
    contribution_to_wire,
    parse_time,
    relation_event,
)
from wirewatch.contracts.codec import DecodeError, decode, encode
from wirewatch.contracts.deadletter import Origin, dead_letter
from wirewatch.contracts.topics import Topic, TopicNames
from wirewatch.core.errors import ErrorKind
from wirewatch.runtime.faust_app import complete_batch, consumer_lag, make_faust_app, run_worker
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.outputs import sized_outputs, utc_now
from wirewatch.runtime.settings import Settings

log = logging.getLogger(__name__)

#: The agreement types the watch-list alert is about; their counters start at 0 for watched countries.
WATCHED_TYPES = ("military", "security", "nuclear")


def repartition_topic(settings: Settings) -> str:
    """The internal topic of pair contributions (named like Faust's own internal topics)."""
    return f"{settings.topic_prefix}{settings.group_prefix}-{Stage.AGGREGATOR.value}-relation-parts"


def main(settings: Settings) -> None:
    """Run the aggregator until stopped."""
    metrics = Metrics.create()
    metrics.watch(settings.watchlist, WATCHED_TYPES, AGREEMENT_STATUSES)
    app = make_faust_app(settings, Stage.AGGREGATOR)
    install(app, settings, metrics)
    run_worker(app, settings, Stage.AGGREGATOR, metrics)


def install(app: faust.App, settings: Settings, metrics: Metrics) -> None:
    """Register both agents, the table and the tick timer on ``app``."""
    names = settings.topics
    parts = app.topic(
        repartition_topic(settings),
        partitions=settings.partitions,
        internal=True,
        key_serializer="raw",
        value_serializer="raw",
    )
    sinks = {t: _raw_topic(app, names.name(t)) for t in (Topic.COUNTRIES, Topic.RELATIONS, Topic.DEADLETTER)}
    handler = AggregatorHandler()
    group = f"{settings.group_prefix}-{Stage.AGGREGATOR.value}"

    async def aggregate_batch(events: list[faust.EventT[bytes]]) -> None:
        pending: list[tuple[str, Awaitable[object]]] = []
        done: list[Aggregation] = []
        for event in events:
            done.append(await _aggregate_one(event, handler, sinks, parts, metrics, pending))
            metrics.record_lag(group, event.message.topic, event.message.partition, consumer_lag(app, event.message))
            await asyncio.sleep(0)
        # Delivery confirmed before take_events acks this batch's offsets.
        await asyncio.gather(*(fut for _, fut in pending))
        _record_delivered(metrics, pending, done, names)

    async def aggregate(stream: faust.StreamT[bytes]) -> None:
        metrics.record_up(Stage.AGGREGATOR, True)
        async for events in stream.take_events(  # type: ignore[attr-defined]  # StreamT lacks it; Stream has it
            settings.batch_size, within=settings.batch_within
        ):
            await complete_batch(aggregate_batch(events))

    app.agent(_raw_topic(app, names.name(Topic.TAGGED)), name="wirewatch.aggregator")(aggregate)
    _install_relations(app, settings, metrics, parts, sinks, group)


def _raw_topic(app: faust.App, name: str) -> faust.TopicT:
    return app.topic(name, key_serializer="raw", value_serializer="raw")


async def _aggregate_one(
    event: faust.EventT[bytes],
    handler: AggregatorHandler,
    sinks: dict[Topic, faust.TopicT],
    parts: faust.TopicT,
    metrics: Metrics,
    pending: list[tuple[str, Awaitable[object]]],
) -> Aggregation:
    msg = event.message
    started, now = time.perf_counter(), utc_now()
    origin = Origin(msg.topic, msg.partition, msg.offset, msg.key)
    result = handler.handle(event.value, origin, now, time.time())
    error_kind, encoded = sized_outputs(result.outcome, Stage.AGGREGATOR, event.value, origin, now)
    if error_kind is not None:
        metrics.record_failed(Stage.AGGREGATOR, error_kind)
        if not result.outcome.failed:  # an oversized event: the article's news is not counted either
            result = Aggregation(result.outcome)
    else:
        metrics.record_processed(Stage.AGGREGATOR, time.perf_counter() - started, time.time())
    for out, data in encoded:
        sink = sinks[out.topic]
        pending.append(
            (sink.get_topic_name(), await sink.send(key=out.key, value=data, headers=out.headers, force=True))
        )
    for contribution in result.contributions:
        value = encode(contribution_to_wire(contribution))
        pending.append(
            (parts.get_topic_name(), await parts.send(key=contribution.key.encode(), value=value, force=True))
        )
    return result


def _record_delivered(
    metrics: Metrics, pending: list[tuple[str, Awaitable[object]]], done: list[Aggregation], names: TopicNames
) -> None:
    """Count produced messages and the news they carry, once the broker has acknowledged them."""
    countries_topic, agreements_topic = names.name(Topic.COUNTRIES), names.name(Topic.AGREEMENTS)
    for topic_name, _ in pending:
        metrics.record_produced(topic_name)
    now = time.time()
    for result in done:
        article = result.article
        if article is None:
            continue
        for country in article.get("countries", []):
            metrics.record_country(country["code"])
        for agreement in article.get("agreements", []):  # wirewatch_agreements_total is the tagger's
            metrics.record_agreement_event(agreement["type"], agreement["status"], tuple(agreement["parties"]))
        for contribution in result.contributions:
            metrics.record_pair(*contribution.pair)
        fetched = parse_time(article.get("fetched_at"))
        if fetched is None:
            continue  # a file or a backfill: nothing was fetched, so there is no fetch-to-event latency
        metrics.record_end_to_end(countries_topic, now - fetched)
        tagged = parse_time(article.get("tagged_at"))
        if article.get("agreements") and tagged is not None:
            # the tagger produced the agreement reports when it tagged the article
            metrics.record_end_to_end(agreements_topic, tagged - fetched)


def _install_relations(
    app: faust.App,
    settings: Settings,
    metrics: Metrics,
    parts: faust.TopicT,
    sinks: dict[Topic, faust.TopicT],
    group: str,
) -> None:
    """The relations agent, its table and the tick timer."""
    sink, dead = sinks[Topic.RELATIONS], sinks[Topic.DEADLETTER]
    table = app.Table(
        "relation-windows",
        default=None,
        partitions=settings.partitions,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
    )
    windows = TableWindows(table, settings.window_lateness)

    async def relate_one(event: faust.EventT[bytes]) -> None:
        partition = event.message.partition
        try:
            doc = decode(event.value)
            if "tick" in doc:
                step = windows.tick(partition, float(doc["tick"]), time.time())
            else:
                step = windows.add(partition, contribution_from_wire(doc), time.time())
        except (DecodeError, KeyError, TypeError, ValueError) as exc:
            # Only this service writes the topic, so this is a bug or a foreign producer: the
            # message goes to the dead letters, where it can be read and replayed, and relating goes on.
            log.error("dead-lettering a malformed message on %s: %s", event.message.topic, exc)
            kind = exc.kind if isinstance(exc, DecodeError) else ErrorKind.SCHEMA_INVALID
            msg = event.message
            origin = Origin(msg.topic, msg.partition, msg.offset, msg.key)
            letter = dead_letter(Stage.AGGREGATOR.value, kind, f"a relation part: {exc!r}", event.value or b"", origin,
                                 utc_now())  # fmt: skip
            await (await dead.send(key=msg.key or b"", value=encode(letter), force=True))
            metrics.record_failed(Stage.AGGREGATOR, kind)
            metrics.record_produced(dead.get_topic_name())
            return
        await _emit(step, sink, metrics)
        windows.forget(partition, step.closed)
        metrics.record_lag(group, event.message.topic, partition, consumer_lag(app, event.message))

    async def relate(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await complete_batch(relate_one(event))

    app.agent(parts, name="wirewatch.relations")(relate)

    async def tick() -> None:
        value = encode({"tick": time.time()})
        for partition in range(settings.partitions):
            await parts.send(key=b"tick", value=value, partition=partition, force=True)

    app.timer(interval=max(1.0, min(settings.window_lateness / 2, 15.0)))(tick)


async def _emit(step: Step, sink: faust.TopicT, metrics: Metrics) -> None:
    """Produce the events of the closed windows and wait for the broker to acknowledge them."""
    for window in step.late:
        metrics.record_late(window)
    futures = []
    for closed in step.closed:
        doc, headers = relation_event(closed, utc_now())
        futures.append(
            await sink.send(key=",".join(closed.key.pair).encode(), value=encode(doc), headers=headers, force=True)
        )
    await asyncio.gather(*futures)
    for closed in step.closed:
        metrics.record_window_closed(closed.key.name)
        metrics.record_produced(sink.get_topic_name())
