"""Every metric Wirewatch exports, declared once against an injected registry.

Shells call the ``record_*`` helpers, never ``.labels()`` directly, so label sets stay
bounded: stages and error kinds come from enums, countries from ISO codes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Stage(StrEnum):
    """A pipeline stage, as a metric label and a dead-letter field."""

    SCRAPER = "scraper"
    INGEST = "ingest"
    CLEANER = "cleaner"
    TAGGER = "tagger"
    AGGREGATOR = "aggregator"
    API = "api"


_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


@dataclass(frozen=True, slots=True)
class Metrics:
    """The metric objects of one process. Build with ``Metrics.create(registry)``."""

    registry: CollectorRegistry
    processed: Counter
    failed: Counter
    deadlettered: Counter
    latency: Histogram
    messages_out: Counter
    up: Gauge
    last_processed: Gauge
    agreements: Counter
    country_articles: Counter

    @classmethod
    def create(cls, registry: CollectorRegistry | None = None) -> Metrics:
        """Declare every metric against ``registry`` (a fresh one by default, so tests stay isolated)."""
        reg = registry if registry is not None else CollectorRegistry()
        return cls(
            registry=reg,
            processed=Counter(
                "wirewatch_messages_processed_total",
                "Messages a stage handled successfully.",
                ["stage"],
                registry=reg,
            ),
            failed=Counter(
                "wirewatch_messages_failed_total",
                "Messages a stage could not handle, by error kind.",
                ["stage", "error_kind"],
                registry=reg,
            ),
            deadlettered=Counter(
                "wirewatch_deadletters_total",
                "Dead-letter records written, by stage and error kind.",
                ["stage", "error_kind"],
                registry=reg,
            ),
            latency=Histogram(
                "wirewatch_processing_seconds",
                "Time a stage spends on one message (core work only).",
                ["stage"],
                buckets=_LATENCY_BUCKETS,
                registry=reg,
            ),
            messages_out=Counter(
                "wirewatch_messages_produced_total",
                "Messages produced, by topic.",
                ["topic"],
                registry=reg,
            ),
            up=Gauge("wirewatch_up", "1 while the stage's main loop is running.", ["stage"], registry=reg),
            last_processed=Gauge(
                "wirewatch_last_processed_timestamp_seconds",
                "Unix time of the last message a stage handled.",
                ["stage"],
                registry=reg,
            ),
            agreements=Counter(
                "wirewatch_agreements_total",
                "Agreements reported by articles, by type and status.",
                ["type", "status"],
                registry=reg,
            ),
            country_articles=Counter(
                "wirewatch_country_articles_total",
                "Articles mentioning a country (ISO 3166-1 alpha-3).",
                ["country"],
                registry=reg,
            ),
        )

    def record_processed(self, stage: Stage, seconds: float, now: float) -> None:
        """One message handled by ``stage`` in ``seconds``."""
        self.processed.labels(stage.value).inc()
        self.latency.labels(stage.value).observe(seconds)
        self.last_processed.labels(stage.value).set(now)

    def record_failed(self, stage: Stage, error_kind: str) -> None:
        """One message ``stage`` could not handle, now in the dead-letter topic."""
        self.failed.labels(stage.value, error_kind).inc()
        self.deadlettered.labels(stage.value, error_kind).inc()

    def record_produced(self, topic: str, count: int = 1) -> None:
        """``count`` messages acknowledged by the broker on ``topic``."""
        self.messages_out.labels(topic).inc(count)

    def record_up(self, stage: Stage, running: bool) -> None:
        """Whether the stage's loop is running."""
        self.up.labels(stage.value).set(1 if running else 0)

    def record_agreement(self, agreement_type: str, status: str) -> None:
        """One agreement reported by an article."""
        self.agreements.labels(agreement_type, status).inc()

    def record_country(self, code: str) -> None:
        """One article mentioning country ``code`` (organisations are not counted here)."""
        if len(code) == 3 and code.isalpha() and code.isupper():
            self.country_articles.labels(code).inc()
