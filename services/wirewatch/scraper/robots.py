"""robots.txt, fetched once per origin and cached: allow/disallow and Crawl-delay (RFC 9309).

Status handling follows RFC 9309: 2xx is parsed, 4xx means no rules (everything allowed), 5xx
means everything is disallowed for a short while. A connection failure is not cached: the
caller's own request will fail the same way and be counted as what it is.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

_UNAVAILABLE_TTL = 300.0
_MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True, slots=True)
class RobotsAnswer:
    """What ``/robots.txt`` returned: an HTTP status and its text (empty unless 2xx)."""

    status: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one origin for our user agent."""

    parser: RobotFileParser | None
    disallow_all: bool = False
    crawl_delay: float = 0.0

    def allows(self, url: str, user_agent: str) -> bool:
        """Whether ``url`` may be fetched."""
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(user_agent, url)


def rules_from(answer: RobotsAnswer, user_agent: str) -> RobotsRules:
    """Turn a robots.txt answer into rules (pure; exposed for tests)."""
    if 400 <= answer.status < 500:
        return RobotsRules(None)
    if answer.status >= 500 or answer.status < 200:
        return RobotsRules(None, disallow_all=True)
    parser = RobotFileParser()
    parser.parse(answer.text.splitlines())
    delay = parser.crawl_delay(user_agent)
    return RobotsRules(parser, crawl_delay=min(float(delay or 0.0), _MAX_CRAWL_DELAY))


class RobotsCache:
    """Rules per origin (``scheme://host:port``), fetched through ``load`` and kept ``ttl`` seconds."""

    def __init__(self, load: Callable[[str, str], Awaitable[RobotsAnswer]], user_agent: str, ttl: float) -> None:
        self._load = load
        self._user_agent = user_agent
        self._ttl = ttl
        self._cache: dict[str, tuple[float, RobotsRules]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules(self, origin: str, feed: str) -> RobotsRules:
        """The rules for ``origin``; one fetch at a time per origin, however many callers wait.

        ``feed`` names the feed whose request needs the rules (the fetch is counted under it).
        """
        cached = self._fresh(origin)
        if cached is not None:
            return cached
        async with self._locks.setdefault(origin, asyncio.Lock()):
            cached = self._fresh(origin)
            if cached is not None:
                return cached
            answer = await self._load(f"{origin}/robots.txt", feed)
            rules = rules_from(answer, self._user_agent)
            ttl = _UNAVAILABLE_TTL if rules.disallow_all else self._ttl
            self._cache[origin] = (time.monotonic() + ttl, rules)
            return rules

    def _fresh(self, origin: str) -> RobotsRules | None:
        entry = self._cache.get(origin)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]
