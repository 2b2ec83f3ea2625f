"""The downstream metrics: names, bounded labels, the watch list pre-initialisation."""

from __future__ import annotations

from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from wirewatch.runtime.metrics import Metrics


def families(metrics: Metrics) -> dict[str, object]:
    return {f.name: f for f in text_string_to_metric_families(generate_latest(metrics.registry).decode())}


def test_metric_names_follow_the_prometheus_conventions():
    for family in families(Metrics.create()).values():
        assert family.name.startswith("wirewatch_")
        if family.type == "counter":
            assert family.name.endswith("_total") or not family.name.endswith("_created")


def test_agreement_events_are_counted_per_party_country_and_organisations_are_not_labels():
    metrics = Metrics.create()
    metrics.record_agreement_event("military", "signed", ("RUS", "MMR", "ORG:ASEAN"))
    sample = metrics.registry.get_sample_value
    assert sample("wirewatch_agreement_events_total", {"type": "military", "status": "signed", "country": "RUS"}) == 1
    assert sample("wirewatch_agreement_events_total", {"type": "military", "status": "signed", "country": "MMR"}) == 1
    text = generate_latest(metrics.registry).decode()
    assert "ORG:ASEAN" not in text


def test_the_watch_list_is_exported_and_its_counters_start_at_zero():
    metrics = Metrics.create()
    metrics.watch(("PRK", "bad!"), ("military",), ("signed",))
    sample = metrics.registry.get_sample_value
    assert sample("wirewatch_watchlist_info", {"country": "PRK"}) == 1
    assert sample("wirewatch_agreement_events_total", {"type": "military", "status": "signed", "country": "PRK"}) == 0
    assert sample("wirewatch_watchlist_info", {"country": "bad!"}) is None


def test_pairs_are_ordered_and_only_iso_codes():
    metrics = Metrics.create()
    metrics.record_pair("RUS", "MMR")
    metrics.record_pair("MMR", "RUS")
    metrics.record_pair("RUS", "ORG:EU")
    sample = metrics.registry.get_sample_value
    assert sample("wirewatch_country_pair_articles_total", {"country_a": "MMR", "country_b": "RUS"}) == 2
    assert "ORG:EU" not in generate_latest(metrics.registry).decode()


def test_lag_end_to_end_and_windows():
    metrics = Metrics.create()
    metrics.record_lag("wirewatch-aggregator", "articles.tagged", 3, -5)
    metrics.record_end_to_end("events.countries", 1.5)
    metrics.record_end_to_end("events.countries", -1.0)  # clock skew: not observed
    metrics.record_window_closed("PT1H")
    metrics.record_late("P1D")
    sample = metrics.registry.get_sample_value
    lag = {"group": "wirewatch-aggregator", "topic": "articles.tagged", "partition": "3"}
    assert sample("wirewatch_consumer_lag_messages", lag) == 0
    assert sample("wirewatch_end_to_end_seconds_count", {"topic": "events.countries"}) == 1
    assert sample("wirewatch_relation_windows_closed_total", {"window": "PT1H"}) == 1
    assert sample("wirewatch_relation_late_contributions_total", {"window": "P1D"}) == 1
