"""Pure helpers of the poll loop, and what a poll tells the seen set (with a fake fetcher, no network)."""

from __future__ import annotations

from tests.clock import DAY, FakeClock
from wirewatch.core.feeds import FeedItem
from wirewatch.core.ids import article_id
from wirewatch.runtime.metrics import FetchKind, FetchOutcome, Metrics, ScraperMetrics
from wirewatch.runtime.settings import Settings
from wirewatch.scraper.config import FeedSource
from wirewatch.scraper.fetch import Fetched, FetchFailed, Validators
from wirewatch.scraper.poller import FeedPoller, content_hash, newest_first
from wirewatch.scraper.publish import Publisher
from wirewatch.scraper.seen import SeenEntry, SeenSet


def test_sitemap_items_are_looked_atnewest_first():
    items = [
        FeedItem("https://x.example/old", published="2026-11-01T08:00:00Z"),
        FeedItem("https://x.example/undated"),
        FeedItem("https://x.example/new", published="2026-11-03T08:00:00Z", updated="2026-11-03T09:00:00Z"),
        FeedItem("https://x.example/mid", updated="2026-11-02T08:00:00Z"),
    ]
    assert [i.url.rsplit("/", 1)[1] for i in newest_first(items)] == ["new", "mid", "old", "undated"]


def test_content_hash_tells_versions_apart():
    assert content_hash("<p>a</p>") == content_hash("<p>a</p>")
    assert content_hash("<p>a</p>") != content_hash("<p>b</p>")
    assert len(content_hash("x")) == 32


class FeedOnlyFetcher:
    """Serves one RSS body, then 304s; every article page fails (the poller must not need them)."""

    def __init__(self, body: str) -> None:
        self.body = body.encode()
        self.feed_fetches = 0

    async def fetch(self, url: str, feed: str, kind: FetchKind, validators: Validators | None = None) -> Fetched:
        if kind is FetchKind.PAGE:
            raise FetchFailed(FetchOutcome.TIMEOUT, "page fetches fail in this test")
        self.feed_fetches += 1
        if self.feed_fetches > 1:
            return Fetched(url, 304, b"", None, '"v1"', None)
        return Fetched(url, 200, self.body, "application/rss+xml", '"v1"', None)


def _rss(*items: str) -> str:
    entries = "".join(items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


async def test_a_poll_marks_what_the_feed_lists_even_unchanged_or_failing_and_a_304_marks_it_again():
    clock = FakeClock()
    long_ago = clock.now - 10 * DAY
    ids = {name: article_id(f"https://news.example/{name}") for name in ("same", "redated", "dropped")}
    seen = SeenSet(clock=clock)
    seen.put(ids["same"], SeenEntry(1, "h"), listed=long_ago)
    seen.put(ids["redated"], SeenEntry(1, "h", stamp="an older date"), listed=long_ago)
    seen.put(ids["dropped"], SeenEntry(1, "h"), listed=long_ago)
    fetcher = FeedOnlyFetcher(
        _rss(
            "<item><link>https://news.example/same</link></item>",  # already seen, same stamp: skipped
            "<item><link>https://news.example/redated</link><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>",
        )
    )
    metrics = Metrics.create()
    scraper_metrics = ScraperMetrics.create(metrics.registry)
    publisher = Publisher.create(Settings(bootstrap_servers="127.0.0.1:1"), seen, metrics, scraper_metrics)
    source = FeedSource("news", "https://news.example/feed.xml")
    poller = FeedPoller(source, fetcher, publisher, publisher.ledger, scraper_metrics)  # type: ignore[arg-type]

    await poller.poll_once()
    assert seen.listed_at(ids["same"]) == clock.now
    assert seen.listed_at(ids["redated"]) == clock.now  # its page failed, but the feed still lists it
    assert seen.listed_at(ids["dropped"]) == long_ago
    assert publisher.depth == 0

    clock.now += DAY
    await poller.poll_once()  # 304: the feed lists what it listed before
    assert fetcher.feed_fetches == 2
    assert seen.listed_at(ids["same"]) == seen.listed_at(ids["redated"]) == clock.now
    assert seen.unlisted_since(clock.now) == [ids["dropped"]]
