"""Deterministic identifiers: the same input always gives the same id, so replays deduplicate."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_")
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "ref", "ref_src", "cmpid", "ocid"})


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")  # unit separator: ("ab","c") and ("a","bc") must differ
    return h.hexdigest()[:size]


def canonical_url(url: str) -> str:
    """Canonical form of an http(s) URL: lower-case scheme and host, no default port,
    no fragment, no tracking parameters, remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def article_id(url: str | None = None, content: str | None = None) -> str:
    """Stable article id: a hash of the canonical URL, or of the content when there is no URL."""
    if url:
        return _digest("url", canonical_url(url))
    if content is None:
        raise ValueError("article_id needs a url or a content")
    return _digest("content", content)


def agreement_id(parties: Iterable[str], agreement_type: str, year: str | None) -> str:
    """Stable agreement event id from the party set, the type and the year (when known).

    Two outlets reporting the same agreement, in any language, get the same id.
    """
    return _digest("agreement", ",".join(sorted(set(parties))), agreement_type, year or "")


def event_id(kind: str, *parts: str) -> str:
    """Stable id for any other derived event (``ce_id``): a hash of its kind and identifying parts."""
    return _digest("event", kind, *parts, size=32)
