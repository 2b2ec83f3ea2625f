"""Deterministic identifiers: the same input always gives the same id, so replays deduplicate."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from wirewatch.core.errors import ErrorKind, Rejected

_DEFAULT_PORTS = (("http", 80), ("https", 443))
# Query parameters that only say how a reader arrived (campaigns, click ids, share buttons).
# Prefixes cover families: utm_* (Google Analytics), mc_* (Mailchimp), pk_* (Matomo), at_* (AT Internet,
# used by many European broadcasters), ns_* (comScore), itm_* (internal campaigns), wt.* (Webtrends).
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "at_", "ns_", "itm_", "wt.", "hmb_", "oly_")
_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mkt_tok",
        "ref", "ref_src", "ref_url", "cmpid", "ocid", "xtor", "_ga", "_gl", "spm", "smid", "sr_share", "soc_src",
        "soc_trk", "mbid", "__twitter_impression",
    }
)  # fmt: skip


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")  # unit separator: ("ab","c") and ("a","bc") must differ
    return h.hexdigest()[:size]


def is_tracking_parameter(name: str) -> bool:
    """Whether a query parameter only tracks the visit and never selects content."""
    key = name.lower()
    return key.startswith(_TRACKING_PREFIXES) or key in _TRACKING_KEYS


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:  # not a valid IDN: keep it as written rather than fail the article
        return host


def _split(url: str) -> tuple[SplitResult, int | None]:
    """The parts of ``url`` and its port; ``Rejected(MALFORMED)`` where urllib raises ``ValueError``
    (an unclosed IPv6 bracket, a port that is not a number or above 65535)."""
    try:
        parts = urlsplit(url.strip())
        return parts, parts.port
    except ValueError as exc:
        raise Rejected(ErrorKind.MALFORMED, f"unreadable URL {url[:200]!r}: {exc}") from None


def canonical_url(url: str) -> str:
    """Canonical form of an http(s) URL: lower-case scheme and host (IDNA), no default port,
    no fragment, no tracking parameters, remaining query parameters sorted, ``/`` for an empty path.

    A URL urllib cannot read is ``Rejected(MALFORMED)``, so callers skip one item, not a batch."""
    parts, port = _split(url)
    scheme = parts.scheme.lower()
    host = _host(parts.hostname or "")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or (scheme, port) in _DEFAULT_PORTS else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_parameter(k)]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def article_id(url: str | None = None, content: str | None = None) -> str:
    """Stable article id: a hash of the canonical URL, or of the content when there is no URL.

    An unreadable URL is ``Rejected(MALFORMED)`` (see ``canonical_url``)."""
    if url:
        return _digest("url", canonical_url(url))
    if content is None:
        raise ValueError("article_id needs a url or a content")
    return _digest("content", content)


def agreement_id(
    parties: Iterable[str],
    agreement_type: str,
    year: str | None,
    instrument: str = "agreement",
    name: str | None = None,
) -> str:
    """Stable agreement event id: a named agreement's base id, else party set, type, year, instrument.

    Two outlets reporting the same agreement, in any language, get the same id: a named one
    ("the JCPOA", "das Atomabkommen mit dem Iran") by its name whatever parties the text gives;
    another by what it is, so a planned programme and a signed pact between the same states in
    one year stay two events. The instrument "agreement" adds nothing to the hash, which keeps
    the ids of earlier releases.
    """
    if name:
        return _digest("named-agreement", name)
    parts = ("agreement", ",".join(sorted(set(parties))), agreement_type, year or "")
    return _digest(*parts) if instrument == "agreement" else _digest(*parts, instrument)


def event_id(kind: str, *parts: str) -> str:
    """Stable id for any other derived event (``ce_id``): a hash of its kind and identifying parts."""
    return _digest("event", kind, *parts, size=32)
