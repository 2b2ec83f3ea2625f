"""The API's event feed against the real embedded broker: it survives a failure of any kind."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest

from tests.kafka_helpers import produce
from tests.seeded import seed_outputs
from wirewatch.api.feed import Views, run_feed
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]


class _FailsOnce(Views):
    """Views whose first ``apply`` raises, as a bug on one message would (not a KafkaError)."""

    __slots__ = ("failures",)

    def __init__(self) -> None:
        super().__init__()
        self.failures = 0

    def apply(self, topic: Topic, value: bytes | None) -> None:
        if self.failures == 0:
            self.failures += 1
            raise RuntimeError("a bug on one message")
        super().apply(topic, value)


async def _until(condition, what: str) -> None:
    async with asyncio.timeout(30):
        while not condition():  # noqa: ASYNC110 - polling plain attributes of the views
            await asyncio.sleep(0.05)
    assert condition(), what


async def test_the_feed_resumes_after_any_failure_and_is_ready_only_when_caught_up(broker: str, seeds_dir: Path):
    settings = Settings(bootstrap_servers=broker, topic_prefix=f"t{uuid.uuid4().hex[:8]}.", partitions=1)
    await ensure_topics(settings)
    outputs = seed_outputs(seeds_dir).agreement_outputs
    topic = settings.topics.name(Topic.AGREEMENTS)
    await asyncio.to_thread(produce, broker, topic, [(o.key, o.value()) for o in outputs])
    views = _FailsOnce()
    stop = asyncio.Event()
    feed = asyncio.create_task(run_feed(settings, views, Metrics.create(), stop))
    try:
        await _until(lambda: views.ready, "the feed is ready again after the failure")
        assert views.failures == 1
        # Ready means caught up: everything after the failed (skipped) message is in the store.
        assert len(views.agreements) == len({o.document["id"] for o in outputs[1:]})
        await asyncio.to_thread(produce, broker, topic, [(outputs[0].key, outputs[0].value())])
        expected = len({o.document["id"] for o in outputs})
        await _until(lambda: len(views.agreements) == expected, "messages after the failure still arrive")
        assert not feed.done()
    finally:
        stop.set()
        await asyncio.wait_for(feed, 30)
