"""What the archive is asked and what it answers: queries, pages, search hits and counts.

Plain frozen dataclasses, shared by both backends and by the API, so a route can be written once
and tested against SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from wirewatch.core.errors import WirewatchError


class CursorError(WirewatchError, ValueError):
    """A pagination cursor that this archive did not hand out (or that was altered)."""


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page of agreements ended: the last item's ``last_seen`` and id (newest first).

    Keyset pagination rather than an offset: a page costs the same at item 10 and at item
    10 million, and agreements updated while a client pages do not shift the pages it has not read.
    """

    last_seen: float
    id: str

    def encode(self) -> str:
        """An opaque URL-safe token."""
        raw = f"{self.last_seen!r}|{self.id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """The cursor behind ``token``; ``CursorError`` when it is not one."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            seen, agreement_id = raw.split("|", 1)
            return cls(float(seen), agreement_id)
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise CursorError(f"{token!r} is not a cursor returned by this API") from None


@dataclass(frozen=True, slots=True)
class AgreementQuery:
    """Which agreements, newest ``last_seen`` first; ``None`` means any."""

    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: float | None = None  # last seen at or after (Unix seconds)
    until: float | None = None  # last seen before
    limit: int = 50
    after: Cursor | None = None
    offset: int = 0  # only without ``after``: kept for the dashboard's page numbers


@dataclass(frozen=True, slots=True)
class AgreementPage:
    """One page of agreements, how many match in all, and the cursor of the next page (if any)."""

    items: list[dict[str, Any]]
    total: int
    next_cursor: Cursor | None


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A full-text search over titles and bodies, with optional filters."""

    text: str
    lang: str | None = None
    country: str | None = None
    since: float | None = None  # published (or fetched) at or after
    limit: int = 20


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found. ``match`` says how, best first: ``word`` (the words as written), ``prefix``
    (words they start: "Abkommens"), ``infix`` (inside a longer word: "Atomabkommen")."""

    id: str
    lang: str | None
    title: str
    published: str | None
    url: str | None
    snippet: str
    score: float
    match: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of the API."""
        return {
            "id": self.id,
            "lang": self.lang,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "snippet": self.snippet,
            "score": self.score,
            "match": self.match,
        }


@dataclass(frozen=True, slots=True)
class Counts:
    """Rows per table: what a re-ingest must leave unchanged."""

    articles: int = 0
    agreements: int = 0
    reports: int = 0
    country_events: int = 0
    relations: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts by name."""
        return {
            "articles": self.articles,
            "agreements": self.agreements,
            "reports": self.reports,
            "country_events": self.country_events,
            "relations": self.relations,
        }


@dataclass(slots=True)
class Written:
    """Messages one ``ingest`` call took, per topic value (a replayed message counts: it was written again)."""

    by_topic: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def add(self, topic: str) -> None:
        """Count one message of ``topic``."""
        self.by_topic[topic] = self.by_topic.get(topic, 0) + 1
