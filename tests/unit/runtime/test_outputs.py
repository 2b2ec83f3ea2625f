"""The size check every stage applies to its outputs before they are sent."""

from __future__ import annotations

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Stage
from wirewatch.runtime.outputs import MAX_MESSAGE_BYTES, sized_outputs

NOW = "2026-01-01T00:00:00.000Z"


def _outcome(body_chars: int) -> Outcome:
    doc = {"id": "a", "body": "x" * body_chars}
    return Outcome((Output(Topic.TAGGED, b"a", doc),))


def test_outputs_the_broker_takes_are_sent_as_they_are() -> None:
    kind, records = sized_outputs(_outcome(10), Stage.TAGGER, b"{}", Origin("articles.clean", 0, 7, b"a"), "now")
    assert kind is None
    assert [(out.topic, data) for out, data in records] == [(Topic.TAGGED, b'{"id":"a","body":"xxxxxxxxxx"}')]


def test_an_output_larger_than_the_broker_takes_becomes_one_dead_letter() -> None:
    """Found by the running-worker fuzz test: a 12 MB tagged document crashed the tagger's agent."""
    original = b"y" * (3 * 1024 * 1024)
    kind, records = sized_outputs(
        _outcome(MAX_MESSAGE_BYTES), Stage.TAGGER, original, Origin("articles.clean", 0, 7, b"a"), NOW
    )
    assert kind == "output_too_large"
    [(letter, data)] = records
    assert letter.topic is Topic.DEADLETTER and letter.key == b"a"
    validate("deadletter.v1", letter.document)
    assert letter.document["error_kind"] == "output_too_large" and letter.document["truncated"] is True
    assert len(data) < MAX_MESSAGE_BYTES
