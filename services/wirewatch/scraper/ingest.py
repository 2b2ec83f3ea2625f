"""Publish file items to ``articles.raw`` (``wirewatch ingest``), with delivery confirmation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin, dead_letter
from wirewatch.contracts.schemas import violations
from wirewatch.contracts.topics import Topic
from wirewatch.core.errors import ErrorKind
from wirewatch.runtime.kafka import make_producer
from wirewatch.runtime.outputs import utc_now
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.files import FileItem


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    published: int = 0
    deadlettered: int = 0
    skipped: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)


async def publish_items(
    settings: Settings, items: Iterable[FileItem], on_item: Callable[[FileItem], None] | None = None
) -> IngestSummary:
    """Send each item to ``articles.raw`` (or, when unreadable, to ``deadletter``) and wait for the acks."""
    summary = IngestSummary()
    raw_topic = settings.topics.name(Topic.RAW)
    dead_topic = settings.topics.name(Topic.DEADLETTER)
    producer = make_producer(settings)
    await producer.start()
    try:
        pending: list[asyncio.Future[object]] = []
        for item in items:
            if item.skipped is not None:
                summary.skipped += 1
                if on_item:
                    on_item(item)
                continue
            problems = violations("raw-article.v1", item.document) if item.document is not None else []
            if item.document is None or problems:
                reason = item.error or "; ".join(problems[:3])
                kind = item.error_kind or ErrorKind.SCHEMA_INVALID  # a readable item that breaks the schema
                letter = dead_letter("ingest", kind, f"{item.source}: {reason}", item.original, Origin(), utc_now())
                pending.append(await producer.send(dead_topic, encode(letter), key=b""))
                summary.deadlettered += 1
                summary.errors.append(f"{item.source}: {reason}")
            else:
                value = encode(item.document)
                pending.append(await producer.send(raw_topic, value, key=item.document["id"].encode()))
                summary.published += 1
                summary.bytes += len(value)
            if on_item:
                on_item(item)
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return summary
