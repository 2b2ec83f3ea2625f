"""Wire documents of the aggregator's events: ``events.countries`` and ``events.relations``.

Both carry deterministic ids (``core.ids.event_id``) that double as the CloudEvents ``ce_id``,
so a replay of ``articles.tagged`` reproduces the same ids and consumers deduplicate.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wirewatch.contracts.cloudevents import Headers, ce_headers
from wirewatch.core.ids import event_id
from wirewatch.core.relations import AgreementFacts, ClosedWindow, Contribution, CountryFacts, is_country

COUNTRY_EVENT_TYPE = "dev.wirewatch.country.v1"
RELATION_EVENT_TYPE = "dev.wirewatch.relation.v1"

#: The agreement types and statuses of ``schemas/`` (a test keeps these equal to the schema enums).
AGREEMENT_TYPES = (
    "military",
    "security",
    "nuclear",
    "energy",
    "trade",
    "economic",
    "financial",
    "agriculture",
    "humanitarian",
    "diplomatic",
    "environment",
    "other",
)
AGREEMENT_STATUSES = ("signed", "planned", "negotiating", "existing", "ratified", "suspended_or_cancelled")


def parse_time(value: object) -> float | None:
    """Unix seconds from an RFC 3339 string (``Z`` or an offset; a date alone is midnight UTC); else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def format_time(seconds: float) -> str:
    """RFC 3339 in UTC with a ``Z``; milliseconds only when there are any."""
    moment = datetime.fromtimestamp(seconds, UTC)
    spec = "seconds" if moment.microsecond == 0 else "milliseconds"
    return moment.isoformat(timespec=spec).replace("+00:00", "Z")


#: Seconds an article's timestamp may run ahead of the aggregator's clock (skew between hosts).
MAX_CLOCK_SKEW = 300.0


def event_time(tagged: dict[str, Any], received: float) -> float:
    """When an article entered the pipeline: fetched, else cleaned, else tagged, else ``received``.

    The publication date is not used: sources often omit it or give a date only, and windows
    must follow the stream, not the calendar of the articles. A time further in the future than
    ``MAX_CLOCK_SKEW`` is replaced by ``received``: it would move the watermark ahead and make
    every later article late.
    """
    for key in ("fetched_at", "cleaned_at", "tagged_at"):
        seconds = parse_time(tagged.get(key))
        if seconds is not None:
            return seconds if seconds <= received + MAX_CLOCK_SKEW else received
    return received


def country_facts(tagged: dict[str, Any]) -> list[CountryFacts]:
    """The ISO-coded countries of a tagged article (organisations left out)."""
    return [CountryFacts(c["code"], bool(c["focus"])) for c in tagged.get("countries", []) if is_country(c["code"])]


def agreement_facts(tagged: dict[str, Any]) -> list[AgreementFacts]:
    """The agreements of a tagged article, reduced to id, type and parties."""
    return [AgreementFacts(a["id"], a["type"], tuple(a["parties"])) for a in tagged.get("agreements", [])]


def country_events(tagged: dict[str, Any], at: float, now: str) -> list[tuple[dict[str, Any], Headers]]:
    """One ``events.countries`` document (with its CloudEvents headers) per country of the article."""
    result = []
    for country in tagged.get("countries", []):
        code = country["code"]
        if not is_country(code):
            continue
        doc_id = event_id("country", tagged["id"], code)
        doc = {
            "id": doc_id,
            "article_id": tagged["id"],
            "country": code,
            "mentions": country["mentions"],
            "places": country.get("places", 0),
            "salience": country["salience"],
            "focus": country["focus"],
            "event_time": format_time(at),
            "published": tagged.get("published"),
            "lang": tagged.get("lang"),
            "title": tagged.get("title"),
            "url": tagged.get("url"),
            "feed": tagged.get("feed"),
            "emitted_at": now,
        }
        result.append((doc, ce_headers(doc_id, COUNTRY_EVENT_TYPE, format_time(at), subject=code)))
    return result


def relation_event(closed: ClosedWindow, now: str) -> tuple[dict[str, Any], Headers]:
    """The ``events.relations`` document (with headers) of one closed window."""
    key, counts = closed.key, closed.counts
    doc_id = event_id("relation", key.name, str(int(key.start)), *key.pair)
    doc = {
        "id": doc_id,
        "countries": list(key.pair),
        "window": key.name,
        "window_start": format_time(key.start),
        "window_end": format_time(key.end),
        "articles": counts.articles,
        "articles_in_focus": counts.focus,
        "agreements": {kind: len(ids) for kind, ids in counts.agreements.items() if ids},
        "article_ids": list(counts.sample),
        "emitted_at": now,
    }
    # ce_time is the window's end, not the wall clock, so a replay gives identical headers.
    return doc, ce_headers(doc_id, RELATION_EVENT_TYPE, format_time(key.end), subject=",".join(key.pair))


def contribution_to_wire(contribution: Contribution) -> dict[str, Any]:
    """A pair contribution as it travels on the aggregator's internal repartition topic."""
    return {
        "pair": list(contribution.pair),
        "article_id": contribution.article_id,
        "event_time": contribution.event_time,
        "focus": contribution.both_in_focus,
        "agreements": [list(a) for a in contribution.agreements],
    }


def contribution_from_wire(doc: dict[str, Any]) -> Contribution:
    """Inverse of ``contribution_to_wire`` (the topic is internal, so the document is trusted)."""
    first, second = doc["pair"]
    return Contribution(
        pair=(str(first), str(second)),
        article_id=str(doc["article_id"]),
        event_time=float(doc["event_time"]),
        both_in_focus=bool(doc["focus"]),
        agreements=tuple((str(i), str(t)) for i, t in doc.get("agreements", [])),
    )
