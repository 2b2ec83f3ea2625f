"""``wirewatch archive`` against the session's embedded broker and a real SQLite file.

The archiver runs as its own process (as under ``wirewatch run``), so a failure that ends it
(``exit_unacked``) ends only it, and a SIGKILL is a real crash.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from tests.kafka_helpers import free_port, produce, spawn_wirewatch, wait_http
from tests.seeded import seed_messages
from wirewatch.archive import Counts, open_archive
from wirewatch.contracts.codec import encode
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.fatal import EXIT_UNDELIVERED
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.settings import Settings

pytestmark = [pytest.mark.broker, pytest.mark.slow]


@dataclass
class Run:
    """One isolated archiver setup: its prefixes, its database, its environment."""

    settings: Settings
    env: dict[str, str]
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "archive.sqlite3"

    def spawn(self, name: str) -> tuple[subprocess.Popen[bytes], Path]:
        log = self.folder / f"{name}.log"
        return spawn_wirewatch("archive", env=self.env, log=log), log

    def counts(self) -> Counts:
        archive = open_archive(f"sqlite:///{self.database}")
        try:
            return archive.counts()
        finally:
            archive.close()


@pytest.fixture
def run(broker: str, tmp_path: Path) -> Run:
    tag = uuid.uuid4().hex[:8]
    settings = Settings(bootstrap_servers=broker, topic_prefix=f"a{tag}.", group_prefix=f"g{tag}", partitions=2)
    asyncio.run(ensure_topics(settings))
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": broker,
        "WIREWATCH_TOPIC_PREFIX": settings.topic_prefix,
        "WIREWATCH_CONSUMER_GROUP": settings.group_prefix,
        "WIREWATCH_PARTITIONS": "2",
        "WIREWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "WIREWATCH_HTTP_PORT": str(free_port()),
        "WIREWATCH_LOG_LEVEL": "warning",
    }
    return Run(settings, env, tmp_path)


def publish(run: Run, messages: list[tuple[Topic, dict[str, Any]]]) -> None:
    by_topic: dict[Topic, list[tuple[bytes | None, bytes | None]]] = {}
    for topic, doc in messages:
        key = str(doc.get("article_id") or doc["id"]).encode()
        by_topic.setdefault(topic, []).append((key, encode(doc)))
    for topic, pairs in by_topic.items():
        produce(run.settings.bootstrap, run.settings.topics.name(topic), pairs)


def committed(run: Run, topic: Topic) -> int:
    """Offsets the archiver's group has committed on ``topic``, summed over partitions."""

    async def go() -> int:
        group = f"{run.settings.group_prefix}-archiver-{topic.value.replace('.', '-')}"
        consumer = AIOKafkaConsumer(bootstrap_servers=run.settings.bootstrap, group_id=group)
        await consumer.start()
        try:
            name = run.settings.topics.name(topic)
            return sum([(await consumer.committed(TopicPartition(name, p))) or 0 for p in range(2)])
        finally:
            await consumer.stop()

    return asyncio.run(go())


def wait_for(condition: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError("condition not met in time")


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)


def expected(messages: list[tuple[Topic, dict[str, Any]]]) -> Counts:
    ids = {t: {d["id"] for tt, d in messages if tt is t} for t in Topic}
    reports = {(d["id"], d["article_id"]) for t, d in messages if t is Topic.AGREEMENT_REPORTS}
    return Counts(
        len(ids[Topic.TAGGED]),
        len(ids[Topic.AGREEMENTS]),
        len(reports),
        len(ids[Topic.COUNTRIES]),
        len(ids[Topic.RELATIONS]),
    )


def test_the_archiver_archives_replays_change_nothing_and_a_crash_keeps_the_data(
    run: Run, seeds_dir: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    messages = seed_messages(seeds_dir)
    want = expected(messages)
    process, log = run.spawn("first")
    processes.append(process)
    wait_http(f"http://127.0.0.1:{run.env['WIREWATCH_HTTP_PORT']}/readyz", timeout=90)
    publish(run, messages)
    wait_for(lambda: run.database.exists() and run.counts() == want)
    metrics = wait_http(f"http://127.0.0.1:{run.env['WIREWATCH_HTTP_PORT']}/metrics").decode()
    assert 'wirewatch_sink_messages_total{stage="archiver",topic="articles.tagged"} 5.0' in metrics
    # Offsets follow the database: everything archived is committed (and nothing before it was).
    wait_for(lambda: committed(run, Topic.TAGGED) == want.articles)

    publish(run, messages)  # a replay: the same ids
    wait_for(lambda: committed(run, Topic.TAGGED) == 2 * want.articles)
    wait_for(lambda: committed(run, Topic.AGREEMENTS) == 2 * sum(t is Topic.AGREEMENTS for t, _ in messages))
    assert run.counts() == want

    os.killpg(process.pid, signal.SIGKILL)  # a crash, not a clean stop
    process.wait(30)
    assert run.counts() == want, log.read_text(errors="replace")


def test_offsets_are_not_committed_when_the_database_refuses_the_batch(
    run: Run, seeds_dir: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    open_archive(f"sqlite:///{run.database}").close()  # the schema, then a trigger that refuses articles
    with sqlite3.connect(run.database) as conn:
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    messages = [(t, d) for t, d in seed_messages(seeds_dir) if t is Topic.TAGGED]
    publish(run, messages)
    process, log = run.spawn("refused")
    processes.append(process)
    assert process.wait(120) == EXIT_UNDELIVERED, log.read_text(errors="replace")
    assert committed(run, Topic.TAGGED) == 0
    assert run.counts().articles == 0

    with sqlite3.connect(run.database) as conn:
        conn.execute("DROP TRIGGER refuse")
    process, log = run.spawn("after")
    processes.append(process)
    wait_for(lambda: run.counts().articles == len(messages), timeout=90)
    wait_for(lambda: committed(run, Topic.TAGGED) == len(messages))
