"""The walking skeleton end to end: seeds in through the CLI, agreement events out, through a real broker."""

from __future__ import annotations

import time
import uuid

import orjson

from tests.kafka_helpers import consume_until, produce, wait_http, wirewatch
from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.schemas import validate
from wirewatch.core.ids import article_id

RUS_MMR = {"RUS", "MMR"}


def _is_the_deal(doc: dict) -> bool:
    return set(doc["parties"]) == RUS_MMR and doc["type"] == "military"


def _latest(records) -> dict:
    """The newest state of each agreement event: same key, same partition, so the last offset wins."""
    return {r.json()["id"]: r for r in sorted(records, key=lambda r: (r.partition, r.offset))}


def _reported_in_both_languages(records) -> bool:
    return any(
        _is_the_deal(r.json()) and {s["lang"] for s in r.json()["sources"]} >= {"de", "en"}
        for r in _latest(records).values()
    )


def test_seeds_become_the_russia_myanmar_agreement_event(pipeline, seeds_dir) -> None:
    result = wirewatch("ingest", str(seeds_dir), env=pipeline.env)
    assert result.returncode == 0, result.stderr.decode()
    assert b"published 5 article(s)" in result.stderr

    records = consume_until(pipeline.bootstrap, "events.agreements", _reported_in_both_languages, timeout=90)
    for record in records:
        validate("agreement-event.v1", record.json())
        assert record.headers["ce_id"] and record.headers["ce_specversion"] == "1.0"
        assert record.headers["ce_type"] and record.headers["ce_source"] and record.headers["ce_time"]
        assert record.key.decode() == record.json()["id"]
    # The German and the English report are one agreement: one event id, both sources, signed, four years.
    (deal,) = [r.json() for r in _latest(records).values() if _is_the_deal(r.json())]
    assert deal["status"] == "signed"
    assert deal["duration"] == "P4Y"
    assert {s["lang"] for s in deal["sources"]} >= {"de", "en"}


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


def _metric_sum(text: str, name: str) -> float:
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(f"{name}{{"))


def test_each_agreement_report_is_counted_once_over_every_service(pipeline, seeds_dir) -> None:
    """``wirewatch_agreements_total`` summed over every service equals the reports on the topic.

    Found under ``wirewatch run``: the tagger and the aggregator both counted each agreement, so
    Prometheus (and the Grafana news dashboard) showed every agreement twice.
    """
    wirewatch("ingest", str(seeds_dir), env=pipeline.env)
    consume_until(pipeline.bootstrap, "events.agreements", _reported_in_both_languages, timeout=90)
    base = int(pipeline.env["WIREWATCH_METRICS_BASE_PORT"])
    services = {"clean": base, "tag": base + 1, "scrape": base + 2, "aggregate": base + 3}
    api = pipeline.api_url

    def counted() -> tuple[float, float, float]:
        texts = [wait_http(f"http://127.0.0.1:{port}/metrics").decode() for port in services.values()]
        texts.append(wait_http(f"{api}/metrics").decode())
        aggregated = _metric_sum(texts[3], "wirewatch_messages_processed_total")
        tagged = _metric_sum(texts[1], "wirewatch_messages_processed_total")
        return sum(_metric_sum(t, "wirewatch_agreements_total") for t in texts), aggregated, tagged

    deadline = time.monotonic() + 60
    while True:
        reports = consume_until(pipeline.bootstrap, "events.agreement-reports", lambda rs: len(rs) >= 1)
        total, aggregated, tagged = counted()
        if (total == len(reports) and aggregated >= tagged) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert aggregated >= tagged >= 5  # the aggregator has seen every tagged article, seeds included
    assert total == len(reports)
