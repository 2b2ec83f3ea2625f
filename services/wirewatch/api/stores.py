"""Bounded in-memory views of the event topics, queried by the API.

The API reads ``events.agreements``, ``events.countries`` and ``events.relations`` from the
beginning into these stores. Each holds at most a fixed number of items and forgets the oldest
first, so memory stays bounded however long the service runs (about 2 KiB an agreement, 300 B a
country event, 500 B a relation event: roughly 60 MiB when all three are full):

==================  ========  ===================================================
store               limit     forgets
==================  ========  ===================================================
``AgreementStore``  10 000    the agreement seen least recently
``CountryStore``    100 000   the oldest country event (counts cover what is left)
``RelationStore``   20 000    the oldest relation event received
==================  ========  ===================================================

Everything here is synchronous and takes ``now`` explicitly, so tests need no clock or broker.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wirewatch.contracts.aggregates import parse_time

AGREEMENT_LIMIT = 10_000
COUNTRY_LIMIT = 100_000
RELATION_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class AgreementFilter:
    """Which agreements a request wants; ``None`` means any."""

    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: float | None = None

    def matches(self, doc: dict[str, Any], last_seen: float | None = None) -> bool:
        """Whether the agreement passes every filter (``since`` compares with ``last_seen``, parsed if not given)."""
        if self.country is not None and self.country not in doc["parties"]:
            return False
        if self.type is not None and doc["type"] != self.type:
            return False
        if self.status is not None and doc["status"] != self.status:
            return False
        if self.since is None:
            return True
        seen = last_seen if last_seen is not None else parse_time(doc.get("last_seen")) or 0.0
        return seen >= self.since


def _merge_sources(old: list[dict[str, Any]], new: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    by_article = {s["article_id"]: s for s in old}
    for source in new:
        by_article[source["article_id"]] = {**by_article.get(source["article_id"], {}), **source}
    return list(by_article.values())


#: Evidence sentences kept per agreement (one per reporting article; the first ones are kept).
EVIDENCE_LIMIT = 20


def _evidence_entry(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": report.get("article_id"),
        "evidence": report.get("evidence"),
        "lang": report.get("lang"),
        "url": report.get("url"),
        "title": report.get("title"),
        "status": report.get("status"),
    }


@dataclass(slots=True)
class AgreementStore:
    """The latest event of each agreement id, with the evidence sentence of every report of it.

    ``events.agreements`` carries one event per agreement and then its updates (all sources,
    the most confident evidence); ``events.agreement-reports`` carries each article's own report,
    whose evidence sentence, in that article's language, the dashboard shows per source.
    """

    limit: int = AGREEMENT_LIMIT
    _items: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)
    _seen: dict[str, float] = field(default_factory=dict)  # last_seen parsed once, for filters and order
    _evidences: OrderedDict[str, dict[str, dict[str, Any]]] = field(default_factory=OrderedDict)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, event: dict[str, Any]) -> dict[str, Any]:
        """Take one ``events.agreements`` message (an event or an update) and return the agreement's view.

        Sources accumulate (an older update arriving late loses none), ``first_seen``/``last_seen`` widen.
        """
        old = self._items.pop(event["id"], None)
        merged = dict(event)
        if old is not None:
            merged["first_seen"] = min(old["first_seen"], event["first_seen"], key=lambda t: parse_time(t) or 0.0)
            merged["last_seen"] = max(old["last_seen"], event["last_seen"], key=lambda t: parse_time(t) or 0.0)
            merged["sources"] = _merge_sources(old["sources"], event.get("sources", []))
        else:
            merged["sources"] = _merge_sources([], event.get("sources", []))
        merged["reports"] = max(len(merged["sources"]), int(event.get("reports") or 1))
        self._items[event["id"]] = merged
        self._seen[event["id"]] = parse_time(merged["last_seen"]) or 0.0
        while len(self._items) > self.limit:
            forgotten, _ = self._items.popitem(last=False)
            self._seen.pop(forgotten, None)
            self._evidences.pop(forgotten, None)
        return self._view(merged)

    def add_report(self, report: dict[str, Any]) -> dict[str, Any] | None:
        """Remember one article's evidence for agreement ``report["id"]``; the view when the agreement is known."""
        per_article = self._evidences.setdefault(report["id"], {})
        self._evidences.move_to_end(report["id"])
        key = str(report.get("article_id"))
        if key not in per_article and len(per_article) < EVIDENCE_LIMIT:
            per_article[key] = _evidence_entry(report)
        while len(self._evidences) > self.limit:
            self._evidences.popitem(last=False)
        known = self._items.get(report["id"])
        return self._view(known) if known is not None else None

    def _view(self, doc: dict[str, Any]) -> dict[str, Any]:
        evidences = list(self._evidences.get(doc["id"], {}).values())
        if not evidences:  # no report seen (yet): the event's own, most confident sentence
            evidences = [{"article_id": None, "evidence": doc.get("evidence"), "lang": None}]
        return {**doc, "evidences": evidences}

    def get(self, agreement_id: str) -> dict[str, Any] | None:
        """One agreement by id."""
        doc = self._items.get(agreement_id)
        return self._view(doc) if doc is not None else None

    def query(self, wanted: AgreementFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """Matching agreements, most recently seen first, one page of them, and how many match in all."""
        seen = self._seen
        matching = [doc for key, doc in self._items.items() if wanted.matches(doc, seen[key])]
        matching.sort(key=lambda d: (seen[d["id"]], d["id"]), reverse=True)
        return [self._view(d) for d in matching[offset : offset + limit]], len(matching)

    def pairs(self) -> Counter[tuple[str, str]]:
        """Distinct agreements per pair of parties (codes sorted)."""
        counts: Counter[tuple[str, str]] = Counter()
        for doc in self._items.values():
            parties = sorted(doc["parties"])
            for i, first in enumerate(parties):
                for second in parties[i + 1 :]:
                    counts[(first, second)] += 1
        return counts


@dataclass(slots=True)
class CountryStore:
    """Recent ``events.countries`` messages, for article counts per country over a window."""

    limit: int = COUNTRY_LIMIT
    _items: OrderedDict[str, tuple[float, str, str, bool]] = field(default_factory=OrderedDict)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, event: dict[str, Any]) -> None:
        """Remember one country event (a repeated id replaces the earlier one)."""
        at = parse_time(event.get("event_time")) or 0.0
        self._items.pop(event["id"], None)
        self._items[event["id"]] = (at, event["country"], event["article_id"], bool(event["focus"]))
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def counts(self, window: float, now: float) -> list[dict[str, Any]]:
        """Articles per country with an event time in ``(now - window, now]``, most first."""
        articles: dict[str, set[str]] = {}
        focus: Counter[str] = Counter()
        for at, country, article, in_focus in self._items.values():
            if now - window < at <= now:
                articles.setdefault(country, set()).add(article)
                focus[country] += in_focus
        ranked = sorted(articles.items(), key=lambda item: (-len(item[1]), item[0]))
        return [{"country": c, "articles": len(ids), "in_focus": focus[c]} for c, ids in ranked]


@dataclass(slots=True)
class RelationStore:
    """Closed relation windows (``events.relations``), by id."""

    limit: int = RELATION_LIMIT
    _items: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, event: dict[str, Any]) -> None:
        """Remember one relation event (a replayed id replaces the earlier copy)."""
        self._items.pop(event["id"], None)
        self._items[event["id"]] = event
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def for_country(self, country: str, window: str | None, limit: int) -> list[dict[str, Any]]:
        """The newest windows that involve ``country`` (of one size, when given)."""
        rows = [
            doc
            for doc in self._items.values()
            if country in doc["countries"] and (window is None or doc["window"] == window)
        ]
        rows.sort(key=lambda d: (parse_time(d["window_start"]) or 0.0, d["articles"]), reverse=True)
        return rows[:limit]

    def pair_articles(self, window: str) -> Counter[tuple[str, str]]:
        """Articles mentioning both countries, summed over the stored windows of one size."""
        counts: Counter[tuple[str, str]] = Counter()
        for doc in self._items.values():
            if doc["window"] == window:
                first, second = doc["countries"]
                counts[(first, second)] += doc["articles"]
        return counts


def top_pairs(agreements: AgreementStore, relations: RelationStore, limit: int) -> list[dict[str, Any]]:
    """The country pairs with the most agreements, then the most articles (daily windows)."""
    by_agreements = agreements.pairs()
    by_articles = relations.pair_articles("P1D")
    ranked = sorted(set(by_agreements) | set(by_articles), key=lambda p: (-by_agreements[p], -by_articles[p], p))
    return [{"countries": list(p), "agreements": by_agreements[p], "articles": by_articles[p]} for p in ranked[:limit]]
