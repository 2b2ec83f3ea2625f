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
=================================  ======================================================  ===========
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

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

    def with_bootstrap(self, servers: str) -> Settings:
        """A copy pointing at ``servers``."""
        return replace(self, bootstrap_servers=servers)
