"""Downstream event documents built from tagged articles."""

from __future__ import annotations

from typing import Any

from wirewatch.contracts.wire import agreement_to_wire
from wirewatch.core.model import Agreement


def agreement_event(agreement: Agreement, event_id: str, article: dict[str, Any], now: str) -> dict[str, Any]:
    """The ``events.agreements`` document for one agreement reported by one article."""
    doc = agreement_to_wire(agreement, event_id)
    doc.pop("evidence_span")
    doc.update(
        {
            "article_id": article["id"],
            "url": article.get("url"),
            "title": article.get("title"),
            "lang": article["lang"],
            "published": article.get("published"),
            "first_seen": now,
            "last_seen": now,
            "sources": [{"article_id": article["id"], "url": article.get("url"), "lang": article["lang"]}],
            "reports": 1,
        }
    )
    return doc
