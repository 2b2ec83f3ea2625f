"""The walking skeleton end to end: seeds in through the CLI, agreement events out, through a real broker."""

from __future__ import annotations

import uuid

import orjson

from tests.kafka_helpers import consume_until, produce, wait_http, wirewatch
from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.schemas import validate
from wirewatch.core.ids import article_id

RUS_MMR = {"RUS", "MMR"}


def _is_the_deal(doc: dict) -> bool:
    return set(doc["parties"]) == RUS_MMR and doc["type"] == "military"


def test_seeds_become_the_russia_myanmar_agreement_event(pipeline, seeds_dir) -> None:
    result = wirewatch("ingest", str(seeds_dir), env=pipeline.env)
    assert result.returncode == 0, result.stderr.decode()
    assert b"published 5 article(s)" in result.stderr
    german, english = (
        article_id(None, (seeds_dir / name).read_text(encoding="utf-8"))
        for name in ("000_99a4d31a61e69bb1.txt", "002_49e1867ca1aea26e.txt")
    )

    def both_reported(doc: dict) -> bool:
        return _is_the_deal(doc) and {german, english} <= {s["article_id"] for s in doc["sources"]}

    # events.agreements carries the event once and then its updates, as articles arrive in any order.
    records = consume_until(
        pipeline.bootstrap, "events.agreements", lambda rs: any(both_reported(r.json()) for r in rs), timeout=60
    )
    deals = [r for r in records if _is_the_deal(r.json())]
    for record in deals:
        event = record.json()
        validate("agreement-event.v1", event)
        headers = record.headers
        assert headers["ce_id"] == event["id"] == record.key.decode()
        assert headers["ce_specversion"] == "1.0" and headers["ce_type"] and headers["ce_source"]
    # The German and the English report are the same agreement: one id, one event with both as sources.
    assert len({r.json()["id"] for r in deals}) == 1
    final = next(r.json() for r in deals if both_reported(r.json()))
    assert final["status"] == "signed" and final["duration"] == "P4Y"
    assert final["cameo"] == "057" and final["plover"]["type"] == "SUPPORT"
    assert {s["lang"] for s in final["sources"]} >= {"de", "en"}
    assert final["reports"] == len(final["sources"]) >= 2


def test_every_message_the_pipeline_writes_satisfies_its_schema(pipeline, seeds_dir) -> None:
    wirewatch("ingest", str(seeds_dir), env=pipeline.env)
    produce(pipeline.bootstrap, "articles.raw", [(b"schema-test-garbage", b"garbage")])  # one dead letter at least
    seed_ids = {article_id(None, p.read_text(encoding="utf-8")).encode() for p in seeds_dir.glob("*.txt")}
    # articles.raw also holds the malformed input other tests send on purpose: check what ingest wrote.
    raw = consume_until(pipeline.bootstrap, "articles.raw", lambda rs: {r.key for r in rs} >= seed_ids)
    for record in raw:
        if record.key in seed_ids:
            validate("raw-article.v1", record.json())
    # Everything downstream is written by Wirewatch itself: every message must be valid.
    for topic, schema in [
        ("articles.clean", "clean-article.v1"),
        ("articles.tagged", "tagged-article.v1"),
        ("events.agreements", "agreement-event.v1"),
        ("deadletter", "deadletter.v1"),
    ]:
        records = consume_until(pipeline.bootstrap, topic, lambda rs: len(rs) >= 1, timeout=60)
        for record in records:
            validate(schema, record.json())


def test_metrics_count_what_was_processed(pipeline) -> None:
    marker = uuid.uuid4().hex
    produce(
        pipeline.bootstrap,
        "articles.raw",
        [(marker.encode(), orjson.dumps({"id": marker, "text": "Polen und Frankreich sprechen."}))],
    )
    consume_until(pipeline.bootstrap, "articles.tagged", lambda rs: any(r.key == marker.encode() for r in rs))
    for stage, url in pipeline.metrics_urls.items():
        text = wait_http(f"{url}/metrics").decode()
        stage_label = {"clean": "cleaner", "tag": "tagger"}[stage]
        line = next(
            ln
            for ln in text.splitlines()
            if ln.startswith(f'wirewatch_messages_processed_total{{stage="{stage_label}"}}')
        )
        assert float(line.split()[-1]) >= 1


def test_tagged_articles_keep_their_key_and_ce_headers_only_on_events(pipeline) -> None:
    marker = uuid.uuid4().hex
    produce(pipeline.bootstrap, "articles.raw", [(marker.encode(), orjson.dumps({"id": marker, "text": "Kurz."}))])
    records = consume_until(pipeline.bootstrap, "articles.tagged", lambda rs: any(r.key == marker.encode() for r in rs))
    tagged = next(r for r in records if r.key == marker.encode())
    assert tagged.json()["id"] == marker
    assert "ce_id" not in header_map([(k, v.encode()) for k, v in tagged.headers.items()])
