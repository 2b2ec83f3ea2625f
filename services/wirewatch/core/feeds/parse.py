"""One entry point for every feed format: sniff the body, dispatch to the XML or JSON parser."""

from __future__ import annotations

from wirewatch.core.errors import Rejected, RejectReason
from wirewatch.core.feeds.jsonfeed import parse_json_feed
from wirewatch.core.feeds.model import FeedKind, ParsedFeed
from wirewatch.core.feeds.xmlfeeds import parse_xml_feed

_JSON_KINDS = frozenset({FeedKind.JSON})


def _looks_like_json(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def parse_feed(body: bytes, base_url: str, expected: FeedKind | None = None) -> ParsedFeed:
    """Parse any supported feed from its bytes.

    The body decides the format, so a feed that changed format is still read; ``expected``
    (from the sources config) only sends a body that starts with neither ``{`` nor ``<`` to the
    JSON parser when a JSON Feed was configured. A body no parser accepts is
    ``Rejected(MALFORMED)``; XML that declares entities is ``Rejected(UNSAFE)``.
    """
    if not body.strip():
        raise Rejected(RejectReason.EMPTY, "the feed body is empty")
    if _looks_like_json(body) or (expected in _JSON_KINDS and not body.lstrip().startswith(b"<")):
        return parse_json_feed(body, base_url)
    return parse_xml_feed(body, base_url)
