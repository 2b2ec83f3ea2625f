"""Agreement event documents (``events.agreements``) and per-article reports, to and from the wire.

The tagger writes one *report* per agreement an article states (to ``events.agreement-reports``,
keyed by event id); a report is an event document seen by one article (``reports`` = 1). The
folding agent reads reports, folds them into the event state kept in a table, and writes the
updated *event* to ``events.agreements``. Both use the ``agreement-event.v1`` schema, and the
table stores the same document, so state, reports and events are one format.
"""

from __future__ import annotations

from typing import Any

from wirewatch.contracts.wire import agreement_to_wire
from wirewatch.core.agreements import AgreementEvent, Report, Source, StatusChange, event_codes, new_event
from wirewatch.core.model import Agreement, Span

EVENT_TYPE = "dev.wirewatch.agreement.v1"


def report_of(agreement: Agreement, article: dict[str, Any], now: str) -> Report:
    """The report of ``agreement`` by the (tagged-article) document ``article``, processed at ``now``."""
    return Report(
        agreement=agreement,
        article_id=article["id"],
        seen=now,
        url=article.get("url"),
        lang=article.get("lang"),
        title=article.get("title"),
        published=article.get("published"),
    )


def agreement_event(agreement: Agreement, event_id: str, article: dict[str, Any], now: str) -> dict[str, Any]:
    """The document of one article's report of one agreement (an event with one source)."""
    event = new_event(report_of(agreement, article, now))
    if event.id != event_id:
        raise ValueError(f"event id {event_id} does not match the agreement's key {event.id}")
    return event_to_wire(event)


def event_to_wire(event: AgreementEvent) -> dict[str, Any]:
    """The ``agreement-event.v1`` document of an event."""
    doc = agreement_to_wire(event.agreement, event.id)
    latest = event.latest
    doc.update(
        {
            "article_id": latest.article_id,
            "url": latest.url,
            "title": latest.title,
            "lang": latest.lang or "und",
            "published": latest.published,
            "first_seen": event.first_seen,
            "last_seen": event.last_seen,
            "sources": [_source_to_wire(s) for s in event.sources],
            "reports": event.reports,
            "status_history": [
                {"status": c.status, "seen": c.seen, "article_id": c.article_id} for c in event.status_history
            ],
            "cameo": event.codes.cameo,
            "plover": {
                "type": event.codes.plover_type,
                "context": event.codes.plover_context,
                "mode": event.codes.plover_mode,
            },
        }
    )
    return doc


def _source_to_wire(source: Source) -> dict[str, Any]:
    return {
        "article_id": source.article_id,
        "url": source.url,
        "lang": source.lang,
        "status": source.status,
        "seen": source.seen,
    }


def agreement_from_wire(doc: dict[str, Any]) -> Agreement:
    """The agreement inside an (already validated) event document."""
    span = doc.get("evidence_span") or {"start": 0, "end": len(doc["evidence"]), "field": "body"}
    return Agreement(
        parties=tuple(doc["parties"]),
        type=doc["type"],
        status=doc["status"],
        evidence=doc["evidence"],
        evidence_span=Span(int(span["start"]), int(span["end"]), span.get("field", "body")),
        confidence=float(doc["confidence"]),
        duration=doc.get("duration"),
        date=doc.get("date"),
        date_resolved=doc.get("date_resolved"),
        signatories=tuple(doc.get("signatories") or ()),
        venue=doc.get("venue"),
        name=doc.get("name"),
        instrument=doc.get("instrument") or "agreement",
    )


def report_from_wire(doc: dict[str, Any]) -> Report:
    """The report carried by a one-source event document (what the tagger writes)."""
    return Report(
        agreement=agreement_from_wire(doc),
        article_id=doc["article_id"],
        seen=doc["last_seen"],
        url=doc.get("url"),
        lang=doc.get("lang"),
        title=doc.get("title"),
        published=doc.get("published"),
    )


def event_from_wire(doc: dict[str, Any]) -> AgreementEvent:
    """The event state stored as an event document (the folding table's value)."""
    agreement = agreement_from_wire(doc)
    sources = tuple(
        Source(s["article_id"], s.get("url"), s.get("lang"), s.get("status") or agreement.status, s.get("seen") or "")
        for s in doc["sources"]
    )
    history = tuple(StatusChange(c["status"], c["seen"], c["article_id"]) for c in doc.get("status_history") or ())
    return AgreementEvent(
        id=doc["id"],
        agreement=agreement,
        first_seen=doc["first_seen"],
        last_seen=doc["last_seen"],
        sources=sources,
        status_history=history,
        codes=event_codes(agreement.type, agreement.status),
        latest=report_from_wire(doc),
        reports=int(doc.get("reports") or len(sources)),
    )
