"""The aggregator handler on real tagged articles: country events, contributions, dead letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seeded import seed_outputs
from wirewatch.aggregator.handler import AggregatorHandler
from wirewatch.contracts.aggregates import parse_time
from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.schemas import validate_for
from wirewatch.contracts.topics import Topic

NOW = "2026-01-01T10:06:00.000Z"


@pytest.fixture(scope="module")
def tagged(seeds_dir: Path):
    return seed_outputs(seeds_dir).tagged


def handle(doc, received=2_000_000_000.0):
    return AggregatorHandler().handle(
        encode(doc), Origin("articles.tagged", 0, 7, doc.get("id", "").encode()), NOW, received
    )


def test_one_schema_valid_country_event_per_article_and_country(tagged):
    for article in tagged:
        result = handle(article)
        assert not result.outcome.failed
        events = [o for o in result.outcome.outputs if o.topic is Topic.COUNTRIES]
        assert sorted(o.document["country"] for o in events) == sorted(c["code"] for c in article["countries"])
        for out in events:
            validate_for(Topic.COUNTRIES, out.document)
            assert out.key == article["id"].encode()


def test_country_events_carry_deterministic_cloudevents_headers(tagged):
    first = handle(tagged[0]).outcome.outputs[0]
    again = handle(tagged[0]).outcome.outputs[0]
    headers = header_map(first.headers)
    assert headers["ce_id"] == first.document["id"] == header_map(again.headers)["ce_id"]
    assert headers["ce_type"] == "dev.wirewatch.country.v1"
    assert headers["ce_specversion"] == "1.0"
    assert headers["ce_source"].startswith("urn:wirewatch")
    assert headers["ce_time"] == "2026-01-01T10:05:00Z"  # the fetch time, so replays repeat it
    assert first.document["country"] == headers["ce_subject"]


def test_a_fetch_time_far_in_the_future_gives_way_to_the_receive_time(tagged):
    future = {**tagged[0], "fetched_at": "2099-01-01T00:00:00Z"}
    assert handle(future, received=1_767_261_600.0).event_time == 1_767_261_600.0


def test_the_event_time_is_the_fetch_time(tagged):
    result = handle(tagged[0], received=2_000_000_000.0)
    assert result.event_time == parse_time("2026-01-01T10:05:00Z")
    assert result.outcome.outputs[0].document["event_time"] == "2026-01-01T10:05:00Z"


def test_without_any_timestamp_the_receive_time_stands_in(tagged):
    bare = {k: v for k, v in tagged[0].items() if k not in ("fetched_at", "cleaned_at", "tagged_at")}
    assert handle(bare, received=1_700_000_000.0).event_time == 1_700_000_000.0


def test_the_russia_myanmar_reports_contribute_to_their_pair_with_the_agreement(tagged):
    contributions = [c for article in tagged for c in handle(article).contributions if c.pair == ("MMR", "RUS")]
    assert len(contributions) == len(tagged)  # every seed mentions both
    types = {t for c in contributions for _, t in c.agreements}
    assert "military" in types


def test_a_message_that_is_not_a_tagged_article_is_dead_lettered():
    result = handle({"id": "x", "title": "no body"})
    assert result.outcome.failed
    assert result.outcome.error_kind == "schema_invalid"
    assert result.contributions == ()
    [letter] = result.outcome.outputs
    assert letter.topic is Topic.DEADLETTER
    validate_for(Topic.DEADLETTER, letter.document)


def test_not_json_is_dead_lettered():
    result = AggregatorHandler().handle(b"\xff not json", Origin(), NOW, 0.0)
    assert result.outcome.error_kind == "not_json"
