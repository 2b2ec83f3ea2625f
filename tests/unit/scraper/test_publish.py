"""The publisher's queue is bounded: a full queue makes fetchers wait instead of dropping articles."""

from __future__ import annotations

import asyncio

from wirewatch.runtime.metrics import Metrics, ScraperMetrics
from wirewatch.runtime.settings import ScraperSettings, Settings
from wirewatch.scraper.publish import Outgoing, Publisher
from wirewatch.scraper.seen import SeenEntry, SeenSet


def _item(n: int) -> Outgoing:
    return Outgoing("feed", {"id": f"id-{n}", "html": "<p>x</p>"}, SeenEntry(1, "h"))


async def test_put_waits_when_the_queue_is_full():
    metrics = Metrics.create()
    settings = Settings(bootstrap_servers="127.0.0.1:1", scraper=ScraperSettings(queue_size=2))
    publisher = Publisher.create(settings, SeenSet(), metrics, ScraperMetrics.create(metrics.registry))
    await publisher.put(_item(1))
    await publisher.put(_item(2))
    third = asyncio.create_task(publisher.put(_item(3)))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert not third.done()  # back-pressure: nobody is sending, so the fetcher waits
    assert publisher.pending("id-3")
    assert publisher.depth == 3
    assert metrics.registry.get_sample_value("wirewatch_scraper_queue_messages") == 3
    third.cancel()


def test_seen_entries_round_trip_and_ignore_garbage():
    entry = SeenEntry(3, "abc", "2026-11-03T08:00:00Z", '"etag"', "Tue, 03 Nov 2026 08:00:00 GMT")
    assert SeenEntry.from_bytes(entry.to_bytes()) == entry
    assert SeenEntry.from_bytes(None) is None
    assert SeenEntry.from_bytes(b"not json") is None
    assert SeenEntry.from_bytes(b'{"version": "x"}') is None


def test_seen_set_touch_keeps_version_and_hash():
    seen = SeenSet({"a": SeenEntry(2, "h", "old")})
    seen.touch("a", "new")
    seen.touch("missing", "new")
    assert seen.get("a") == SeenEntry(2, "h", "new")
    assert seen.get("missing") is None
    assert len(seen) == 1
