from __future__ import annotations

from prometheus_client import generate_latest

from wirewatch.runtime.metrics import Metrics, Stage


def _sample(metrics: Metrics, name: str, labels: dict[str, str]) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_each_registry_is_isolated() -> None:
    a, b = Metrics.create(), Metrics.create()
    a.record_processed(Stage.CLEANER, 0.01, 1.0)
    assert _sample(a, "wirewatch_messages_processed_total", {"stage": "cleaner"}) == 1.0
    assert _sample(b, "wirewatch_messages_processed_total", {"stage": "cleaner"}) is None


def test_failures_count_as_dead_letters() -> None:
    m = Metrics.create()
    m.record_failed(Stage.TAGGER, "not_json")
    m.record_failed(Stage.TAGGER, "not_json")
    assert _sample(m, "wirewatch_deadletters_total", {"stage": "tagger", "error_kind": "not_json"}) == 2.0
    assert _sample(m, "wirewatch_messages_failed_total", {"stage": "tagger", "error_kind": "not_json"}) == 2.0


def test_country_label_set_stays_bounded_to_iso_codes() -> None:
    m = Metrics.create()
    for code in ("RUS", "ORG:UN", "russia", "XXXX"):
        m.record_country(code)
    text = generate_latest(m.registry).decode()
    assert 'country="RUS"' in text
    assert "ORG:UN" not in text and "russia" not in text and "XXXX" not in text
