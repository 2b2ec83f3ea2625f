"""Read a topic from the start or from now (``wirewatch tail``), without joining a consumer group."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from wirewatch.runtime.kafka import assign_all, make_consumer
from wirewatch.runtime.settings import Settings


@dataclass(frozen=True, slots=True)
class TailFilter:
    """Which messages ``wirewatch tail`` prints; every field set must match (``None``: any).

    ``country`` matches an agreement's parties, a relation's pair, a country event's country or
    a tagged article's countries; ``type`` an agreement's type or a relation with agreements of
    that type; ``status`` an agreement's status. A message that is not a JSON object never matches
    a filter.
    """

    country: str | None = None
    type: str | None = None
    status: str | None = None

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any((self.country, self.type, self.status))

    def matches(self, value: bytes | None) -> bool:
        """Whether the raw message passes."""
        if not self.active:
            return True
        try:
            doc = orjson.loads(value or b"null")
        except orjson.JSONDecodeError:
            return False
        return isinstance(doc, dict) and self._country(doc) and self._type(doc) and self._status(doc)

    def _country(self, doc: dict[str, Any]) -> bool:
        if self.country is None:
            return True
        codes = set(doc.get("parties") or ()) | {doc.get("country")}
        for country in doc.get("countries") or ():  # codes in a relation, tags in a tagged article
            codes.add(country.get("code") if isinstance(country, dict) else country)
        codes |= {p for a in doc.get("agreements") or () if isinstance(a, dict) for p in a.get("parties", ())}
        return self.country in codes

    def _type(self, doc: dict[str, Any]) -> bool:
        if self.type is None:
            return True
        agreements = doc.get("agreements")
        if isinstance(agreements, dict):  # a relation event: counts by type
            return self.type in agreements
        if isinstance(agreements, list):  # a tagged article
            return any(isinstance(a, dict) and a.get("type") == self.type for a in agreements)
        return doc.get("type") == self.type

    def _status(self, doc: dict[str, Any]) -> bool:
        if self.status is None:
            return True
        agreements = doc.get("agreements")
        if isinstance(agreements, list):
            return any(isinstance(a, dict) and a.get("status") == self.status for a in agreements)
        return doc.get("status") == self.status


async def tail_topic(
    settings: Settings,
    topic: str,
    from_beginning: bool,
    max_messages: int | None,
    idle_timeout: float | None,
    emit: Callable[[bytes | None], None],
    wanted: TailFilter | None = None,
) -> int:
    """Call ``emit`` with each matching message value; stop after ``max_messages`` or ``idle_timeout`` idle seconds."""
    wanted = wanted or TailFilter()
    consumer = make_consumer(settings, group=None)
    await consumer.start()
    count = 0
    try:
        if not await assign_all(consumer, topic, from_beginning=from_beginning):
            raise SystemExit(f"topic {topic!r} does not exist")
        last = time.monotonic()
        while max_messages is None or count < max_messages:
            batch = await consumer.getmany(timeout_ms=200, max_records=500)
            records = [r for rs in batch.values() for r in rs]
            if records:
                last = time.monotonic()
            for record in records:
                if not wanted.matches(record.value):
                    continue
                emit(record.value)
                count += 1
                if max_messages is not None and count >= max_messages:
                    break
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                break
    finally:
        await consumer.stop()
    return count
