"""The aggregator against the embedded broker: country events, and relation windows closed in Faust.

Tagged articles with explicit fetch times are produced straight onto ``articles.tagged``; the
aggregator runs as its own process (``wirewatch aggregate``), exactly as in production.
"""

from __future__ import annotations

import asyncio
import base64
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.pipeline import free_port_run
from tests.seeded import seed_outputs
from wirewatch.aggregator.app import repartition_topic
from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.codec import decode, encode
from wirewatch.contracts.schemas import validate_for
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.broker import EmbeddedBroker
from wirewatch.runtime.kafka import assign_all, ensure_topics, make_consumer, make_producer
from wirewatch.runtime.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.broker]


async def _read_all(settings: Settings, topic: Topic, want: int, timeout: float = 60.0, settle: float = 0.0) -> list:
    """Read ``topic`` from the beginning until ``want`` messages and ``settle`` quiet seconds, or ``timeout``."""
    consumer = make_consumer(settings, group=None)
    await consumer.start()
    try:
        name = settings.topics.name(topic)
        await assign_all(consumer, name)
        records: list = []
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        last = loop.time()
        while loop.time() < deadline:
            batch = await consumer.getmany(timeout_ms=250)
            fresh = [r for rs in batch.values() for r in rs]
            records += fresh
            if fresh:
                last = loop.time()
            elif len(records) >= want and loop.time() - last >= settle:
                break
        return records
    finally:
        await consumer.stop()


async def _wait_ready(port: int, process: asyncio.subprocess.Process, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with httpx.AsyncClient() as client:
        while loop.time() < deadline:
            assert process.returncode is None, "the aggregator exited"
            try:
                if (await client.get(f"http://127.0.0.1:{port}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.3)
    raise TimeoutError("aggregator not ready")


async def test_country_and_relation_events_from_tagged_articles(tmp_path: Path, seeds_dir: Path):
    tagged = seed_outputs(seeds_dir).tagged  # fetched 2026-01-01T10:05:00Z
    async with EmbeddedBroker() as broker:
        settings = Settings(bootstrap_servers=broker.bootstrap, partitions=2)
        await ensure_topics(settings)
        port = free_port_run(1)
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "WIREWATCH_PARTITIONS": "2",
            "WIREWATCH_HTTP_PORT": str(port),
            "WIREWATCH_WINDOW_LATENESS": "1",
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
        }
        with (tmp_path / "aggregate.log").open("wb") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "wirewatch.cli", "aggregate", env=env, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            await _wait_ready(port, process)
            producer = make_producer(settings)
            await producer.start()
            try:
                for doc in tagged:
                    await producer.send_and_wait(
                        settings.topics.name(Topic.TAGGED), encode(doc), key=doc["id"].encode()
                    )
                # a foreign or buggy writer on the internal topic: dead letters, and relating goes on
                for bad in (b"{not json", b'{"pair": 3}'):
                    await producer.send_and_wait(repartition_topic(settings), bad, key=b"x", partition=0)
            finally:
                await producer.stop()
            expected_countries = sum(len(d["countries"]) for d in tagged)
            countries = await _read_all(settings, Topic.COUNTRIES, expected_countries)
            # Idle ticks close every window once the partitions were quiet for the lateness (1 s).
            relations = await _read_all(settings, Topic.RELATIONS, 2, timeout=60, settle=4.0)
            dead = [decode(r.value) for r in await _read_all(settings, Topic.DEADLETTER, 2, timeout=30)]
            async with httpx.AsyncClient() as client:
                metrics = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:  # it must stop on SIGTERM: fail, but leave no process behind
                process.kill()
                await process.wait()
                raise

    assert len(countries) == expected_countries
    assert sorted((d["stage"], d["error_kind"]) for d in dead) == [
        ("aggregator", "not_json"),
        ("aggregator", "schema_invalid"),
    ]
    assert {base64.b64decode(d["original_b64"]) for d in dead} == {b"{not json", b'{"pair": 3}'}
    assert 'wirewatch_deadletters_total{error_kind="not_json",stage="aggregator"} 1.0' in metrics
    for record in countries:
        validate_for(Topic.COUNTRIES, decode(record.value))
        assert header_map(record.headers)["ce_type"] == "dev.wirewatch.country.v1"

    docs = {}
    for record in relations:
        doc = decode(record.value)
        validate_for(Topic.RELATIONS, doc)
        headers = header_map(record.headers)
        assert headers["ce_id"] == doc["id"] and headers["ce_specversion"] == "1.0"
        docs[(tuple(doc["countries"]), doc["window"])] = doc
    hour = docs[(("MMR", "RUS"), "PT1H")]
    day = docs[(("MMR", "RUS"), "P1D")]
    assert hour["window_start"] == "2026-01-01T10:00:00Z" and hour["window_end"] == "2026-01-01T11:00:00Z"
    assert day["window_start"] == "2026-01-01T00:00:00Z"
    assert hour["articles"] == day["articles"] == len(tagged)
    assert hour["agreements"].get("military", 0) >= 1
    assert hour["articles_in_focus"] >= 1
    assert len(relations) == len(docs), "each window is emitted once"
    assert 'wirewatch_relation_windows_closed_total{window="PT1H"}' in metrics
    with_agreements = sum(1 for d in tagged if d["agreements"])
    assert f'wirewatch_end_to_end_seconds_count{{topic="events.countries"}} {float(len(tagged))}' in metrics
    assert f'wirewatch_end_to_end_seconds_count{{topic="events.agreements"}} {float(with_agreements)}' in metrics
