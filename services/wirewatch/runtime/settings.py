"""Settings, read once from the environment into a frozen object.

Each setting is declared once, on its field: the environment variable, the default and what it
means (``setting(...)``). ``Settings.from_env`` reads the variables from those declarations, and
the README's table of every variable is generated from them (``python -m wirewatch.runtime.settings
--readme README.md`` rewrites it; ``tests/unit/runtime/test_settings_table.py`` fails when it is
stale). A variable that is unset or empty takes its default.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from wirewatch.contracts.topics import TopicNames
from wirewatch.core.errors import ConfigurationError


class SettingsError(ConfigurationError, ValueError):
    """An environment variable holds a value that cannot be used."""


Parser = Callable[[str, str], Any]  # (variable name, its non-empty value) -> the setting's value


@dataclass(frozen=True, slots=True)
class Variable:
    """How one setting is read: its environment variable, its parser, and its line in the table."""

    env: str
    doc: str
    parse: Parser
    shown: str | None  # the default as the table shows it, when its value does not say it well


def setting(env: str, default: Any, doc: str, parse: Parser | None = None, shown: str | None = None) -> Any:
    """A settings field: its ``default``, read from ``env`` by ``parse`` (text as it is by default)."""
    return field(default=default, metadata={"variable": Variable(env, doc, parse or _text, shown)})


def _text(name: str, raw: str) -> str:
    return raw


def _lower(name: str, raw: str) -> str:
    return raw.lower()


def _integer(minimum: int = 0) -> Parser:
    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r} is not an integer") from None
        if value < minimum:
            raise SettingsError(f"{name}={value} is below the minimum {minimum}")
        return value

    return parse


def _number(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number") from None


def _positive(name: str, raw: str) -> float:
    value = _number(name, raw)
    if not value > 0:  # written so that nan is refused too (``nan <= 0`` is false)
        raise SettingsError(f"{name}={value} must be above 0")
    return value


def _at_least_zero(name: str, raw: str) -> float:
    value = _number(name, raw)
    if not value >= 0:  # nan is refused too
        raise SettingsError(f"{name}={value} must be 0 (keep everything) or more")
    return value


_DATABASE_SCHEMES = ("postgresql://", "postgres://", "sqlite:///")


def _database_url(name: str, raw: str) -> str:
    if not raw.startswith(_DATABASE_SCHEMES):
        raise SettingsError(f"{name} must start with one of {', '.join(_DATABASE_SCHEMES)}")
    return raw


def _codes(name: str, raw: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in raw.split(",") if c.strip())
    bad = [c for c in codes if len(c) != 3 or not c.isascii() or not c.isalpha()]
    if bad:
        raise SettingsError(f"{name}: not ISO 3166-1 alpha-3 codes: {', '.join(bad)}")
    return codes


def _networks(name: str, raw: str) -> tuple[str, ...]:
    nets = tuple(part.strip() for part in raw.split(",") if part.strip())
    for net in nets:
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise SettingsError(f"{name}: {net!r} is not an IP network such as 127.0.0.0/8") from None
    return nets


def _read(cls: type, env: Mapping[str, str]) -> dict[str, Any]:
    """The values ``env`` sets for the declared fields of ``cls`` (unset and empty ones are left out)."""
    values: dict[str, Any] = {}
    for f in fields(cls):
        variable: Variable | None = f.metadata.get("variable")
        raw = env.get(variable.env, "").strip() if variable else ""
        if variable and raw:
            values[f.name] = variable.parse(variable.env, raw)
    return values


DEFAULT_USER_AGENT = "Wirewatch/0.1 (news research crawler; +https://wirewatch.dev/bot)"


@dataclass(frozen=True, slots=True)
class ScraperSettings:
    """The scraper's fetch limits and manners (``WIREWATCH_SCRAPER_*``; ``wirewatch scrape``)."""

    config_path: str | None = setting(
        "WIREWATCH_SCRAPER_CONFIG", None, "Sources file (TOML; format: `scraper/config.py`)", shown="the shipped list"
    )
    user_agent: str = setting("WIREWATCH_SCRAPER_USER_AGENT", DEFAULT_USER_AGENT, "User-Agent of every scraper request")
    concurrency: int = setting(
        "WIREWATCH_SCRAPER_CONCURRENCY", 16, "Requests in flight, all hosts together", _integer(1)
    )
    host_concurrency: int = setting(
        "WIREWATCH_SCRAPER_HOST_CONCURRENCY", 2, "Requests in flight to one host", _integer(1)
    )
    host_delay: float = setting(
        "WIREWATCH_SCRAPER_HOST_DELAY", 1.0, "Seconds between starts per host (Crawl-delay raises it)", _number
    )
    max_bytes: int = setting(
        "WIREWATCH_SCRAPER_MAX_BYTES", 5_000_000, "Largest body kept, counted after decompression", _integer(1024)
    )
    connect_timeout: float = setting("WIREWATCH_SCRAPER_CONNECT_TIMEOUT", 10.0, "Seconds to connect", _number)
    read_timeout: float = setting(
        "WIREWATCH_SCRAPER_READ_TIMEOUT", 20.0, "Seconds to wait for the next bytes of a response", _number
    )
    total_timeout: float = setting(
        "WIREWATCH_SCRAPER_TOTAL_TIMEOUT", 60.0, "Seconds one request may take in all (ends slow drips)", _number
    )
    retries: int = setting("WIREWATCH_SCRAPER_RETRIES", 3, "Retries after connection errors, 429 and 5xx", _integer())
    backoff: float = setting(
        "WIREWATCH_SCRAPER_BACKOFF", 1.0, "First retry delay in seconds (doubles, plus jitter)", _number
    )
    max_retry_after: float = setting(
        "WIREWATCH_SCRAPER_MAX_RETRY_AFTER", 120.0, "Longest Retry-After waited; longer defers the feed", _number
    )
    max_redirects: int = setting("WIREWATCH_SCRAPER_MAX_REDIRECTS", 5, "Redirects followed per request", _integer())
    allow_addresses: tuple[str, ...] = setting(
        "WIREWATCH_SCRAPER_ALLOW_ADDRESSES", (), "Non-public networks allowed, e.g. `127.0.0.0/8`", _networks
    )
    queue_size: int = setting(
        "WIREWATCH_SCRAPER_QUEUE_SIZE", 1000, "Articles held while Kafka is down; full: fetching waits", _integer(1)
    )
    robots_ttl: float = setting("WIREWATCH_SCRAPER_ROBOTS_TTL", 3600.0, "Seconds a robots.txt stays cached", _number)
    send_timeout: float = setting(
        "WIREWATCH_SCRAPER_SEND_TIMEOUT", 30.0, "Seconds the producer waits for an acknowledgement", _number
    )
    seen_days: float = setting(
        "WIREWATCH_SCRAPER_SEEN_DAYS", 30.0, "Days an article no feed lists stays seen (0.5 = 12 h)", _positive
    )

    @classmethod
    def from_env(cls, e: Mapping[str, str]) -> ScraperSettings:
        """Read the ``WIREWATCH_SCRAPER_*`` variables; ``SettingsError`` on bad values."""
        return cls(**_read(cls, e))


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of a Wirewatch process."""

    bootstrap_servers: str | None = setting(
        "KAFKA_BOOTSTRAP_SERVERS", None, "Kafka cluster to use", shown="unset: start the embedded broker"
    )
    topic_prefix: str = setting("WIREWATCH_TOPIC_PREFIX", "", "Prefix before every topic name")
    partitions: int = setting("WIREWATCH_PARTITIONS", 4, "Partitions of each topic created at start-up", _integer(1))
    replication: int = setting(
        "WIREWATCH_REPLICATION", 1, "Replication factor of topics created at start-up", _integer(1)
    )
    http_host: str = setting("WIREWATCH_HTTP_HOST", "127.0.0.1", "Address the HTTP servers (health, metrics, API) bind")
    http_port: int | None = setting(
        "WIREWATCH_HTTP_PORT",
        None,
        "Port of this process's HTTP server (0: pick a free one)",
        _integer(),
        shown="per service",
    )
    api_port: int = setting(
        "WIREWATCH_API_PORT", 8080, "Port of the API and dashboard under `wirewatch run`", _integer()
    )
    metrics_base_port: int = setting(
        "WIREWATCH_METRICS_BASE_PORT", 9310, "First port of the other services under `wirewatch run`", _integer()
    )
    broker_port: int = setting(
        "WIREWATCH_BROKER_PORT",
        9092,
        "Port of the embedded broker of `wirewatch run` and `wirewatch broker` (0: pick a free one)",
        _integer(),
    )
    batch_size: int = setting("WIREWATCH_BATCH_SIZE", 100, "Messages a stage processes per batch", _integer(1))
    batch_within: float = setting("WIREWATCH_BATCH_WITHIN", 0.05, "Seconds a stage waits to fill a batch", _number)
    max_body_bytes: int = setting(
        "WIREWATCH_MAX_BODY_BYTES",
        5_000_000,
        "Raw articles larger than this (UTF-8 bytes) are refused, in the stream and by `analyze`",
        _integer(1),
    )
    log_level: str = setting("WIREWATCH_LOG_LEVEL", "info", "Log level of every service", _lower)
    group_prefix: str = setting(
        "WIREWATCH_CONSUMER_GROUP", "wirewatch", "Prefix of consumer-group ids (one group per stage)"
    )
    watchlist: tuple[str, ...] = setting(
        "WIREWATCH_WATCHLIST", (), "ISO3 codes the news alerts watch, comma-separated", _codes
    )
    window_lateness: float = setting(
        "WIREWATCH_WINDOW_LATENESS", 60.0, "Seconds a relation window waits for late articles", _number
    )
    data_dir: str = setting(
        "WIREWATCH_DATA_DIR", ".wirewatch", "Local state: Faust table data, logs of `wirewatch run`"
    )
    dedup_retention_days: float = setting(
        "WIREWATCH_DEDUP_DAYS", 7.0, "Days the cleaner's dedup index remembers (0.01 = 14 min)", _positive
    )
    agreement_retention_days: float = setting(
        "WIREWATCH_AGREEMENT_DAYS", 365.0, "Days an agreement event is kept after its last report", _positive
    )
    database_url: str | None = setting(
        "WIREWATCH_DATABASE_URL",
        None,
        "The archive: `postgresql://…`, or `sqlite:///path`",
        _database_url,
        shown="`archive.sqlite3` in `WIREWATCH_DATA_DIR`",
    )
    archive_days: float = setting(
        "WIREWATCH_ARCHIVE_DAYS", 0.0, "Days the archive keeps articles and events (0: forever)", _at_least_zero
    )
    scraper: ScraperSettings = field(default_factory=lambda: ScraperSettings())

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: ``os.environ``); ``SettingsError`` on bad values."""
        e = os.environ if env is None else env
        return cls(**_read(cls, e), scraper=ScraperSettings.from_env(e))

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


def _shown(f: Any, variable: Variable) -> str:
    """The default as the table shows it."""
    if variable.shown is not None:
        return variable.shown
    default = ",".join(f.default) if isinstance(f.default, tuple) else f.default
    return "unset" if default in (None, MISSING) else f"`{default}`" if default != "" else '`""`'


def settings_table() -> str:
    """The Markdown table of every variable, its meaning and its default, from the declarations."""
    rows = ["| Environment variable | Meaning | Default |", "| --- | --- | --- |"]
    for cls in (Settings, ScraperSettings):
        for f in fields(cls):
            variable: Variable | None = f.metadata.get("variable")
            if variable:
                rows.append(f"| `{variable.env}` | {variable.doc} | {_shown(f, variable)} |")
    return "\n".join(rows)


BEGIN, END = (
    "<!-- settings-table: begin (generated by python -m wirewatch.runtime.settings) -->",
    "<!-- settings-table: end -->",
)
_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)


def with_table(text: str) -> str:
    """``text`` (the README) with its generated settings block replaced by the current table."""
    if not _BLOCK.search(text):
        raise SettingsError(f"no settings block ({BEGIN} … {END}) to fill in")
    return _BLOCK.sub(lambda _: f"{BEGIN}\n{settings_table()}\n{END}", text, count=1)


def main() -> None:
    """Print the settings table, or with ``--readme FILE`` rewrite the table in that file."""
    parser = argparse.ArgumentParser(prog="python -m wirewatch.runtime.settings", description=main.__doc__)
    parser.add_argument("--readme", type=Path, help="rewrite the generated settings block in this file")
    args = parser.parse_args()
    if args.readme is None:
        print(settings_table())
        return
    args.readme.write_text(with_table(args.readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
