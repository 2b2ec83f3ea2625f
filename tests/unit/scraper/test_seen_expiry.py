"""The seen-set ledger and its expiry (``scraper/ledger.py``), on a clock the tests move and a producer
that records what it is sent.

An article no feed listed for ``seen_days`` is tombstoned and forgotten; one a feed listed in that
time, or one queued for publishing, stays; the first sweep waits one interval so every feed can be
polled first; a failed sweep changes nothing and the next one finishes the work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError

from tests.clock import DAY, FakeClock
from wirewatch.runtime.metrics import Metrics, ScraperMetrics
from wirewatch.runtime.settings import ScraperSettings, Settings
from wirewatch.scraper import link
from wirewatch.scraper.publish import Outgoing, Publisher
from wirewatch.scraper.seen import SeenEntry, SeenSet

HOUR = 3600.0
SEEN_TOPIC = "scraper.seen"


class RecordingProducer:
    """Stands in for AIOKafkaProducer: every send is acknowledged at once, unless ``fail`` is set."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.fail = False
        self.on_send: Callable[[bytes, bytes | None], None] = lambda key, value: None

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def send(self, topic: str, value: bytes | None, key: bytes) -> asyncio.Future[Any]:
        delivery: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.fail:
            delivery.set_exception(KafkaConnectionError("broker gone"))
        else:
            self.sent.append((topic, value, key))
            self.on_send(key, value)
            delivery.set_result(None)
        return delivery

    def tombstones(self) -> list[bytes]:
        return [key for topic, value, key in self.sent if topic == SEEN_TOPIC and value is None]


@pytest.fixture
def producer(monkeypatch: pytest.MonkeyPatch) -> RecordingProducer:
    recording = RecordingProducer()
    monkeypatch.setattr(link, "make_producer", lambda *args, **kwargs: recording)
    return recording


def _publisher(seen: SeenSet, seen_days: float = 1.0) -> tuple[Publisher, Metrics]:
    metrics = Metrics.create()
    settings = Settings(bootstrap_servers="127.0.0.1:1", scraper=ScraperSettings(seen_days=seen_days))
    return Publisher.create(settings, seen, metrics, ScraperMetrics.create(metrics.registry)), metrics


def _entry() -> SeenEntry:
    return SeenEntry(1, "h")


async def test_unlisted_articles_are_tombstoned_and_forgotten_listed_and_queued_ones_stay(producer):
    clock = FakeClock()
    seen = SeenSet(clock=clock)
    for key in ("listed", "unlisted", "queued"):
        seen.put(key, _entry())
    publisher, metrics = _publisher(seen)
    await publisher.put(Outgoing("feed", {"id": "queued", "html": "<p>v2</p>"}, SeenEntry(2, "h2")))

    clock.advance(DAY - 1)
    assert await publisher.expiry.sweep() == 0  # nothing is older than a day yet
    clock.advance(2)
    seen.mark_listed("listed")
    assert await publisher.expiry.sweep() == 1

    assert producer.tombstones() == [b"unlisted"]
    assert seen.get("unlisted") is None
    assert seen.get("listed") is not None
    assert seen.get("queued") is not None  # a new version in flight: never expired meanwhile
    value = metrics.registry.get_sample_value
    assert value("wirewatch_scraper_seen_articles") == 2
    assert value("wirewatch_scraper_seen_expired_total") == 1


async def test_the_first_sweep_waits_an_interval_so_every_feed_can_mark_what_it_lists(producer):
    clock = FakeClock()
    seen = SeenSet(clock=clock)
    for key in ("still-listed", "gone-from-feeds"):
        seen.put(key, _entry(), listed=clock.now - 40 * DAY)  # loaded from the topic: record times are old
    publisher, _ = _publisher(seen, seen_days=1.0)  # a sweep every hour
    stop = asyncio.Event()
    running = asyncio.create_task(publisher.run(stop))
    try:
        await asyncio.sleep(0.5)  # the loop turns every 0.2 s when idle
        assert publisher.expiry.last_sweep is None  # right after the start: the feeds have not been polled yet
        assert len(seen) == 2
        clock.advance(HOUR / 2)
        seen.mark_listed("still-listed")  # a poll
        clock.advance(HOUR / 2)
        await _until(lambda: publisher.expiry.last_sweep is not None)
        assert producer.tombstones() == [b"gone-from-feeds"]
        assert seen.get("still-listed") is not None
        first = publisher.expiry.last_sweep
        clock.advance(HOUR / 2)
        await asyncio.sleep(0.5)
        assert publisher.expiry.last_sweep == first  # the next one comes an interval later
        clock.advance(HOUR / 2)
        await _until(lambda: publisher.expiry.last_sweep != first)
    finally:
        stop.set()
        await asyncio.wait_for(running, 5)
    assert seen.get("still-listed") is not None  # listed an hour ago, kept for a day


async def test_a_failed_sweep_changes_nothing_and_the_next_one_finishes(producer):
    clock = FakeClock()
    seen = SeenSet(clock=clock)
    seen.put("old", _entry())
    publisher, metrics = _publisher(seen)
    clock.advance(2 * DAY)
    producer.fail = True
    assert await publisher.expiry.sweep() == 0  # logged, not raised: the publisher keeps delivering
    assert seen.get("old") is not None
    producer.fail = False
    assert await publisher.expiry.sweep() == 1
    assert seen.get("old") is None
    assert producer.tombstones() == [b"old"]
    assert metrics.registry.get_sample_value("wirewatch_scraper_seen_expired_total") == 1


async def test_an_article_listed_again_while_its_tombstone_is_written_gets_its_value_back(producer):
    clock = FakeClock()
    seen = SeenSet(clock=clock)
    seen.put("back", SeenEntry(3, "h3"))
    publisher, _ = _publisher(seen)
    clock.advance(2 * DAY)

    def a_poll_meanwhile(key: bytes, value: bytes | None) -> None:
        if value is None:
            seen.mark_listed(key.decode())

    producer.on_send = a_poll_meanwhile
    assert await publisher.expiry.sweep() == 0
    assert seen.get("back") == SeenEntry(3, "h3")
    written = [(key, value) for _, value, key in producer.sent]
    assert written == [(b"back", None), (b"back", SeenEntry(3, "h3").to_bytes())]  # tombstone, then the value again


async def _until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - polling the publisher's state, which has no event
            await asyncio.sleep(0.02)


async def test_the_ledger_marks_an_article_seen_only_once_kafka_has_its_entry(producer: RecordingProducer) -> None:
    clock = FakeClock()
    publisher, _ = _publisher(SeenSet(clock=clock))
    producer.fail = True
    with pytest.raises(KafkaConnectionError):
        await publisher.ledger.record([("a", _entry())])
    assert publisher.ledger.get("a") is None and len(publisher.ledger) == 0  # memory follows Kafka, never leads
    producer.fail = False
    await publisher.ledger.record([("a", _entry())])
    assert publisher.ledger.get("a") == _entry()
    assert [(topic, key) for topic, _, key in producer.sent] == [(SEEN_TOPIC, b"a")]
