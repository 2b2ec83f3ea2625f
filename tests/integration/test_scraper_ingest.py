"""`wirewatch ingest` publishes WARC archives and JSONL exports to articles.raw, with a summary."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from tests.integration.scraper_harness import read_topic
from tests.unit.scraper.test_files import write_warc
from wirewatch.cli import main
from wirewatch.contracts.schemas import violations
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import ensure_topics
from wirewatch.runtime.settings import Settings

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]


def test_ingest_warc_and_jsonl(broker: str, tmp_path: Path):
    settings = Settings(bootstrap_servers=broker, topic_prefix=f"i{uuid.uuid4().hex[:8]}.", partitions=1)
    asyncio.run(ensure_topics(settings))
    write_warc(tmp_path / "crawl.warc.gz")
    (tmp_path / "export.jsonl").write_bytes(
        orjson.dumps({"link": "https://c.example/story", "headline": "Export", "content": "Exported text"})
        + b"\n"
        + orjson.dumps({"link": "http://[bad/story", "content": "An unreadable link"})
        + b"\n"
    )
    env = {"KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap, "WIREWATCH_TOPIC_PREFIX": settings.topic_prefix}
    result = CliRunner().invoke(main, ["ingest", str(tmp_path)], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "published 4 article(s)" in result.output
    assert "3 record(s) skipped" in result.output
    assert "1 dead-lettered" in result.output  # the unreadable URL costs its line, not the file
    [(_, letter)] = asyncio.run(read_topic(settings, Topic.DEADLETTER))
    assert letter["error_kind"] == "malformed"
    records = asyncio.run(read_topic(settings, Topic.RAW))
    urls = sorted(doc["url"] for _, doc in records)
    assert urls == [
        "https://a.example/ru",
        "https://a.example/world/1",
        "https://a.example/world/2",
        "https://c.example/story",
    ]
    assert all(violations("raw-article.v1", doc) == [] for _, doc in records)
    assert all(key.decode() == doc["id"] for key, doc in records)
