"""The sources file: which feeds to poll, how often, and what to say about their articles.

Format (TOML)::

    [defaults]                 # optional; any per-feed key below except name and url
    interval = 300             # seconds between polls of a feed (may be fractional; minimum 0.05)
    max_items = 50             # newest items looked at per poll
    tags = ["news"]            # added to every article of every feed

    [[feed]]
    name = "dw-en"             # unique; [a-z0-9][a-z0-9._-]* up to 64 characters (a metric label)
    url = "https://rss.dw.com/rdf/rss-en-all"
    kind = "rdf"               # auto (default), rss, rdf, atom, json, sitemap, sitemap_index
    lang = "en"                # language hint (BCP 47), used when the feed and page say nothing
    tags = ["broadcaster", "DEU"]
    interval = 600
    max_sitemaps = 3           # sitemap indexes: child sitemaps read per poll (first listed first)
    enabled = true

Errors name the file, the feed and the key: ``feeds.toml: feed[3] 'dw-en': interval must be ≥ 0.05``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wirewatch.core.errors import ConfigurationError
from wirewatch.core.feeds import FeedKind

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_FEED_KEYS = frozenset({"name", "url", "kind", "lang", "tags", "interval", "max_items", "max_sitemaps", "enabled"})
_DEFAULT_KEYS = _FEED_KEYS - {"name", "url"}
MIN_INTERVAL = 0.05


class ConfigError(ConfigurationError, ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed to poll."""

    name: str
    url: str
    kind: FeedKind | None = None  # None: detect from the body
    lang: str | None = None
    tags: tuple[str, ...] = ()
    interval: float = 300.0
    max_items: int = 50
    max_sitemaps: int = 3
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SourcesConfig:
    """Every feed of a sources file, enabled or not, in file order."""

    feeds: tuple[FeedSource, ...]
    path: str = "<memory>"

    @property
    def enabled(self) -> tuple[FeedSource, ...]:
        """The feeds to poll."""
        return tuple(f for f in self.feeds if f.enabled)


def default_config_path() -> Path:
    """The shipped list of public news feeds."""
    return Path(str(resources.files("wirewatch.scraper").joinpath("feeds.toml")))


def load_sources(path: Path | None = None) -> SourcesConfig:
    """Read and validate a sources file (default: the shipped list); ``ConfigError`` explains any problem."""
    target = path or default_config_path()
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{target}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{target}: not valid TOML: {exc}") from None
    return parse_sources(data, str(target))


def parse_sources(data: Mapping[str, Any], where: str = "<memory>") -> SourcesConfig:
    """Validate an already-parsed sources document."""
    unknown = set(data) - {"defaults", "feed"}
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s) {sorted(unknown)}; expected [defaults] and [[feed]]")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{where}: [defaults] must be a table")
    _check_keys(defaults, _DEFAULT_KEYS, f"{where}: [defaults]")
    entries = data.get("feed", [])
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{where}: no feeds: add at least one [[feed]] table with name and url")
    feeds = tuple(_feed(entry, defaults, f"{where}: feed[{n}]") for n, entry in enumerate(entries))
    names = [f.name for f in feeds]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"{where}: feed names must be unique; repeated: {duplicates}")
    return SourcesConfig(feeds, where)


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def _feed(entry: Any, defaults: Mapping[str, Any], where: str) -> FeedSource:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(f"{where}: name must match {_NAME.pattern} (got {name!r})")
    where = f"{where} {name!r}"
    _check_keys(entry, _FEED_KEYS, where)
    merged = {**defaults, **entry}
    default_tags = list(defaults.get("tags", []))
    return FeedSource(
        name=name,
        url=_url(merged.get("url"), where),
        kind=_kind(merged.get("kind", "auto"), where),
        lang=_lang(merged.get("lang"), where),
        tags=tuple(dict.fromkeys(_tags(default_tags, where) + _tags(entry.get("tags", []), where))),
        interval=_number(merged.get("interval", 300.0), "interval", MIN_INTERVAL, where),
        max_items=int(_number(merged.get("max_items", 50), "max_items", 1, where)),
        max_sitemaps=int(_number(merged.get("max_sitemaps", 3), "max_sitemaps", 1, where)),
        enabled=_bool(merged.get("enabled", True), where),
    )


def _url(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: url is required and must be a string")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: url must be an absolute http(s) URL (got {value!r})")
    return value


def _kind(value: Any, where: str) -> FeedKind | None:
    if value == "auto":
        return None
    try:
        return FeedKind(value)
    except ValueError:
        choices = ", ".join(["auto", *(k.value for k in FeedKind)])
        raise ConfigError(f"{where}: kind must be one of {choices} (got {value!r})") from None


def _lang(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LANG.match(value):
        raise ConfigError(f"{where}: lang must be a language tag such as 'en' or 'fr-CH' (got {value!r})")
    return value


def _tags(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
        raise ConfigError(f"{where}: tags must be a list of non-empty strings")
    return list(value)


def _number(value: Any, key: str, minimum: float, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {key} must be a number (got {value!r})")
    if value < minimum:
        raise ConfigError(f"{where}: {key} must be ≥ {minimum:g} (got {value!r})")
    return float(value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: enabled must be true or false (got {value!r})")
    return value
