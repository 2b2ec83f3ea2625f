"""Soak, fault and scaling fixtures: one embedded broker for the folder, runs isolated by topic prefix.

The default sizes keep ``make test`` short; ``make soak`` raises them through the environment
(``WIREWATCH_SOAK_ARTICLES``, ``WIREWATCH_SOAK_KILLS``, ``WIREWATCH_SOAK_SECONDS``).
"""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import Iterator

import pytest

from tests.kafka_helpers import free_port
from wirewatch.runtime.broker import EmbeddedBroker
from wirewatch.runtime.kafka import wait_until_ready


@pytest.fixture(scope="package")
def broker() -> Iterator[str]:
    """A running embedded broker; each test creates its own prefixed topics on it."""
    embedded = EmbeddedBroker(port=free_port())
    embedded.spawn()
    try:
        asyncio.run(wait_until_ready(embedded.bootstrap, timeout=30))
        yield embedded.bootstrap
    finally:
        embedded.stop()


@pytest.fixture
def rng() -> random.Random:
    """A seeded random source; the seed is printed so a failing run can be replayed."""
    seed = int(os.environ.get("WIREWATCH_SOAK_SEED") or random.SystemRandom().randrange(1 << 32))
    print(f"soak seed: WIREWATCH_SOAK_SEED={seed}")
    return random.Random(seed)
