"""One entry point for every feed format: sniff the body, dispatch to the XML or JSON parser."""

from __future__ import annotations

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds.charset import charset_from_content_type
from wirewatch.core.feeds.jsonfeed import parse_json_feed
from wirewatch.core.feeds.model import FeedKind, ParsedFeed
from wirewatch.core.feeds.xmlfeeds import parse_xml_feed

_JSON_KINDS = frozenset({FeedKind.JSON})


def _looks_like_json(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _declared_xml(body: bytes) -> bool:
    head = body[:200].lstrip()
    return head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or (
        head.startswith(b"<?xml") and b"encoding" in head.split(b"?>", 1)[0]
    )


def _to_utf8(body: bytes, content_type: str | None) -> bytes:
    """XML without its own encoding declaration is read in the charset of the HTTP header, if any."""
    charset = charset_from_content_type(content_type)
    if charset is None or charset == "utf-8" or _declared_xml(body):
        return body
    try:
        body.decode("utf-8")  # valid UTF-8 labelled otherwise is a misconfigured server, not Latin-1
    except UnicodeDecodeError:
        return body.decode(charset, errors="replace").encode("utf-8")
    return body


def parse_feed(
    body: bytes, base_url: str, expected: FeedKind | None = None, content_type: str | None = None
) -> ParsedFeed:
    """Parse any supported feed from its bytes.

    The body decides the format, so a feed that changed format is still read; ``expected``
    (from the sources config) only sends a body that starts with neither ``{`` nor ``<`` to the
    JSON parser when a JSON Feed was configured. A body no parser accepts is
    ``Rejected(MALFORMED)``; XML that declares entities is ``Rejected(UNSAFE)``. The charset of
    ``content_type`` applies to XML that declares none (XML's own declaration wins).
    """
    if not body.strip():
        raise Rejected(ErrorKind.EMPTY, "the feed body is empty")
    if _looks_like_json(body) or (expected in _JSON_KINDS and not body.lstrip().startswith(b"<")):
        return parse_json_feed(body, base_url)
    return parse_xml_feed(_to_utf8(body, content_type), base_url)
