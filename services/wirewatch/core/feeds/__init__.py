"""Feeds, pure: bytes of RSS/Atom/JSON Feed/sitemaps in, article links out; page bytes to text.

Nothing here fetches: the scraper shell hands in bytes and receives data.
"""

from wirewatch.core.feeds.charset import CharsetSource, Decoded, decode_document
from wirewatch.core.feeds.dates import normalize_date
from wirewatch.core.feeds.model import FeedItem, FeedKind, ParsedFeed
from wirewatch.core.feeds.parse import parse_feed

__all__ = [
    "CharsetSource",
    "Decoded",
    "FeedItem",
    "FeedKind",
    "ParsedFeed",
    "decode_document",
    "normalize_date",
    "parse_feed",
]
