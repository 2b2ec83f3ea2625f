"""Helpers for the scraper's integration tests: settings, sources, reading topics back, waiting on metrics."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import orjson

from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import assign_all, make_consumer
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import ScraperSettings, Settings
from wirewatch.scraper.config import SourcesConfig, parse_sources


def scraper_settings(bootstrap: str, prefix: str | None = None, **overrides: Any) -> Settings:
    """Settings for a test: loopback allowed, short timeouts and delays, one partition."""
    options: dict[str, Any] = {
        "allow_addresses": ("127.0.0.0/8",),
        "host_delay": 0.0,
        "host_concurrency": 4,
        "total_timeout": 2.0,
        "read_timeout": 1.0,
        "connect_timeout": 1.0,
        "backoff": 0.05,
        "retries": 2,
        "max_bytes": 1_000_000,
        "max_retry_after": 3.0,
        "send_timeout": 3.0,
        "robots_ttl": 60.0,
    }
    options.update(overrides)
    return Settings(
        bootstrap_servers=bootstrap,
        topic_prefix=prefix or f"t{uuid.uuid4().hex[:8]}.",
        partitions=1,
        scraper=ScraperSettings(**options),
    )


def sources(base: str, *feeds: str, interval: float = 0.3) -> SourcesConfig:
    """A sources config polling ``base/<name>/feed.xml`` for each name."""
    return parse_sources(
        {
            "defaults": {"interval": interval, "tags": ["test"]},
            "feed": [{"name": name, "url": f"{base}/{name}/feed.xml", "lang": "en"} for name in feeds],
        }
    )


async def read_topic(settings: Settings, topic: Topic) -> list[tuple[bytes, dict[str, Any]]]:
    """Every (key, document) on ``topic`` up to its current end."""
    consumer = make_consumer(settings)
    await consumer.start()
    try:
        name = settings.topics.name(topic)
        parts = await assign_all(consumer, name, wait=10.0)
        ends = await consumer.end_offsets(parts)
        out: list[tuple[bytes, dict[str, Any]]] = []
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                out += [(r.key or b"", orjson.loads(r.value or b"null")) for r in records]
        return out
    finally:
        await consumer.stop()


def metric(metrics: Metrics, name: str, **labels: str) -> float:
    """A sample's value, 0 when it was never recorded."""
    return metrics.registry.get_sample_value(name, labels) or 0.0


async def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Wait until ``condition()`` holds; fail the test with ``what`` after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - the conditions are metrics and counters, not events
            await asyncio.sleep(0.05)
    assert condition(), what


async def wait_for_metric(metrics: Metrics, name: str, minimum: float, timeout: float = 30.0, **labels: str) -> None:
    """Wait until a metric reaches ``minimum``."""
    try:
        await wait_for(lambda: metric(metrics, name, **labels) >= minimum, f"{name}{labels} >= {minimum}", timeout)
    except TimeoutError:
        raise AssertionError(f"{name}{labels} stayed at {metric(metrics, name, **labels)} < {minimum}") from None
