"""Malformed messages go to the dead-letter topic with stage and reason; the worker keeps going."""

from __future__ import annotations

import base64
import uuid

import orjson

from tests.kafka_helpers import consume_until, produce
from wirewatch.contracts.schemas import validate


def test_malformed_messages_are_dead_lettered_and_good_ones_still_flow(pipeline) -> None:
    run = uuid.uuid4().hex[:8]
    bad = {
        f"{run}-notjson": (b"\xff\xfe this is not json", "not_json"),
        f"{run}-array": (b"[1, 2, 3]", "not_json"),
        f"{run}-noid": (orjson.dumps({"text": "no id here"}), "schema_invalid"),
        f"{run}-wrongtype": (orjson.dumps({"id": "x", "text": 42}), "schema_invalid"),
        f"{run}-empty": (orjson.dumps({"id": f"{run}-empty", "text": "   "}), "empty"),
        f"{run}-none": (None, "not_json"),
    }
    good = f"{run}-good"
    messages = [(k.encode(), v) for k, (v, _) in bad.items()]
    messages.append((good.encode(), orjson.dumps({"id": good, "text": "Deutschland und Polen verhandeln weiter."})))
    produce(pipeline.bootstrap, "articles.raw", messages)

    letters = consume_until(
        pipeline.bootstrap,
        "deadletter",
        lambda rs: {r.key.decode() for r in rs if r.key} >= set(bad),
        timeout=60,
    )
    by_key = {r.key.decode(): r.json() for r in letters if r.key and r.key.decode() in bad}
    for key, (value, kind) in bad.items():
        letter = by_key[key]
        validate("deadletter.v1", letter)
        assert letter["stage"] == "cleaner"
        assert letter["error_kind"] == kind, (key, letter)
        assert letter["message"]
        assert letter["topic"] == "articles.raw" and letter["offset"] is not None
        assert base64.b64decode(letter["original_b64"]) == (value or b"")

    tagged = consume_until(pipeline.bootstrap, "articles.tagged", lambda rs: any(r.key == good.encode() for r in rs))
    assert any(r.json()["id"] == good for r in tagged)
