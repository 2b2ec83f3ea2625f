"""Resolving the links a feed gives: one unreadable link must cost one item, never the whole feed.

``urllib.parse`` raises a bare ``ValueError`` on links such as ``http://[bad/x`` (an unclosed
IPv6 bracket) and only notices an out-of-range port (``:99999``) when ``.port`` is read, so a
link is resolved and then checked once here, where a failure can still be answered with "skip
this item".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from wirewatch.core.feeds.model import FeedItem

_SCHEMES = ("http", "https")


def join_url(base: str, link: str) -> str | None:
    """``link`` made absolute against ``base``; None when the result is not a fetchable http(s) URL."""
    try:
        joined = urljoin(base, link.strip())
        parts = urlsplit(joined)
        parts.port  # noqa: B018 - reading the port is the check: it raises on a malformed or out-of-range port
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        return None
    return joined


@dataclass(frozen=True, slots=True)
class BadLink:
    """An item whose link could not be resolved: skipped, and reported with the feed."""

    link: str


def split_bad(results: Iterable[FeedItem | BadLink | None]) -> tuple[tuple[FeedItem, ...], tuple[str, ...]]:
    """The items read, in order, and the links skipped as unreadable (items without a link are dropped)."""
    items: list[FeedItem] = []
    bad: list[str] = []
    for result in results:
        if isinstance(result, BadLink):
            bad.append(result.link)
        elif result is not None:
            items.append(result)
    return tuple(items), tuple(bad)
