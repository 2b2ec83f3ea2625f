"""``run_handler`` turns every kind of failure into exactly one dead letter and never raises."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from wirewatch.contracts.deadletter import ORIGINAL_LIMIT, Origin
from wirewatch.contracts.outcome import Output, run_handler
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.core.errors import ErrorKind, Rejected

ORIGIN = Origin("articles.raw", 3, 42, b"key-1")
NOW = "2024-01-01T00:00:00.000Z"


def _ok(doc: dict[str, Any]) -> list[Output]:
    return [
        Output(
            Topic.CLEAN,
            doc["id"].encode(),
            {
                "id": doc["id"],
                "title": "t",
                "body": "b",
                "lang": "en",
                "lang_confidence": 1.0,
                "published": None,
                "sources": [],
            },
        )
    ]


def _raises(exc: Exception):
    def handler(doc: dict[str, Any]) -> list[Output]:
        raise exc

    return handler


def test_success_returns_outputs() -> None:
    outcome = run_handler("cleaner", Topic.RAW, b'{"id": "a", "text": "x"}', ORIGIN, NOW, _ok)
    assert not outcome.failed
    assert [o.topic for o in outcome.outputs] == [Topic.CLEAN]


@pytest.mark.parametrize(
    ("value", "handler", "kind"),
    [
        (b"\x00\x01 not json", _ok, "not_json"),
        (b'{"text": "no id"}', _ok, "schema_invalid"),
        (b'{"id": "a", "text": "x"}', _raises(Rejected(ErrorKind.EMPTY, "nothing")), "empty"),
        (b'{"id": "a", "text": "x"}', _raises(RuntimeError("bug")), "internal_error"),
        (b'{"id": "a", "text": "x"}', lambda d: [Output(Topic.CLEAN, b"a", {"id": "a"})], "output_invalid"),
    ],
)
def test_failures_become_one_valid_dead_letter(value: bytes, handler: Any, kind: str) -> None:
    outcome = run_handler("cleaner", Topic.RAW, value, ORIGIN, NOW, handler)
    assert outcome.error_kind == kind
    (letter,) = outcome.outputs
    assert letter.topic is Topic.DEADLETTER
    assert letter.key == b"key-1"
    validate("deadletter.v1", letter.document)
    assert letter.document["stage"] == "cleaner"
    assert (letter.document["topic"], letter.document["partition"], letter.document["offset"]) == (
        "articles.raw",
        3,
        42,
    )
    assert base64.b64decode(letter.document["original_b64"]) == value


def test_huge_originals_are_truncated_and_say_so() -> None:
    value = b"x" * (ORIGINAL_LIMIT + 10)
    outcome = run_handler("cleaner", Topic.RAW, value, ORIGIN, NOW, _ok)
    letter = outcome.outputs[0].document
    assert letter["truncated"] is True
    assert letter["original_size"] == ORIGINAL_LIMIT + 10
    assert len(base64.b64decode(letter["original_b64"])) == ORIGINAL_LIMIT
