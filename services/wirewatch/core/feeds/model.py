"""What a feed yields: the articles it links to, and for sitemap indexes the sitemaps it lists."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FeedKind(StrEnum):
    """The formats ``parse_feed`` understands. Values are stable: they appear in config files."""

    RSS = "rss"  # RSS 0.9x and 2.0
    RDF = "rdf"  # RSS 1.0 (RDF Site Summary)
    ATOM = "atom"
    JSON = "json"  # JSON Feed 1.0 / 1.1
    SITEMAP = "sitemap"  # urlset, with or without the Google News extension
    SITEMAP_INDEX = "sitemap_index"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One article a feed announces. ``url`` is absolute; dates are RFC 3339 when they could be read."""

    url: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    lang: str | None = None
    bad_links: tuple[str, ...] = ()
    guid: str | None = None

    @property
    def stamp(self) -> str | None:
        """The newest date the feed gives for the item: a change here suggests the article changed."""
        return self.updated or self.published


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its kind, its items in document order and, for an index, its child sitemaps.

    ``bad_links`` are the links (of items or child sitemaps) that could not be resolved to an
    http(s) URL: those items were skipped, the rest of the feed is still read.
    """

    kind: FeedKind
    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    title: str | None = None
    lang: str | None = None
    bad_links: tuple[str, ...] = ()
