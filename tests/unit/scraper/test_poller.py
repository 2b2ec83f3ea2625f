"""Pure helpers of the poll loop."""

from __future__ import annotations

from wirewatch.core.feeds import FeedItem
from wirewatch.scraper.poller import content_hash, newest_first


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
