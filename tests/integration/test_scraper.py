"""The scraper against a real site on loopback and the real embedded broker.

One hostile site serves good feeds beside a redirect loop, a page that never finishes, a
50 MB page, a gzip bomb, a billion-laughs feed, a malformed feed, a windows-1251 page without
a charset, robots-disallowed pages, a PDF and a link into a private network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from aiokafka import TopicPartition

from tests.clock import DAY, FakeClock
from tests.integration.scraper_harness import (
    metric,
    read_topic,
    scraper_settings,
    sources,
    wait_for,
    wait_for_metric,
)
from tests.integration.scraper_site import CYRILLIC_TEXT, Site, SiteServer
from wirewatch.contracts.schemas import violations
from wirewatch.contracts.topics import Topic
from wirewatch.core.ids import article_id, canonical_url
from wirewatch.runtime.broker import EmbeddedBroker
from wirewatch.runtime.kafka import ensure_topics, make_consumer, make_producer
from wirewatch.runtime.metrics import Metrics, ScraperMetrics
from wirewatch.scraper.fetch import Fetcher, make_client, peer_address
from wirewatch.scraper.poller import FeedPoller
from wirewatch.scraper.publish import Outgoing, Publisher
from wirewatch.scraper.seen import SeenEntry, SeenSet, read_to_end
from wirewatch.scraper.service import Scraper

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]

FETCHES = "wirewatch_scraper_fetches_total"
SKIPPED = "wirewatch_scraper_skipped_total"
PUBLISHED = "wirewatch_scraper_articles_published_total"
EXPIRED = "wirewatch_scraper_seen_expired_total"


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    """The test site, running on a free loopback port."""
    server = SiteServer(Site())
    await server.start()
    try:
        yield server.site
    finally:
        await server.stop()


async def test_hostile_feeds_are_contained_while_the_good_feed_keeps_working(broker, site):
    site.add_article("one", "First story")
    site.add_article("two", "Second story")
    settings = scraper_settings(broker)
    feeds = sources(site.url(""), "good", "hostile", "loop", "laughs", "malformed")
    metrics = Metrics.create()
    scraper = Scraper(settings, feeds, metrics)
    assert await scraper.start()
    try:
        await wait_for_metric(metrics, PUBLISHED, 1, feed="hostile")  # the windows-1251 page
        await wait_for_metric(metrics, PUBLISHED, 2, feed="good")
        await wait_for_metric(metrics, FETCHES, 1, feed="hostile", kind="page", outcome="timeout")
        await wait_for_metric(metrics, FETCHES, 1, feed="loop", kind="feed", outcome="too_many_redirects")
        await wait_for_metric(metrics, SKIPPED, 2, feed="hostile", reason="too_large")
        await wait_for_metric(metrics, SKIPPED, 1, feed="laughs", reason="unsafe_feed")
        await wait_for_metric(metrics, SKIPPED, 1, feed="malformed", reason="malformed_feed")
        site.add_article("three", "Third story")
        await wait_for_metric(metrics, PUBLISHED, 3, feed="good")
    finally:
        await scraper.stop()
    assert metric(metrics, FETCHES, feed="hostile", kind="page", outcome="too_large") >= 2  # 50 MB page, gzip bomb
    assert metric(metrics, "wirewatch_scraper_robots_refusals_total", feed="hostile") >= 1
    assert metric(metrics, SKIPPED, feed="hostile", reason="robots") >= 1
    assert metric(metrics, SKIPPED, feed="hostile", reason="content_type") >= 1
    assert metric(metrics, FETCHES, feed="hostile", kind="page", outcome="blocked_address") >= 1
    assert site.hits.get("/private/secret.html", 0) == 0
    assert metric(metrics, "wirewatch_scraper_last_success_timestamp_seconds", feed="laughs") == 0
    assert metric(metrics, "wirewatch_scraper_last_success_timestamp_seconds", feed="good") > 0

    records = await read_topic(settings, Topic.RAW)
    docs = [doc for _, doc in records]
    assert all(violations("raw-article.v1", doc) == [] for doc in docs)
    good_urls = sorted(d["url"] for d in docs if d["feed"] == "good")
    assert good_urls == sorted(site.url(f"/good/{s}.html") for s in ("one", "two", "three"))  # once each, no utm_*
    cyrillic = [d for d in docs if d["url"].endswith("cyrillic.html")]
    assert len(cyrillic) == 1
    assert CYRILLIC_TEXT in cyrillic[0]["html"]


def _keys_by_url(records) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for _, doc in records:
        out.setdefault(doc["url"], []).append(doc["version"])
    return out


async def test_conditional_get_and_restart_publish_each_article_once(broker, site):
    site.add_article("one", "First story", date="Mon, 02 Nov 2026 10:00:00 GMT")
    site.add_article("two", "Second story")
    settings = scraper_settings(broker)
    feeds = sources(site.url(""), "good")

    first = Metrics.create()
    scraper = Scraper(settings, feeds, first)
    assert await scraper.start()
    try:
        await wait_for_metric(first, PUBLISHED, 2, feed="good")
        await wait_for_metric(first, FETCHES, 2, feed="good", kind="feed", outcome="not_modified")
    finally:
        await scraper.stop()
    assert metric(first, PUBLISHED, feed="good") == 2
    assert site.hits["/good/one.html"] == 1  # a 304 feed is not parsed again, its articles not refetched

    second = Metrics.create()  # a restart: new process state, same topics
    scraper = Scraper(settings, feeds, second)
    assert await scraper.start()
    try:
        await wait_for_metric(second, SKIPPED, 2, feed="good", reason="seen")
        site.add_article("three", "Third story")
        site.pages["/good/one.html"] = site.pages["/good/one.html"].replace("</p>", " Updated with reactions.</p>")
        site.items[0] = (site.items[0][0], site.items[0][1], "Mon, 02 Nov 2026 11:30:00 GMT")
        await wait_for_metric(second, PUBLISHED, 2, feed="good")
    finally:
        await scraper.stop()
    assert metric(second, PUBLISHED, feed="good") == 2  # the new article and the new version, nothing else

    versions = _keys_by_url(await read_topic(settings, Topic.RAW))
    assert versions == {
        site.url("/good/one.html"): [1, 2],
        site.url("/good/two.html"): [1],
        site.url("/good/three.html"): [1],
    }
    keys = {key for key, doc in await read_topic(settings, Topic.RAW) if doc["url"].endswith("one.html")}
    assert len(keys) == 1  # a new version keeps the article's key


async def test_429_with_retry_after_and_503_are_retried(broker, site):
    site.failures_before_success["/ratelimited/feed.xml"] = 2
    site.failures_before_success["/flaky/feed.xml"] = 2
    settings = scraper_settings(broker)
    metrics = Metrics.create()
    scraper = Scraper(settings, sources(site.url(""), "ratelimited", "flaky"), metrics)
    assert await scraper.start()
    try:
        await wait_for_metric(metrics, PUBLISHED, 1, feed="ratelimited")
        await wait_for_metric(metrics, PUBLISHED, 1, feed="flaky")
    finally:
        await scraper.stop()
    for feed in ("ratelimited", "flaky"):
        assert metric(metrics, "wirewatch_scraper_retries_total", feed=feed) == 2
        assert metric(metrics, FETCHES, feed=feed, kind="feed", outcome="ok") >= 1
        assert site.hits[f"/{feed}/story.html"] == 1
    assert metric(metrics, FETCHES, feed="flaky", kind="feed", outcome="http_error") == 0


async def test_broker_outage_loses_nothing(site):
    broker = EmbeddedBroker()
    await broker.start()
    settings = scraper_settings(broker.bootstrap, send_timeout=2.0, queue_size=2)
    metrics = Metrics.create()
    site.add_article("before", "Before the outage")
    scraper = Scraper(settings, sources(site.url(""), "good", interval=0.2), metrics)
    assert await scraper.start()
    try:
        await wait_for_metric(metrics, PUBLISHED, 1, feed="good")
        await asyncio.to_thread(broker.stop)
        for n in range(4):
            site.add_article(f"during-{n}", f"During the outage {n}")
        await wait_for_metric(metrics, "wirewatch_scraper_queue_messages", 2)
        assert metric(metrics, PUBLISHED, feed="good") == 1
        await wait_for(lambda: not scraper.ready, "readiness reports the outage")
        broker = EmbeddedBroker(port=broker.port)  # memory storage: it comes back empty
        await broker.start()
        await wait_for_metric(metrics, PUBLISHED, 5, feed="good", timeout=60)
        await scraper.stop()
        records = await read_topic(settings, Topic.RAW)
        assert sorted({doc["url"] for _, doc in records}) == sorted(
            site.url(f"/good/during-{n}.html") for n in range(4)
        )
        # At-least-once: a retry may repeat an article the broker stored without answering, never a new version.
        assert len({(key, doc["version"]) for key, doc in records}) == 4
        assert metric(metrics, "wirewatch_scraper_queue_messages") == 0
    finally:
        await scraper.stop()
        await asyncio.to_thread(broker.stop)


async def test_atom_json_feed_and_news_sitemap_index_are_polled(broker, site):
    settings = scraper_settings(broker)
    metrics = Metrics.create()
    scraper = Scraper(settings, sources(site.url(""), "atom", "json", "sitemap"), metrics)
    assert await scraper.start()
    try:
        for feed in ("atom", "json", "sitemap"):
            await wait_for_metric(metrics, PUBLISHED, 1, feed=feed)
    finally:
        await scraper.stop()
    docs = {doc["feed"]: doc for _, doc in await read_topic(settings, Topic.RAW)}
    assert docs["atom"]["url"] == site.url("/atom/story.html")
    assert (docs["atom"]["lang"], docs["atom"]["published"]) == ("fr", None)
    assert docs["json"]["url"] == site.url("/json/story.html")
    assert (docs["sitemap"]["title"], docs["sitemap"]["lang"]) == ("Gipfel", "de")
    assert docs["sitemap"]["published"] == "2026-11-03T00:00:00Z"
    assert all(doc["tags"] == ["test"] and doc["version"] == 1 for doc in docs.values())


async def test_a_long_retry_after_defers_the_feed_instead_of_waiting(site):
    settings = scraper_settings("127.0.0.1:1")  # no broker needed: nothing gets published
    metrics = Metrics.create()
    scraper_metrics = ScraperMetrics.create(metrics.registry)
    source = sources(site.url(""), "slowdown").feeds[0]
    async with make_client(settings.scraper) as client:
        fetcher = Fetcher(settings.scraper, scraper_metrics, client)
        publisher = Publisher.create(settings, SeenSet(), metrics, scraper_metrics)
        poller = FeedPoller(source, fetcher, publisher, publisher.ledger, scraper_metrics)
        deferred = await poller.poll_once()
    assert deferred == 3600.0  # the next poll waits an hour, as the server asked
    assert metric(metrics, FETCHES, feed="slowdown", kind="feed", outcome="rate_limited") == 1
    assert metric(metrics, "wirewatch_scraper_retries_total", feed="slowdown") == 0


async def test_an_article_that_failed_for_a_passing_reason_is_fetched_again(broker, site):
    path = site.add_article("shaky", "Server trouble")
    site.failures_before_success[path] = 3  # the first fetch gives up after its 2 retries
    settings = scraper_settings(broker)
    metrics = Metrics.create()
    scraper = Scraper(settings, sources(site.url(""), "good"), metrics)
    assert await scraper.start()
    try:
        await wait_for_metric(metrics, PUBLISHED, 1, feed="good")
    finally:
        await scraper.stop()
    assert metric(metrics, SKIPPED, feed="good", reason="fetch_failed") == 1
    assert metric(metrics, FETCHES, feed="good", kind="page", outcome="http_error") == 1
    assert site.hits[path] == 4
    assert [doc["url"] for _, doc in await read_topic(settings, Topic.RAW)] == [site.url(path)]


async def test_the_peer_address_is_known_for_the_rebinding_check(site):
    settings = scraper_settings("127.0.0.1:1")
    async with make_client(settings.scraper) as client, client.stream("GET", site.url("/robots.txt")) as response:
        assert peer_address(response) == ipaddress.ip_address("127.0.0.1")


async def test_unreadable_links_cost_their_items_not_the_feed(broker, site):
    site.items.append(("http://[bad/x", "Unclosed IPv6 bracket", None))
    site.items.append(("http://example.com:99999/x", "Port out of range", None))
    path = site.add_article("fine", "A readable link")
    settings = scraper_settings(broker)
    metrics = Metrics.create()
    scraper = Scraper(settings, sources(site.url(""), "good"), metrics)
    assert await scraper.start()
    try:
        await wait_for_metric(metrics, PUBLISHED, 1, feed="good")
        await wait_for_metric(metrics, SKIPPED, 2, feed="good", reason="malformed_feed")
    finally:
        await scraper.stop()
    assert metric(metrics, "wirewatch_scraper_last_success_timestamp_seconds", feed="good") > 0
    assert [doc["url"] for _, doc in await read_topic(settings, Topic.RAW)] == [site.url(path)]


def _outgoing(slug: str, html: str) -> Outgoing:
    document = {"id": slug, "html": html, "url": f"https://news.example/{slug}", "feed": "good", "version": 1}
    return Outgoing("good", document, SeenEntry(1, slug, None, None, None))


async def test_an_article_kafka_refuses_for_good_is_skipped_and_the_rest_delivered(broker):
    settings = scraper_settings(broker)
    await ensure_topics(settings)
    metrics = Metrics.create()
    seen = SeenSet()
    publisher = Publisher.create(settings, seen, metrics, ScraperMetrics.create(metrics.registry))
    stop = asyncio.Event()
    sender = asyncio.create_task(publisher.run(stop))
    try:
        await publisher.put(_outgoing("huge", "x" * (9 * 1024 * 1024)))  # above the 8 MiB max_request_size
        await publisher.put(_outgoing("small", "<p>fits</p>"))
        await wait_for_metric(metrics, PUBLISHED, 1, feed="good")
        await wait_for_metric(metrics, SKIPPED, 1, feed="good", reason="too_large")
        await publisher.put(_outgoing("after", "<p>the queue still moves</p>"))
        await wait_for_metric(metrics, PUBLISHED, 2, feed="good")
    finally:
        stop.set()
        await asyncio.wait_for(sender, 30)
    assert publisher.depth == 0
    assert seen.get("huge") is None  # not marked seen: a later, smaller version is still picked up
    assert seen.get("small") is not None
    assert sorted(doc["id"] for _, doc in await read_topic(settings, Topic.RAW)) == ["after", "small"]


async def test_the_seen_set_load_ends_when_a_partition_has_nothing_left_to_read(broker):
    settings = replace(scraper_settings(broker), partitions=2)
    await ensure_topics(settings)
    topic = settings.topics.name(Topic.SCRAPER_SEEN)
    producer = make_producer(settings)
    await producer.start()
    try:
        for partition, key in ((0, b"gone"), (1, b"kept")):
            entry = SeenEntry(1, key.decode(), None, None, None)
            await (await producer.send(topic, entry.to_bytes(), key=key, partition=partition))
    finally:
        await producer.stop()
    consumer = make_consumer(settings)
    await consumer.start()
    try:
        parts = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
        consumer.assign(parts)
        await consumer.seek_to_beginning(parts[1])
        ends = await consumer.end_offsets(parts)
        consumer.seek(parts[0], ends[parts[0]])  # end offset 1, nothing left to read: as after compaction
        async with asyncio.timeout(20):
            seen = await read_to_end(consumer, ends)
    finally:
        await consumer.stop()
    assert seen.get("kept") is not None
    assert seen.get("gone") is None


async def test_an_article_no_feed_lists_expires_and_one_still_listed_is_never_republished(broker, site):
    """Seen-set expiry end to end on a clock the test moves (a day's retention passes in a few polls)."""
    site.add_article("kept", "Still listed")
    site.add_article("dropped", "Leaves the feed")
    kept, dropped = (article_id(canonical_url(site.url(f"/good/{slug}.html"))) for slug in ("kept", "dropped"))
    settings = scraper_settings(broker, seen_days=1.0)  # swept every clock hour
    feeds = sources(site.url(""), "good")
    clock = FakeClock(time.time())  # starts at the real time: loaded entries are listed at their record times

    first = Metrics.create()
    scraper = Scraper(settings, feeds, first, clock)
    assert await scraper.start()
    seen = scraper.seen
    assert seen is not None
    try:
        await wait_for_metric(first, PUBLISHED, 2, feed="good")
        site.items.pop()  # "dropped" leaves the feed
        await wait_for_metric(first, SKIPPED, 1, feed="good", reason="seen")  # the feed read without it
        clock.advance(DAY / 2)
        # The feed has not changed since: only a 304 can mark what it still lists.
        await wait_for(lambda: seen.listed_at(kept) == clock.now, "a 304 poll marks the article still listed", 10)
        clock.advance(DAY / 2 + 3600)
        await wait_for_metric(first, EXPIRED, 1)
        assert seen.get(dropped) is None
        assert seen.get(kept) is not None
        assert metric(first, "wirewatch_scraper_seen_articles") == 1
    finally:
        await scraper.stop()
    values = [doc for key, doc in await read_topic(settings, Topic.SCRAPER_SEEN) if key == dropped.encode()]
    assert values[-1] is None  # a tombstone: compaction reclaims the article

    clock.advance(2 * DAY)  # a restart days later: every record on the seen topic is older than the retention
    feed = "/good/feed.xml"
    second = Metrics.create()
    scraper = Scraper(settings, feeds, second, clock)
    assert await scraper.start()
    seen = scraper.seen
    assert seen is not None and scraper.publisher is not None
    publisher = scraper.publisher
    try:
        assert seen.get(dropped) is None  # the tombstone was read back
        assert seen.get(kept) is not None
        assert metric(second, "wirewatch_scraper_seen_articles") == 1
        site.add_article("dropped", "Leaves the feed")  # back in the feed: forgotten, so published again
        # The feed fails its first two polls, so that a sweep at the start would come before any poll marked
        # "kept": it would expire, since its record is two days old, and be published again.
        site.failures_before_success[feed] = site.hits[feed] + 6
        await wait_for(lambda: seen.listed_at(kept) == clock.now, "the first poll marks the article still listed")
        clock.advance(3600)  # the first sweep, only now that the feed was polled
        await wait_for(lambda: publisher.expiry.last_sweep is not None, "the first sweep")
        await wait_for_metric(second, PUBLISHED, 1, feed="good")
    finally:
        await scraper.stop()
    assert metric(second, EXPIRED) == 0
    assert metric(second, PUBLISHED, feed="good") == 1  # "dropped" again; "kept" loaded old but never expired
    assert _keys_by_url(await read_topic(settings, Topic.RAW)) == {
        site.url("/good/kept.html"): [1],
        site.url("/good/dropped.html"): [1, 1],
    }
