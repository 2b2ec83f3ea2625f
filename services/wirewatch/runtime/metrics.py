"""Every metric Wirewatch exports, declared once against an injected registry.

Shells call the ``record_*`` helpers, never ``.labels()`` directly, so label sets stay
bounded: stages and error kinds come from enums, countries from ISO codes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict

import pycountry
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from wirewatch.core.errors import ErrorKind


class Stage(StrEnum):
    """A pipeline stage, as a metric label and a dead-letter field."""

    SCRAPER = "scraper"
    INGEST = "ingest"
    CLEANER = "cleaner"
    TAGGER = "tagger"
    AGGREGATOR = "aggregator"
    API = "api"
    ARCHIVER = "archiver"


_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
#: From a page being fetched to an event about it: sub-second when idle, minutes under a backlog.
_END_TO_END_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)


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
    agreement_events: Counter
    end_to_end: Histogram
    consumer_lag: Gauge
    windows_closed: Counter
    late_contributions: Counter
    watchlist: Gauge
    sse_subscribers: Gauge
    pair_articles: Counter
    table_expired: Counter
    sink_messages: Counter
    sink_seconds: Histogram
    archive_pruned: Counter

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
                "Agreement reports the tagger delivered, by type and status (counted by the tagger only).",
                ["type", "status"],
                registry=reg,
            ),
            country_articles=Counter(
                "wirewatch_country_articles_total",
                "Articles mentioning a country (ISO 3166-1 alpha-3).",
                ["country"],
                registry=reg,
            ),
            **_downstream_metrics(reg),
        )

    def record_agreement_event(self, agreement_type: str, status: str, parties: tuple[str, ...]) -> None:
        """One reported agreement, counted once per party country (organisations are not labels)."""
        for code in parties:
            if _is_iso3(code):
                self.agreement_events.labels(agreement_type, status, code).inc()

    def record_pair(self, first: str, second: str) -> None:
        """One article mentioning both countries (ISO codes only; the pair is ordered)."""
        if _is_iso3(first) and _is_iso3(second) and first != second:
            low, high = sorted((first, second))
            self.pair_articles.labels(low, high).inc()

    def record_end_to_end(self, topic: str, seconds: float) -> None:
        """Time from the article's fetch to an event about it being acknowledged on ``topic``."""
        if seconds >= 0:
            self.end_to_end.labels(topic).observe(seconds)

    def record_lag(self, group: str, topic: str, partition: int, lag: int) -> None:
        """Messages between a consumer's position and the partition's high watermark."""
        self.consumer_lag.labels(group, topic, str(partition)).set(max(lag, 0))

    def record_window_closed(self, window: str) -> None:
        """One relation window closed and its event was produced."""
        self.windows_closed.labels(window).inc()

    def record_expired(self, table: str, count: int) -> None:
        """A table sweep deleted ``count`` entries past their retention (0 still creates the series)."""
        self.table_expired.labels(table).inc(count)

    def record_late(self, window: str) -> None:
        """One contribution arrived after its window had closed and was dropped."""
        self.late_contributions.labels(window).inc()

    def watch(self, codes: tuple[str, ...], agreement_types: tuple[str, ...], statuses: tuple[str, ...]) -> None:
        """Export the watch list and start its agreement counters at 0, so the first event is an increase."""
        for code in codes:
            if not _is_iso3(code):
                continue
            self.watchlist.labels(code).set(1)
            for agreement_type in agreement_types:
                for status in statuses:
                    self.agreement_events.labels(agreement_type, status, code)

    def record_processed(self, stage: Stage, seconds: float, now: float) -> None:
        """One message handled by ``stage`` in ``seconds``."""
        self.processed.labels(stage.value).inc()
        self.latency.labels(stage.value).observe(seconds)
        self.last_processed.labels(stage.value).set(now)

    def record_failed(self, stage: Stage, error_kind: ErrorKind) -> None:
        """One message ``stage`` could not handle, now in the dead-letter topic."""
        self.failed.labels(stage.value, error_kind).inc()
        self.deadlettered.labels(stage.value, error_kind).inc()

    def record_produced(self, topic: str, count: int = 1) -> None:
        """``count`` messages acknowledged by the broker on ``topic``."""
        self.messages_out.labels(topic).inc(count)

    def record_up(self, stage: Stage, running: bool) -> None:
        """Whether the stage's loop is running."""
        self.up.labels(stage.value).set(1 if running else 0)

    def record_agreement(self, agreement_type: str, status: str, count: int = 1) -> None:
        """``count`` agreement reports delivered by the tagger (the only place that counts them)."""
        self.agreements.labels(agreement_type, status).inc(count)

    def record_sunk(self, stage: Stage, topic: str, count: int) -> None:
        """``count`` messages of ``topic`` a sink stage wrote to its store (committed there)."""
        self.sink_messages.labels(stage.value, topic).inc(count)

    def record_sink_write(self, stage: Stage, seconds: float) -> None:
        """One batch written by a sink stage, store commit included."""
        self.sink_seconds.labels(stage.value).observe(seconds)

    def record_pruned(self, rows: int) -> None:
        """A retention sweep of the archive deleted ``rows`` rows (0 still creates the series)."""
        self.archive_pruned.inc(rows)

    def record_country(self, code: str) -> None:
        """One article mentioning country ``code`` (organisations are not counted here)."""
        if _is_iso3(code):
            self.country_articles.labels(code).inc()


#: ISO 3166-1 alpha-3 codes: the only country label values, so label sets stay bounded.
_ISO3 = frozenset(country.alpha_3 for country in pycountry.countries)


def _is_iso3(code: str) -> bool:
    return code in _ISO3


class _Downstream(TypedDict):
    pair_articles: Counter
    agreement_events: Counter
    end_to_end: Histogram
    consumer_lag: Gauge
    windows_closed: Counter
    late_contributions: Counter
    watchlist: Gauge
    sse_subscribers: Gauge
    table_expired: Counter
    sink_messages: Counter
    sink_seconds: Histogram
    archive_pruned: Counter


def _downstream_metrics(reg: CollectorRegistry) -> _Downstream:
    """The metrics of the aggregator and the API: news by country, lag, end-to-end latency, windows."""
    return _Downstream(
        pair_articles=Counter(
            "wirewatch_country_pair_articles_total",
            "Articles mentioning both countries of a pair (ISO 3166-1 alpha-3, country_a < country_b).",
            ["country_a", "country_b"],
            registry=reg,
        ),
        agreement_events=Counter(
            "wirewatch_agreement_events_total",
            "Agreements reported by articles, by type, status and party country (ISO 3166-1 alpha-3).",
            ["type", "status", "country"],
            registry=reg,
        ),
        end_to_end=Histogram(
            "wirewatch_end_to_end_seconds",
            "From an article's fetch to an event about it acknowledged on a topic.",
            ["topic"],
            buckets=_END_TO_END_BUCKETS,
            registry=reg,
        ),
        consumer_lag=Gauge(
            "wirewatch_consumer_lag_messages",
            "Messages between a consumer's position and the partition's high watermark.",
            ["group", "topic", "partition"],
            registry=reg,
        ),
        windows_closed=Counter(
            "wirewatch_relation_windows_closed_total",
            "Country-pair relation windows closed and emitted, by window size.",
            ["window"],
            registry=reg,
        ),
        late_contributions=Counter(
            "wirewatch_relation_late_contributions_total",
            "Pair contributions dropped because their window had already closed.",
            ["window"],
            registry=reg,
        ),
        watchlist=Gauge(
            "wirewatch_watchlist_info",
            "1 for each country on the watch list (WIREWATCH_WATCHLIST); the news alerts join on it.",
            ["country"],
            registry=reg,
        ),
        sse_subscribers=Gauge(
            "wirewatch_sse_subscribers",
            "Clients connected to the API's Server-Sent Events stream.",
            registry=reg,
        ),
        table_expired=Counter(
            "wirewatch_table_entries_expired_total",
            "Entries a stage's table sweep deleted because they were past their retention, by table.",
            ["table"],
            registry=reg,
        ),
        sink_messages=Counter(
            "wirewatch_sink_messages_total",
            "Messages a sink stage (the archiver) wrote to its store, by source topic.",
            ["stage", "topic"],
            registry=reg,
        ),
        sink_seconds=Histogram(
            "wirewatch_sink_write_seconds",
            "Time a sink stage takes to write one batch to its store, its commit included.",
            ["stage"],
            buckets=_LATENCY_BUCKETS,
            registry=reg,
        ),
        archive_pruned=Counter(
            "wirewatch_archive_pruned_rows_total",
            "Rows the archive's retention sweep deleted (WIREWATCH_ARCHIVE_DAYS).",
            registry=reg,
        ),
    )


# --- Scraper -------------------------------------------------------------------------------------


class FetchKind(StrEnum):
    """What a scraper request was for."""

    FEED = "feed"
    PAGE = "page"
    ROBOTS = "robots"


class FetchOutcome(StrEnum):
    """How a scraper request ended. Values are stable metric labels."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    HTTP_ERROR = "http_error"  # 4xx (other than 429) or 5xx after the retries
    RATE_LIMITED = "rate_limited"  # 429 after the retries, or a Retry-After beyond the limit
    TIMEOUT = "timeout"
    CONNECTION_ERROR = "connection_error"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    ROBOTS_DISALLOWED = "robots_disallowed"
    BLOCKED_ADDRESS = "blocked_address"
    BAD_URL = "bad_url"
    CONTENT_TYPE = "content_type"


class SkipReason(StrEnum):
    """Why the scraper did not publish something it found. Values are stable metric labels."""

    SEEN = "seen"
    UNCHANGED = "unchanged"
    MALFORMED_FEED = "malformed_feed"
    UNSAFE_FEED = "unsafe_feed"
    FETCH_FAILED = "fetch_failed"
    ROBOTS = "robots"
    CONTENT_TYPE = "content_type"
    TOO_LARGE = "too_large"
    OFF_SITE = "off_site"
    EMPTY = "empty"


_FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True, slots=True)
class ScraperMetrics:
    """The scraper's metrics. ``feed`` labels are feed names from the sources config (bounded)."""

    fetches: Counter
    fetch_seconds: Histogram
    fetched_bytes: Counter
    published: Counter
    last_success: Gauge
    robots_refusals: Counter
    queue_depth: Gauge
    skipped: Counter
    retries: Counter
    seen_articles: Gauge
    seen_expired: Counter

    @classmethod
    def create(cls, registry: CollectorRegistry) -> ScraperMetrics:
        """Declare the scraper's metrics against ``registry`` (the process's ``Metrics.registry``)."""
        return cls(
            fetches=Counter(
                "wirewatch_scraper_fetches_total",
                "Scraper requests by feed, kind (feed, page, robots) and outcome.",
                ["feed", "kind", "outcome"],
                registry=registry,
            ),
            fetch_seconds=Histogram(
                "wirewatch_scraper_fetch_seconds",
                "Time of one scraper request, retries and waits for politeness included.",
                ["feed", "kind"],
                buckets=_FETCH_BUCKETS,
                registry=registry,
            ),
            fetched_bytes=Counter(
                "wirewatch_scraper_fetched_bytes_total",
                "Response body bytes the scraper received (after decompression).",
                ["feed"],
                registry=registry,
            ),
            published=Counter(
                "wirewatch_scraper_articles_published_total",
                "Articles acknowledged by Kafka on articles.raw, by feed.",
                ["feed"],
                registry=registry,
            ),
            last_success=Gauge(
                "wirewatch_scraper_last_success_timestamp_seconds",
                "Unix time of the last successful poll of a feed (200 or 304); alert when stale.",
                ["feed"],
                registry=registry,
            ),
            robots_refusals=Counter(
                "wirewatch_scraper_robots_refusals_total",
                "Requests not made because robots.txt disallows them.",
                ["feed"],
                registry=registry,
            ),
            queue_depth=Gauge(
                "wirewatch_scraper_queue_messages",
                "Articles waiting for a Kafka acknowledgement (bounded by WIREWATCH_SCRAPER_QUEUE_SIZE).",
                registry=registry,
            ),
            skipped=Counter(
                "wirewatch_scraper_skipped_total",
                "Feed items or feeds the scraper did not publish, by reason.",
                ["feed", "reason"],
                registry=registry,
            ),
            retries=Counter(
                "wirewatch_scraper_retries_total",
                "Requests repeated after a connection error, 429 or 5xx.",
                ["feed"],
                registry=registry,
            ),
            seen_articles=Gauge(
                "wirewatch_scraper_seen_articles",
                "Articles in the seen set: those a feed listed within WIREWATCH_SCRAPER_SEEN_DAYS.",
                registry=registry,
            ),
            seen_expired=Counter(
                "wirewatch_scraper_seen_expired_total",
                "Seen-set entries forgotten and tombstoned: no feed listed them for WIREWATCH_SCRAPER_SEEN_DAYS.",
                registry=registry,
            ),
        )

    def record_fetch(self, feed: str, kind: FetchKind, outcome: FetchOutcome, seconds: float, size: int) -> None:
        """One request finished (after its retries) with ``outcome``."""
        self.fetches.labels(feed, kind.value, outcome.value).inc()
        self.fetch_seconds.labels(feed, kind.value).observe(seconds)
        if size:
            self.fetched_bytes.labels(feed).inc(size)
        if outcome is FetchOutcome.ROBOTS_DISALLOWED:
            self.robots_refusals.labels(feed).inc()

    def record_retry(self, feed: str) -> None:
        """A request is being repeated."""
        self.retries.labels(feed).inc()

    def record_poll_success(self, feed: str, now: float) -> None:
        """A feed answered 200 with a parseable body, or 304."""
        self.last_success.labels(feed).set(now)

    def record_published(self, feed: str) -> None:
        """Kafka acknowledged an article from ``feed``."""
        self.published.labels(feed).inc()

    def record_skipped(self, feed: str, reason: SkipReason) -> None:
        """An item (or a whole feed body) was not published, for ``reason``."""
        self.skipped.labels(feed, reason.value).inc()

    def record_queue_depth(self, depth: int) -> None:
        """Articles currently waiting for Kafka."""
        self.queue_depth.set(depth)

    def record_seen(self, size: int, expired: int = 0) -> None:
        """The seen set holds ``size`` articles after ``expired`` were forgotten."""
        self.seen_articles.set(size)
        if expired:
            self.seen_expired.inc(expired)
