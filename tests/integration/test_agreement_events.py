"""Two articles reporting one agreement give one event and then an update, through a real broker.

Runs ``wirewatch tag`` as a subprocess against the session's embedded broker, under its own
topic prefix and consumer group, feeds it two clean articles (English: planned; German: signed)
and reads ``events.agreements``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest

from tests.kafka_helpers import Record, consume_until, free_port, produce, spawn_wirewatch, wait_http
from wirewatch.contracts.schemas import validate
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.settings import Settings

PLANNED = (
    "Norway and Chile plan to sign a ten-year energy agreement next month. "
    "Officials in both capitals say offshore wind and green hydrogen will be covered."
)
SIGNED = "Norwegen und Chile haben am Dienstag ein zehnjähriges Energieabkommen unterzeichnet."


def _clean(article_id: str, lang: str, body: str) -> bytes:
    doc = {
        "id": article_id,
        "title": "Energy",
        "body": body,
        "lang": lang,
        "lang_confidence": 0.99,
        "published": None,
        "sources": [],
    }
    return orjson.dumps(doc)


@contextmanager
def _running_tagger(broker: str, tmp_path: Path, **extra_env: str) -> Iterator[tuple[str, str, str]]:
    """``wirewatch tag`` on a fresh topic prefix; yields (bootstrap, prefix, metrics URL), stops it afterwards."""
    prefix = f"t{uuid.uuid4().hex[:8]}."
    asyncio.run(ensure_topics(Settings(bootstrap_servers=broker, topic_prefix=prefix, partitions=2)))
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": broker,
        "WIREWATCH_TOPIC_PREFIX": prefix,
        "WIREWATCH_PARTITIONS": "2",
        "WIREWATCH_CONSUMER_GROUP": f"g{prefix}",
        "WIREWATCH_HTTP_PORT": str(port := free_port()),
        "WIREWATCH_LOG_LEVEL": "warn",
        **extra_env,
    }
    log = tmp_path / "tag.log"
    process = spawn_wirewatch("tag", env=env, log=log)
    try:
        yield broker, prefix, f"http://127.0.0.1:{port}/metrics"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@pytest.fixture()
def tagger(broker: str, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """A tagger with the default retention."""
    with _running_tagger(broker, tmp_path) as running:
        yield running


def _events(records: list[Record]) -> list[dict]:
    return [r.json() for r in records]


def test_two_reports_of_one_agreement_are_one_event_and_an_update(tagger: tuple[str, str, str]) -> None:
    bootstrap, prefix, metrics_url = tagger
    produce(bootstrap, f"{prefix}articles.clean", [(b"a1", _clean("a1", "en", PLANNED))])
    first = consume_until(bootstrap, f"{prefix}events.agreements", lambda rs: len(rs) >= 1, timeout=120)
    produce(bootstrap, f"{prefix}articles.clean", [(b"a2", _clean("a2", "de", SIGNED))])
    records = consume_until(bootstrap, f"{prefix}events.agreements", lambda rs: len(rs) >= 2, timeout=120)

    events = _events(records)
    for event in events:
        validate("agreement-event.v1", event)
    assert len(first) == 1
    assert {e["id"] for e in events} == {events[0]["id"]}  # one agreement, one id
    assert {r.key for r in records} == {events[0]["id"].encode()}
    created, updated = events[0], events[-1]
    assert (created["reports"], updated["reports"]) == (1, 2)
    assert set(updated["parties"]) == {"NOR", "CHL"} and updated["type"] == "energy"
    assert created["status"] == "planned" and updated["status"] == "signed"
    assert [c["status"] for c in updated["status_history"]] == ["planned", "signed"]
    assert [s["article_id"] for s in updated["sources"]] == ["a1", "a2"]
    assert updated["duration"] == "P10Y"
    assert updated["cameo"] == "057" and updated["plover"]["type"] == "SUPPORT"
    metrics = wait_http(metrics_url).decode()
    assert 'wirewatch_agreements_total{status="planned",type="energy"} 1.0' in metrics
    assert 'wirewatch_agreements_total{status="signed",type="energy"} 1.0' in metrics


def test_a_replayed_report_adds_no_source(tagger: tuple[str, str, str]) -> None:
    bootstrap, prefix, _ = tagger
    article = _clean("b1", "de", SIGNED)
    # One key for all three, so one partition keeps them in order: b1, b1 again (a replay), b2.
    produce(
        bootstrap, f"{prefix}articles.clean", [(b"k", article), (b"k", article), (b"k", _clean("b2", "en", PLANNED))]
    )
    records = consume_until(
        bootstrap, f"{prefix}events.agreements", lambda rs: any(r.json()["reports"] >= 2 for r in rs), timeout=120
    )
    assert [r.json()["reports"] for r in records] == [1, 2]  # the replay of b1 produced no event
    last = records[-1].json()
    assert [s["article_id"] for s in last["sources"]] == ["b1", "b2"]
    assert last["status"] == "signed"  # a later "planned" report does not move the status back
    assert [c["status"] for c in last["status_history"]] == ["signed"]


def test_an_event_past_its_retention_is_swept_and_starts_again(broker: str, tmp_path: Path) -> None:
    """With a retention of a few seconds: the second report, arriving after it, finds the first
    event deleted from the table (a tombstone on the changelog, counted) and starts a new one."""
    retention = 4.0
    with _running_tagger(broker, tmp_path, WIREWATCH_AGREEMENT_DAYS=f"{retention / 86_400:.8f}") as running:
        bootstrap, prefix, metrics_url = running
        produce(bootstrap, f"{prefix}articles.clean", [(b"r1", _clean("r1", "en", PLANNED))])
        first = consume_until(bootstrap, f"{prefix}events.agreements", lambda rs: len(rs) >= 1, timeout=120)
        time.sleep(retention + 1.0)
        produce(bootstrap, f"{prefix}articles.clean", [(b"r2", _clean("r2", "de", SIGNED))])
        records = consume_until(bootstrap, f"{prefix}events.agreements", lambda rs: len(rs) >= 2, timeout=120)
        metrics = wait_http(metrics_url).decode()

    created, restarted = first[0].json(), records[-1].json()
    assert restarted["id"] == created["id"]  # the same agreement keeps its id...
    assert restarted["reports"] == 1  # ...but its old state is gone
    assert [s["article_id"] for s in restarted["sources"]] == ["r2"]
    assert restarted["first_seen"] > created["last_seen"]
    assert 'wirewatch_table_entries_expired_total{table="agreement-events"} 1.0' in metrics
    changelog = consume_until(
        bootstrap,
        f"g{prefix}-tagger-agreement-events-changelog",
        lambda rs: sum(r.key == created["id"].encode() for r in rs) >= 2,
        timeout=60,
    )
    values = [r.value for r in changelog if r.key == created["id"].encode()]
    # The sweep's deletion and the new event fall in one flush, which writes the key's last value
    # only: what a restarted tagger restores is the new event, not the expired one.
    assert orjson.loads(values[0])["reports"] == 1 and orjson.loads(values[-1])["sources"][0]["article_id"] == "r2"
