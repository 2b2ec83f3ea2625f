"""robots.txt rules and their cache."""

from __future__ import annotations

from wirewatch.scraper.robots import RobotsAnswer, RobotsCache, rules_from

UA = "Wirewatch/0.1 (news research crawler)"
ROBOTS = "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: Wirewatch\nDisallow: /no-bots/\n"


def test_rules_for_our_agent():
    rules = rules_from(RobotsAnswer(200, ROBOTS), UA)
    assert not rules.allows("https://x.example/no-bots/a", UA)
    assert rules.allows("https://x.example/news/a", UA)


def test_crawl_delay_is_read_and_capped():
    rules = rules_from(RobotsAnswer(200, "User-agent: *\nCrawl-delay: 5\n"), UA)
    assert rules.crawl_delay == 5.0
    assert rules_from(RobotsAnswer(200, "User-agent: *\nCrawl-delay: 86400\n"), UA).crawl_delay == 60.0


def test_status_handling_follows_rfc_9309():
    assert rules_from(RobotsAnswer(404), UA).allows("https://x.example/any", UA)
    assert rules_from(RobotsAnswer(403), UA).allows("https://x.example/any", UA)
    assert not rules_from(RobotsAnswer(503), UA).allows("https://x.example/any", UA)


async def test_cache_fetches_once_per_origin():
    calls: list[str] = []

    async def load(url: str, feed: str) -> RobotsAnswer:
        assert feed == "f"
        calls.append(url)
        return RobotsAnswer(200, ROBOTS)

    cache = RobotsCache(load, UA, ttl=3600)
    for _ in range(3):
        await cache.rules("https://x.example", "f")
    await cache.rules("https://y.example", "f")
    assert calls == ["https://x.example/robots.txt", "https://y.example/robots.txt"]
