"""Settings, read once from the environment into a frozen object.

=================================  ======================================================  ===========
Environment variable               Meaning                                                 Default
=================================  ======================================================  ===========
``KAFKA_BOOTSTRAP_SERVERS``        Kafka cluster to use; unset: start the embedded broker   (unset)
``WIREWATCH_TOPIC_PREFIX``         Prefix before every topic name                          ``""``
``WIREWATCH_PARTITIONS``           Partitions of each topic created at start-up             ``4``
``WIREWATCH_REPLICATION``          Replication factor of topics created at start-up         ``1``
``WIREWATCH_HTTP_HOST``            Address the HTTP servers (health, metrics, API) bind     ``127.0.0.1``
``WIREWATCH_HTTP_PORT``            Port of this process's HTTP server (0: pick a free one)  per service
``WIREWATCH_API_PORT``             Port of the API and dashboard under ``wirewatch run``    ``8080``
``WIREWATCH_METRICS_BASE_PORT``    First port of the other services under ``wirewatch run``  ``9310``
``WIREWATCH_BROKER_PORT``          Port of the embedded broker (0: pick a free one)         ``0``
``WIREWATCH_BATCH_SIZE``           Messages a stage processes per batch                     ``100``
``WIREWATCH_BATCH_WITHIN``         Seconds a stage waits to fill a batch                    ``0.05``
``WIREWATCH_MAX_BODY_BYTES``       Raw articles larger than this are refused                ``5000000``
``WIREWATCH_LOG_LEVEL``            Log level of every service                              ``info``
``WIREWATCH_CONSUMER_GROUP``       Prefix of consumer-group ids (one group per stage)       ``wirewatch``
``WIREWATCH_WATCHLIST``            ISO3 codes the news alerts watch, comma-separated        ``""``
``WIREWATCH_WINDOW_LATENESS``      Seconds a relation window waits for late articles        ``60``
``WIREWATCH_DATA_DIR``             Local state: Faust table data, logs of ``wirewatch run``  ``.wirewatch``
``WIREWATCH_DEDUP_DAYS``           Days the cleaner's dedup index remembers (0.01 = 14 min)  ``7``
``WIREWATCH_AGREEMENT_DAYS``       Days an agreement event is kept after its last report     ``365``
``WIREWATCH_DATABASE_URL``         The archive: ``postgresql://…``, or ``sqlite:///path``    SQLite file
``WIREWATCH_ARCHIVE_DAYS``         Days the archive keeps articles and events (0: forever)   ``0``
=================================  ======================================================  ===========

Without ``WIREWATCH_DATABASE_URL`` the archive is ``archive.sqlite3`` in ``WIREWATCH_DATA_DIR``.

Scraper (``wirewatch scrape``; see ``scraper/``):

======================================  =======================================================  ==================
Environment variable                    Meaning                                                  Default
======================================  =======================================================  ==================
``WIREWATCH_SCRAPER_CONFIG``            Sources file (TOML; format: ``scraper/config.py``)       shipped list
``WIREWATCH_SCRAPER_USER_AGENT``        User-Agent of every scraper request                      ``Wirewatch/0.1…``
``WIREWATCH_SCRAPER_CONCURRENCY``       Requests in flight, all hosts together                   ``16``
``WIREWATCH_SCRAPER_HOST_CONCURRENCY``  Requests in flight to one host                           ``2``
``WIREWATCH_SCRAPER_HOST_DELAY``        Seconds between starts per host (Crawl-delay raises it)  ``1.0``
``WIREWATCH_SCRAPER_MAX_BYTES``         Largest body kept, counted after decompression           ``5000000``
``WIREWATCH_SCRAPER_CONNECT_TIMEOUT``   Seconds to connect                                       ``10``
``WIREWATCH_SCRAPER_READ_TIMEOUT``      Seconds to wait for the next bytes of a response         ``20``
``WIREWATCH_SCRAPER_TOTAL_TIMEOUT``     Seconds one request may take in all (ends slow drips)    ``60``
``WIREWATCH_SCRAPER_RETRIES``           Retries after connection errors, 429 and 5xx             ``3``
``WIREWATCH_SCRAPER_BACKOFF``           First retry delay in seconds (doubles, plus jitter)      ``1.0``
``WIREWATCH_SCRAPER_MAX_RETRY_AFTER``   Longest Retry-After waited; longer defers the feed       ``120``
``WIREWATCH_SCRAPER_MAX_REDIRECTS``     Redirects followed per request                           ``5``
``WIREWATCH_SCRAPER_ALLOW_ADDRESSES``   Non-public networks allowed, e.g. ``127.0.0.0/8``        ``""``
``WIREWATCH_SCRAPER_QUEUE_SIZE``        Articles held while Kafka is down; full: fetching waits  ``1000``
``WIREWATCH_SCRAPER_ROBOTS_TTL``        Seconds a robots.txt stays cached                        ``3600``
``WIREWATCH_SCRAPER_SEND_TIMEOUT``      Seconds the producer waits for an acknowledgement        ``30``
``WIREWATCH_SCRAPER_SEEN_DAYS``         Days an article no feed lists stays seen (0.5 = 12 h)    ``30``
======================================  =======================================================  ==================
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from wirewatch.contracts.topics import TopicNames


class SettingsError(ValueError):
    """An environment variable holds a value that cannot be used."""


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not an integer") from None
    if value < minimum:
        raise SettingsError(f"{name}={value} is below the minimum {minimum}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number") from None


def _codes(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in env.get(name, "").split(",") if c.strip())
    bad = [c for c in codes if len(c) != 3 or not c.isascii() or not c.isalpha()]
    if bad:
        raise SettingsError(f"{name}: not ISO 3166-1 alpha-3 codes: {', '.join(bad)}")
    return codes


DEFAULT_USER_AGENT = "Wirewatch/0.1 (news research crawler; +https://wirewatch.dev/bot)"


def _networks(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    raw = env.get(name, "")
    nets = tuple(part.strip() for part in raw.split(",") if part.strip())
    for net in nets:
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise SettingsError(f"{name}: {net!r} is not an IP network such as 127.0.0.0/8") from None
    return nets


@dataclass(frozen=True, slots=True)
class ScraperSettings:
    """The scraper's fetch limits and manners (``WIREWATCH_SCRAPER_*`` in the module docstring table)."""

    config_path: str | None = None
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 16
    host_concurrency: int = 2
    host_delay: float = 1.0
    max_bytes: int = 5_000_000
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_redirects: int = 5
    allow_addresses: tuple[str, ...] = ()
    queue_size: int = 1000
    robots_ttl: float = 3600.0
    send_timeout: float = 30.0
    seen_days: float = 30.0  # an article no feed has listed for this long leaves the seen set

    @classmethod
    def from_env(cls, e: Mapping[str, str]) -> ScraperSettings:
        """Read the ``WIREWATCH_SCRAPER_*`` variables; ``SettingsError`` on bad values."""
        return cls(
            config_path=e.get("WIREWATCH_SCRAPER_CONFIG") or None,
            user_agent=e.get("WIREWATCH_SCRAPER_USER_AGENT") or DEFAULT_USER_AGENT,
            concurrency=_int(e, "WIREWATCH_SCRAPER_CONCURRENCY", 16, minimum=1),
            host_concurrency=_int(e, "WIREWATCH_SCRAPER_HOST_CONCURRENCY", 2, minimum=1),
            host_delay=_float(e, "WIREWATCH_SCRAPER_HOST_DELAY", 1.0),
            max_bytes=_int(e, "WIREWATCH_SCRAPER_MAX_BYTES", 5_000_000, minimum=1024),
            connect_timeout=_float(e, "WIREWATCH_SCRAPER_CONNECT_TIMEOUT", 10.0),
            read_timeout=_float(e, "WIREWATCH_SCRAPER_READ_TIMEOUT", 20.0),
            total_timeout=_float(e, "WIREWATCH_SCRAPER_TOTAL_TIMEOUT", 60.0),
            retries=_int(e, "WIREWATCH_SCRAPER_RETRIES", 3),
            backoff=_float(e, "WIREWATCH_SCRAPER_BACKOFF", 1.0),
            max_retry_after=_float(e, "WIREWATCH_SCRAPER_MAX_RETRY_AFTER", 120.0),
            max_redirects=_int(e, "WIREWATCH_SCRAPER_MAX_REDIRECTS", 5),
            allow_addresses=_networks(e, "WIREWATCH_SCRAPER_ALLOW_ADDRESSES"),
            queue_size=_int(e, "WIREWATCH_SCRAPER_QUEUE_SIZE", 1000, minimum=1),
            robots_ttl=_float(e, "WIREWATCH_SCRAPER_ROBOTS_TTL", 3600.0),
            send_timeout=_float(e, "WIREWATCH_SCRAPER_SEND_TIMEOUT", 30.0),
            seen_days=_positive(_float(e, "WIREWATCH_SCRAPER_SEEN_DAYS", 30.0), "WIREWATCH_SCRAPER_SEEN_DAYS"),
        )


def _at_least_zero(value: float, name: str) -> float:
    if not value >= 0:  # nan is refused too
        raise SettingsError(f"{name}={value} must be 0 (keep everything) or more")
    return value


_DATABASE_SCHEMES = ("postgresql://", "postgres://", "sqlite:///")


def _database_url(env: Mapping[str, str]) -> str | None:
    url = env.get("WIREWATCH_DATABASE_URL") or None
    if url is not None and not url.startswith(_DATABASE_SCHEMES):
        raise SettingsError(f"WIREWATCH_DATABASE_URL must start with one of {', '.join(_DATABASE_SCHEMES)}")
    return url


def _positive(value: float, name: str) -> float:
    if not value > 0:  # written so that nan is refused too (``nan <= 0`` is false)
        raise SettingsError(f"{name}={value} must be above 0")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of a Wirewatch process; see the module docstring for the variables."""

    bootstrap_servers: str | None = None
    topic_prefix: str = ""
    partitions: int = 4
    replication: int = 1
    http_host: str = "127.0.0.1"
    http_port: int | None = None
    api_port: int = 8080
    metrics_base_port: int = 9310
    broker_port: int = 0
    batch_size: int = 100
    batch_within: float = 0.05
    max_body_bytes: int = 5_000_000
    log_level: str = "info"
    group_prefix: str = "wirewatch"
    watchlist: tuple[str, ...] = ()
    window_lateness: float = 60.0
    data_dir: str = ".wirewatch"
    dedup_retention_days: float = 7.0
    agreement_retention_days: float = 365.0
    database_url: str | None = None
    archive_days: float = 0.0  # 0: keep everything
    scraper: ScraperSettings = field(default_factory=lambda: ScraperSettings())

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: ``os.environ``); ``SettingsError`` on bad values."""
        e = os.environ if env is None else env
        port = e.get("WIREWATCH_HTTP_PORT")
        return cls(
            bootstrap_servers=e.get("KAFKA_BOOTSTRAP_SERVERS") or None,
            topic_prefix=e.get("WIREWATCH_TOPIC_PREFIX", ""),
            partitions=_int(e, "WIREWATCH_PARTITIONS", 4, minimum=1),
            replication=_int(e, "WIREWATCH_REPLICATION", 1, minimum=1),
            http_host=e.get("WIREWATCH_HTTP_HOST", "127.0.0.1"),
            http_port=_int(e, "WIREWATCH_HTTP_PORT", 0) if port not in (None, "") else None,
            api_port=_int(e, "WIREWATCH_API_PORT", 8080),
            metrics_base_port=_int(e, "WIREWATCH_METRICS_BASE_PORT", 9310),
            broker_port=_int(e, "WIREWATCH_BROKER_PORT", 0),
            batch_size=_int(e, "WIREWATCH_BATCH_SIZE", 100, minimum=1),
            batch_within=_float(e, "WIREWATCH_BATCH_WITHIN", 0.05),
            max_body_bytes=_int(e, "WIREWATCH_MAX_BODY_BYTES", 5_000_000, minimum=1),
            log_level=e.get("WIREWATCH_LOG_LEVEL", "info").lower(),
            group_prefix=e.get("WIREWATCH_CONSUMER_GROUP", "wirewatch"),
            watchlist=_codes(e, "WIREWATCH_WATCHLIST"),
            window_lateness=_float(e, "WIREWATCH_WINDOW_LATENESS", 60.0),
            data_dir=e.get("WIREWATCH_DATA_DIR") or ".wirewatch",
            dedup_retention_days=_positive(_float(e, "WIREWATCH_DEDUP_DAYS", 7.0), "WIREWATCH_DEDUP_DAYS"),
            agreement_retention_days=_positive(
                _float(e, "WIREWATCH_AGREEMENT_DAYS", 365.0), "WIREWATCH_AGREEMENT_DAYS"
            ),
            database_url=_database_url(e),
            archive_days=_at_least_zero(_float(e, "WIREWATCH_ARCHIVE_DAYS", 0.0), "WIREWATCH_ARCHIVE_DAYS"),
            scraper=ScraperSettings.from_env(e),
        )

    @property
    def topics(self) -> TopicNames:
        """Topic names with this deployment's prefix."""
        return TopicNames(self.topic_prefix)

    @property
    def bootstrap(self) -> str:
        """The bootstrap servers; ``SettingsError`` when no broker is configured."""
        if not self.bootstrap_servers:
            raise SettingsError("KAFKA_BOOTSTRAP_SERVERS is not set (and no embedded broker was started)")
        return self.bootstrap_servers

    @property
    def archive_url(self) -> str:
        """Where the archive is: ``WIREWATCH_DATABASE_URL``, else a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(Path(self.data_dir) / 'archive.sqlite3').resolve()}"

    def with_bootstrap(self, servers: str) -> Settings:
        """A copy pointing at ``servers``."""
        return replace(self, bootstrap_servers=servers)
