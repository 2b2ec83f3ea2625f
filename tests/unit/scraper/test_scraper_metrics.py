"""ScraperMetrics: declared once on the process registry, recorded through helpers with enum labels."""

from __future__ import annotations

from wirewatch.runtime.metrics import FetchKind, FetchOutcome, Metrics, ScraperMetrics, SkipReason


def _value(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_fetch_outcomes_bytes_and_robots_refusals():
    metrics = Metrics.create()
    scraper = ScraperMetrics.create(metrics.registry)
    scraper.record_fetch("dw-en", FetchKind.FEED, FetchOutcome.OK, 0.2, 1234)
    scraper.record_fetch("dw-en", FetchKind.PAGE, FetchOutcome.ROBOTS_DISALLOWED, 0.0, 0)
    assert _value(metrics, "wirewatch_scraper_fetches_total", feed="dw-en", kind="feed", outcome="ok") == 1
    assert _value(metrics, "wirewatch_scraper_fetched_bytes_total", feed="dw-en") == 1234
    assert _value(metrics, "wirewatch_scraper_robots_refusals_total", feed="dw-en") == 1
    assert _value(metrics, "wirewatch_scraper_fetch_seconds_count", feed="dw-en", kind="page") == 1


def test_poll_success_published_skipped_queue_and_seen_set():
    metrics = Metrics.create()
    scraper = ScraperMetrics.create(metrics.registry)
    scraper.record_poll_success("tagesschau", 1_800_000_000.0)
    scraper.record_published("tagesschau")
    scraper.record_skipped("tagesschau", SkipReason.SEEN)
    scraper.record_queue_depth(7)
    scraper.record_seen(40, expired=3)
    scraper.record_seen(41)
    assert _value(metrics, "wirewatch_scraper_last_success_timestamp_seconds", feed="tagesschau") == 1_800_000_000.0
    assert _value(metrics, "wirewatch_scraper_articles_published_total", feed="tagesschau") == 1
    assert _value(metrics, "wirewatch_scraper_skipped_total", feed="tagesschau", reason="seen") == 1
    assert _value(metrics, "wirewatch_scraper_queue_messages") == 7
    assert _value(metrics, "wirewatch_scraper_seen_articles") == 41
    assert _value(metrics, "wirewatch_scraper_seen_expired_total") == 3


def test_metric_names_end_in_a_unit():
    metrics = Metrics.create()
    ScraperMetrics.create(metrics.registry)
    families = [m for m in metrics.registry.collect() if m.name.startswith("wirewatch_scraper_")]
    assert len(families) == 11
    for family in families:
        if family.type == "histogram":
            assert family.name.endswith("_seconds")
        elif family.type == "gauge":
            assert family.name.endswith(("_seconds", "_messages", "_articles"))
        else:
            assert family.type == "counter"
            assert all(s.name.endswith(("_total", "_created")) for s in family.samples)
