"""From a topic's message to the rows the archive keeps: one pure function per topic.

==============================  ==================  ============================================
topic                           row key             kept
==============================  ==================  ============================================
``articles.tagged``             article ``id``      title, body, time, the tagged document
``events.agreements``           agreement ``id``    the latest event (greatest ``last_seen``)
``events.agreement-reports``    (``id``, article)   one article's evidence for the agreement
``events.countries``            event ``id``        country, article, focus, event time
``events.relations``            event ``id``        the pair, the window, its counts
==============================  ==================  ============================================

Every key is a message id the pipeline makes deterministically, so writing a message again
(a replay, a re-ingest of the same files) rewrites the same row: counts never change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from wirewatch.contracts.aggregates import parse_time

#: What the article view needs from a tagged article besides title and body (not repeated in columns).
_DETAIL_FIELDS = ("countries", "organisations", "agreements", "sources", "site_name", "authors", "canonical_url")


def _json(value: object) -> str:
    return orjson.dumps(value).decode()


def _time(*candidates: object) -> float:
    for value in candidates:
        seconds = parse_time(value)
        if seconds is not None:
            return seconds
    return 0.0


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One tagged article; ``at`` (published, else fetched, else tagged) is what ``since`` and retention use."""

    id: str
    lang: str | None
    title: str
    body: str
    published: str | None
    url: str | None
    at: float
    detail: str
    countries: tuple[tuple[str, bool], ...]


def article_row(doc: dict[str, Any]) -> ArticleRow:
    """The row of an ``articles.tagged`` message."""
    detail = {name: doc.get(name) for name in _DETAIL_FIELDS}
    countries = tuple((c["code"], bool(c.get("focus"))) for c in doc.get("countries") or ())
    return ArticleRow(
        id=doc["id"],
        lang=doc.get("lang"),
        title=doc.get("title") or "",
        body=doc.get("body") or "",
        published=doc.get("published"),
        url=doc.get("url"),
        at=_time(doc.get("published"), doc.get("fetched_at"), doc.get("tagged_at")),
        detail=_json(detail),
        countries=countries,
    )


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """The latest state of one agreement; ``parties`` feed the country filter's index."""

    id: str
    type: str
    status: str
    first_seen: float
    last_seen: float
    parties: tuple[str, ...]
    doc: str


def agreement_row(doc: dict[str, Any]) -> AgreementRow:
    """The row of an ``events.agreements`` message (an event or one of its updates)."""
    return AgreementRow(
        id=doc["id"],
        type=doc["type"],
        status=doc["status"],
        first_seen=_time(doc.get("first_seen"), doc.get("last_seen")),
        last_seen=_time(doc.get("last_seen"), doc.get("first_seen")),
        parties=tuple(sorted(set(doc.get("parties") or ()))),
        doc=_json(doc),
    )


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One article's report of an agreement: its own evidence sentence, in its own language."""

    agreement_id: str
    article_id: str
    seen: float
    doc: str


_REPORT_FIELDS = ("article_id", "evidence", "evidence_span", "lang", "url", "title", "status", "confidence")


def report_row(doc: dict[str, Any]) -> ReportRow:
    """The row of an ``events.agreement-reports`` message."""
    kept = {name: doc.get(name) for name in _REPORT_FIELDS}
    return ReportRow(
        doc["id"], str(doc.get("article_id")), _time(doc.get("last_seen"), doc.get("first_seen")), _json(kept)
    )


@dataclass(frozen=True, slots=True)
class CountryRow:
    """One article's mention of one country."""

    id: str
    article_id: str
    country: str
    focus: bool
    at: float
    doc: str


def country_row(doc: dict[str, Any]) -> CountryRow:
    """The row of an ``events.countries`` message."""
    return CountryRow(
        doc["id"], doc["article_id"], doc["country"], bool(doc["focus"]), _time(doc.get("event_time")), _json(doc)
    )


@dataclass(frozen=True, slots=True)
class RelationRow:
    """One closed window of one country pair."""

    id: str
    window: str
    window_start: float
    first: str
    second: str
    articles: int
    doc: str


def relation_row(doc: dict[str, Any]) -> RelationRow:
    """The row of an ``events.relations`` message."""
    first, second = sorted(doc["countries"])
    return RelationRow(
        doc["id"], doc["window"], _time(doc.get("window_start")), first, second, int(doc["articles"]), _json(doc)
    )


def loads(text: str) -> dict[str, Any]:
    """A stored JSON column back as a document."""
    value: dict[str, Any] = orjson.loads(text)
    return value
