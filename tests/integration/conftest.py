"""Integration fixtures: one embedded broker per session, and the whole pipeline running against it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.kafka_helpers import free_port, spawn_wirewatch, wait_http
from wirewatch.runtime.broker import EmbeddedBroker
from wirewatch.runtime.kafka import ensure_topics, wait_until_ready
from wirewatch.runtime.settings import Settings


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    """A running embedded broker with the pipeline's topics; yields its bootstrap address."""
    embedded = EmbeddedBroker(port=free_port())
    embedded.spawn()
    try:
        asyncio.run(wait_until_ready(embedded.bootstrap, timeout=30))
        asyncio.run(ensure_topics(Settings(bootstrap_servers=embedded.bootstrap)))
        yield embedded.bootstrap
    finally:
        embedded.stop()


@dataclass(frozen=True)
class Pipeline:
    bootstrap: str
    env: dict[str, str]
    api_url: str
    metrics_urls: dict[str, str]
    process: subprocess.Popen[bytes]
    log: Path


@pytest.fixture(scope="session")
def pipeline(broker: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """``wirewatch run`` against the session broker, ready (every stage assigned its partitions)."""
    api, base = free_port(), free_port()
    # The base port and the next few must be free: pick a base with room after it.
    base = 20000 + (base % 20000)
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": broker,
        "WIREWATCH_API_PORT": str(api),
        "WIREWATCH_METRICS_BASE_PORT": str(base),
        "WIREWATCH_LOG_LEVEL": "warn",
    }
    state = tmp_path_factory.mktemp("pipeline")
    env["WIREWATCH_DATA_DIR"] = str(state)
    log = state / "run.log"
    process = spawn_wirewatch("run", env=env, log=log)
    urls = {"clean": f"http://127.0.0.1:{base}", "tag": f"http://127.0.0.1:{base + 1}"}
    try:
        for url in urls.values():
            wait_http(f"{url}/readyz", timeout=90)
        wait_http(f"http://127.0.0.1:{api}/healthz", timeout=30)
        yield Pipeline(broker, env, f"http://127.0.0.1:{api}", urls, process, log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                raise
    assert process.returncode == 0, log.read_text(errors="replace")[-3000:]
