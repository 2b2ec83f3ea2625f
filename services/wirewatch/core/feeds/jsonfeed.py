"""JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/)."""

from __future__ import annotations

import json
from typing import Any

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds.dates import normalize_date
from wirewatch.core.feeds.links import BadLink, join_url, split_bad
from wirewatch.core.feeds.model import FeedItem, FeedKind, ParsedFeed


def _str(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _item(doc: Any, base_url: str, lang: str | None) -> FeedItem | BadLink | None:
    if not isinstance(doc, dict):
        return None
    link = _str(doc, "url") or _str(doc, "external_url")
    if not link:
        return None
    url = join_url(base_url, link)
    if url is None:
        return BadLink(link)
    return FeedItem(
        url=url,
        title=_str(doc, "title"),
        published=normalize_date(_str(doc, "date_published")),
        updated=normalize_date(_str(doc, "date_modified")),
        lang=_str(doc, "language") or lang,
        guid=_str(doc, "id"),
    )


def parse_json_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Parse a JSON Feed; ``Rejected(MALFORMED)`` when it is not JSON or not a JSON Feed."""
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise Rejected(ErrorKind.MALFORMED, f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise Rejected(ErrorKind.MALFORMED, "not a JSON Feed: no jsonfeed.org version")
    items = doc.get("items")
    if not isinstance(items, list):
        raise Rejected(ErrorKind.MALFORMED, "a JSON Feed needs an 'items' array")
    home = _str(doc, "home_page_url")
    base = (join_url(base_url, home) if home else None) or base_url
    lang = _str(doc, "language")
    read, bad = split_bad(_item(i, base, lang) for i in items)
    return ParsedFeed(FeedKind.JSON, read, title=_str(doc, "title"), lang=lang, bad_links=bad)
