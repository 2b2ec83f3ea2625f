"""``wirewatch tail --country/--type/--status`` against a real broker."""

from __future__ import annotations

import uuid
from pathlib import Path

import orjson

from tests.kafka_helpers import produce, wirewatch
from tests.seeded import seed_outputs


def test_tail_filters_agreement_events(broker, seeds_dir: Path) -> None:
    env = {"KAFKA_BOOTSTRAP_SERVERS": broker, "WIREWATCH_TOPIC_PREFIX": f"f{uuid.uuid4().hex[:8]}."}
    assert wirewatch("topics", "--create", env=env).returncode == 0
    events = seed_outputs(seeds_dir).agreements
    other = {**events[0], "id": "elsewhere", "parties": ["DEU", "FRA"], "type": "energy", "status": "planned"}
    produce(
        broker, env["WIREWATCH_TOPIC_PREFIX"] + "events.agreements", [(b"k", orjson.dumps(e)) for e in [*events, other]]
    )

    def tail(*filters: str) -> list[dict]:
        result = wirewatch("tail", "events.agreements", "--from-beginning", "--timeout", "3", *filters, env=env)
        assert result.returncode == 0, result.stderr.decode()
        return [orjson.loads(line) for line in result.stdout.splitlines()]

    military = tail("--country", "rus", "--type", "military")
    assert military and all(e["type"] == "military" and "RUS" in e["parties"] for e in military)
    assert [e["id"] for e in tail("--country", "FRA", "--status", "planned")] == ["elsewhere"]
    assert tail("--country", "FRA", "--type", "military") == []
    bad = wirewatch("tail", "events.agreements", "--type", "friendship", "--timeout", "1", env=env)
    assert bad.returncode != 0 and b"friendship" in bad.stderr
