"""Scraper figures: feed parsing and URL canonicalisation, against references measured in the same process.

References: the stdlib ElementTree parse of the same bytes (no item extraction, no safety
checks) for feeds, and ``urllib.parse.urlsplit`` for canonicalisation.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET  # the reference only; the scraper never parses feeds with it
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from wirewatch.core.feeds import parse_feed
from wirewatch.core.ids import canonical_url


def _feed(items: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {i}</title><link>https://news.example/world/{i}?utm_source=rss&amp;id={i}</link>"
        f"<pubDate>Tue, 03 Nov 2026 08:15:00 GMT</pubDate><guid>urn:story:{i}</guid></item>"
        for i in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{entries}</channel></rss>'.encode()


def _per_second(work: Callable[[], object], units: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return units / best


def run(quick: bool) -> dict[str, Any]:
    """Items/s for ``parse_feed`` and URLs/s for ``canonical_url``, each with its reference."""
    size = 200 if quick else 1000
    repeat = 3 if quick else 10
    body = _feed(size)
    parsed = _per_second(lambda: parse_feed(body, "https://news.example/rss"), size, repeat)
    reference = _per_second(lambda: ET.fromstring(body), size, repeat)
    urls = [f"https://News.Example:443/world/{i}?utm_source=rss&b=2&a={i}#top" for i in range(size)]
    canon = _per_second(lambda: [canonical_url(u) for u in urls], size, repeat)
    split = _per_second(lambda: [urlsplit(u) for u in urls], size, repeat)
    return {
        "rows": [
            {"name": "parse_feed (RSS 2.0)", "value": parsed, "unit": "items/s", "reference": reference,
             "ratio": parsed / reference},
            {"name": "canonical_url", "value": canon, "unit": "urls/s", "reference": split, "ratio": canon / split},
        ]
    }  # fmt: skip
