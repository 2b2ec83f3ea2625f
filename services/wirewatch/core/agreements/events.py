"""One agreement, one event: fold each article's report of an agreement into the event state.

Pure functions over frozen dataclasses, so the stream processor (a Faust table keyed by event
id) and a test or a notebook fold reports identically. Folding is idempotent per article: the
same article reported twice (a replay after a crash, an article re-tagged) leaves the event as
it was, so at-least-once delivery does not inflate the source count.

Status progression: each report may move the event forward, never back::

    negotiating (1) -> planned (2) -> signed / existing (3) -> ratified (4)
    suspended_or_cancelled (5) ends it (a later "signed" from an old article does not revive it)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from wirewatch.core.agreements.codes import EventCodes, event_codes
from wirewatch.core.ids import agreement_id
from wirewatch.core.model import Agreement

STATUS_RANK: dict[str, int] = {
    "negotiating": 1,
    "planned": 2,
    "existing": 3,
    "signed": 3,
    "ratified": 4,
    "suspended_or_cancelled": 5,
}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def agreement_year(agreement: Agreement) -> str | None:
    """The year the text itself writes for the agreement ("in 2015", "April 2021"), else None.

    Only a written year counts: "on Wednesday" resolves to different years for outlets that
    publish around New Year, and an outlet that gives no date must still find the same event.
    """
    m = _YEAR.search(agreement.date or "")
    return m.group(0) if m else None


def agreement_key(agreement: Agreement) -> str:
    """The deterministic event id of an agreement: its base name, else party set, type, written year
    and instrument (see ``ids.agreement_id``)."""
    return agreement_id(
        agreement.parties, agreement.type, agreement_year(agreement), agreement.instrument, agreement.name
    )


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of one agreement."""

    agreement: Agreement
    article_id: str
    seen: str  # RFC 3339 time the report was processed
    url: str | None = None
    lang: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """An article that reported the agreement, with the status it reported."""

    article_id: str
    url: str | None
    lang: str | None
    status: str
    seen: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The event's status moved to ``status`` when ``article_id`` reported it at ``seen``."""

    status: str
    seen: str
    article_id: str


@dataclass(frozen=True, slots=True)
class AgreementEvent:
    """The state of one agreement event across every article that reported it."""

    id: str
    agreement: Agreement
    first_seen: str
    last_seen: str
    sources: tuple[Source, ...]
    status_history: tuple[StatusChange, ...]
    codes: EventCodes
    latest: Report  # the report behind the latest change: its article, language and URL
    reports: int = 1  # distinct articles that reported it; ``sources`` keeps only the first MAX_SOURCES


#: Sources kept per event. A deal reported by thousands of outlets must not grow its table state
#: and its message without end; past this, only ``reports`` counts (and a replay of an article
#: beyond the first MAX_SOURCES can count twice: at-least-once, documented).
MAX_SOURCES = 100


def new_event(report: Report) -> AgreementEvent:
    """The event created by the first report of an agreement."""
    a = report.agreement
    return AgreementEvent(
        id=agreement_key(a),
        agreement=a,
        first_seen=report.seen,
        last_seen=report.seen,
        sources=(_source(report),),
        status_history=(StatusChange(a.status, report.seen, report.article_id),),
        codes=event_codes(a.type, a.status),
        latest=report,
    )


def fold_report(state: AgreementEvent | None, report: Report) -> AgreementEvent:
    """The event after ``report``; ``state`` None means the agreement has not been seen yet.

    Idempotent: a report from an article already among the sources returns ``state`` unchanged.
    """
    if state is None:
        return new_event(report)
    if any(s.article_id == report.article_id for s in state.sources):
        return state
    merged, history = _advance(state, report)
    return replace(
        state,
        agreement=merged,
        first_seen=min(state.first_seen, report.seen),
        last_seen=max(state.last_seen, report.seen),
        sources=(*state.sources, _source(report))[:MAX_SOURCES],
        reports=state.reports + 1,
        status_history=history,
        codes=event_codes(merged.type, merged.status),
        latest=report,
    )


def _advance(state: AgreementEvent, report: Report) -> tuple[Agreement, tuple[StatusChange, ...]]:
    """Fill gaps from the new report, keep the most confident evidence, move the status forward."""
    old, new = state.agreement, report.agreement
    forward = STATUS_RANK[new.status] > STATUS_RANK[old.status]
    better = new.confidence > old.confidence
    merged = replace(
        old,
        status=new.status if forward else old.status,
        evidence=new.evidence if better else old.evidence,
        evidence_span=new.evidence_span if better else old.evidence_span,
        confidence=max(old.confidence, new.confidence),
        duration=old.duration or new.duration,
        date=old.date or new.date,
        date_resolved=old.date_resolved or new.date_resolved,
        signatories=tuple(dict.fromkeys(old.signatories + new.signatories)),
        venue=old.venue or new.venue,
    )
    history = state.status_history
    if forward:
        history = (*history, StatusChange(new.status, report.seen, report.article_id))
    return merged, history


def _source(report: Report) -> Source:
    return Source(report.article_id, report.url, report.lang, report.agreement.status, report.seen)


#: Days an agreement event is kept after its last report (``WIREWATCH_AGREEMENT_DAYS``). An
#: agreement nobody has written about for a year is history, not news; a report after that starts
#: the event again (same id, ``reports`` from 1), which consumers keying on the id handle as an update.
DEFAULT_RETENTION_DAYS = 365.0


def is_stale(last_seen: str, now: str, retention_days: float = DEFAULT_RETENTION_DAYS) -> bool:
    """Whether an event last reported at ``last_seen`` is past the retention at ``now`` (RFC 3339 times).

    An unreadable time is never stale: the table keeps what it cannot date rather than drop a
    live event on a parsing doubt (every time it stores is written by ``fold_report`` anyway).
    """
    try:
        seen = datetime.fromisoformat(last_seen.replace("Z", "+00:00"))
        current = datetime.fromisoformat(now.replace("Z", "+00:00"))
        return seen < current - timedelta(days=retention_days)
    except (TypeError, ValueError):
        return False
