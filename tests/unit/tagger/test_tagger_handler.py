"""The tagger's handlers without a broker: reports keyed by event id, folding into one event per agreement."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.tagger.handler import EventFolder, TaggerHandler

NOW = "2024-03-13T10:00:00.000Z"


def clean(article_id: str, body: str, lang: str = "en") -> bytes:
    doc: dict[str, Any] = {
        "id": article_id,
        "title": "T",
        "body": body,
        "lang": lang,
        "lang_confidence": 0.99,
        "published": "2024-03-13T08:00:00Z",
        "sources": [],
    }
    return orjson.dumps(doc)


@pytest.fixture(scope="module")
def tagger() -> TaggerHandler:
    return TaggerHandler(Resources.load())


def reports_of(tagger: TaggerHandler, article_id: str, body: str, lang: str = "en") -> list[bytes]:
    outcome = tagger.handle(clean(article_id, body, lang), Origin(), NOW)
    assert not outcome.failed, outcome.outputs
    return [o.value() for o in outcome.outputs if o.topic is Topic.AGREEMENT_REPORTS]


def test_tagger_writes_the_article_and_one_report_per_agreement_keyed_by_event_id(tagger: TaggerHandler) -> None:
    outcome = tagger.handle(clean("a1", "Norway and Chile signed an energy agreement."), Origin(), NOW)
    topics = [o.topic for o in outcome.outputs]
    assert topics == [Topic.TAGGED, Topic.AGREEMENT_REPORTS]
    tagged, report = (o.document for o in outcome.outputs)
    assert outcome.outputs[1].key.decode() == report["id"] == tagged["agreements"][0]["id"]
    assert report["reports"] == 1 and report["sources"][0]["article_id"] == "a1"
    validate("agreement-event.v1", report)


def test_two_articles_fold_into_one_event_and_an_update(tagger: TaggerHandler) -> None:
    folder = EventFolder()
    (first,) = reports_of(tagger, "a1", "Norway and Chile plan to sign a ten-year energy agreement.")
    (second,) = reports_of(tagger, "a2", "Norwegen und Chile haben ein Energieabkommen unterzeichnet.", "de")
    created = folder.handle(first, None, Origin(), NOW)
    updated = folder.handle(second, created.state, Origin(), NOW)
    (event1,), (event2,) = created.outcome.outputs, updated.outcome.outputs
    assert event1.topic is event2.topic is Topic.AGREEMENTS
    assert event1.key == event2.key == event2.document["id"].encode()
    assert (event1.document["reports"], event2.document["reports"]) == (1, 2)
    assert (event1.document["status"], event2.document["status"]) == ("planned", "signed")
    assert event2.document["duration"] == "P10Y"
    assert header_map(event2.headers)["ce_id"] == event2.document["id"]
    assert orjson.loads(updated.state or b"{}") == event2.document
    validate("agreement-event.v1", event2.document)


def test_a_report_already_counted_emits_nothing_and_keeps_the_state(tagger: TaggerHandler) -> None:
    folder = EventFolder()
    (report,) = reports_of(tagger, "a1", "Norway and Chile signed an energy agreement.")
    created = folder.handle(report, None, Origin(), NOW)
    again = folder.handle(report, created.state, Origin(), NOW)
    assert again.outcome.outputs == () and not again.changed and again.state is created.state


def test_a_broken_report_is_dead_lettered_and_the_state_kept() -> None:
    result = EventFolder().handle(b"{not json", b'{"kept": 1}', Origin("t", 0, 7, b"k"), NOW)
    assert result.outcome.failed and result.outcome.outputs[0].topic is Topic.DEADLETTER
    assert result.state == b'{"kept": 1}' and not result.changed


def test_an_event_past_its_retention_is_expired_and_a_new_report_starts_it_again(tagger: TaggerHandler) -> None:
    folder = EventFolder(retention_days=30)
    (first,) = reports_of(tagger, "a1", "Norway and Chile signed an energy agreement.")
    (second,) = reports_of(tagger, "a2", "Norwegen und Chile haben ein Energieabkommen unterzeichnet.", "de")
    created = folder.handle(first, None, Origin(), NOW)
    assert not folder.expired(created.state, "2024-04-11T10:00:00.000Z")  # 29 days after its last report
    later = "2024-04-13T10:00:00.000Z"  # 31 days after
    assert folder.expired(created.state, later)
    (restarted,) = folder.handle(second, created.state, Origin(), later).outcome.outputs
    assert restarted.document["reports"] == 1
    assert [s["article_id"] for s in restarted.document["sources"]] == ["a2"]


def test_state_a_sweep_cannot_date_is_kept() -> None:
    folder = EventFolder(retention_days=1)
    assert not folder.expired(b"{not json", NOW)
    assert not folder.expired(b'{"last_seen": 5}', NOW)
    assert not folder.expired(b'{"last_seen": "yesterday"}', NOW)
    assert folder.expired(b'{"last_seen": "2024-03-01T00:00:00Z"}', NOW)
