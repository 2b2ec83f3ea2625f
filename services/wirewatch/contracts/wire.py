"""Convert core model objects to wire documents (dicts) and back.

The field names here are the contract described by ``schemas/``; change both together.
"""

from __future__ import annotations

from typing import Any

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.model import (
    Agreement,
    CleanArticle,
    ContentKind,
    CountryTag,
    PlaceMention,
    RawArticle,
    Span,
    TaggedArticle,
)

_OPTIONAL_RAW = ("url", "title", "lang", "published", "fetched_at", "feed")


def _optional_str(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is None or isinstance(value, str):
        return value
    raise Rejected(ErrorKind.MALFORMED, f"field {key!r} must be a string, got {type(value).__name__}")


def raw_from_wire(doc: dict[str, Any]) -> RawArticle:
    """A raw article from its wire document; ``Rejected(MALFORMED)`` when fields are missing or wrong."""
    article_id = doc.get("id")
    if not isinstance(article_id, str) or not article_id:
        raise Rejected(ErrorKind.MALFORMED, "field 'id' is missing or not a non-empty string")
    has_text, has_html = "text" in doc, "html" in doc
    if has_text == has_html:
        raise Rejected(ErrorKind.MALFORMED, "exactly one of 'text' and 'html' is required")
    kind = ContentKind.TEXT if has_text else ContentKind.HTML
    content = doc[kind.value]
    if not isinstance(content, str):
        raise Rejected(ErrorKind.MALFORMED, f"field {kind.value!r} must be a string")
    extra = {key: _optional_str(doc, key) for key in _OPTIONAL_RAW}
    return RawArticle(id=article_id, kind=kind, content=content, **extra)


def raw_to_wire(raw: RawArticle) -> dict[str, Any]:
    """The wire document of a raw article (optional fields left out when unknown)."""
    doc: dict[str, Any] = {"id": raw.id, raw.kind.value: raw.content}
    for key in _OPTIONAL_RAW:
        value = getattr(raw, key)
        if value is not None:
            doc[key] = value
    return doc


def span_to_wire(span: Span) -> dict[str, Any]:
    """A span as ``{start, end, field}``."""
    return {"start": span.start, "end": span.end, "field": span.field}


def clean_to_wire(article: CleanArticle) -> dict[str, Any]:
    """The wire document of a clean article."""
    return {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "lang": article.lang,
        "lang_confidence": article.lang_confidence,
        "published": article.published,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "site_name": article.site_name,
        "authors": list(article.authors),
        "sources": list(article.sources),
        "removed_lines": article.removed,
    }


def clean_from_wire(doc: dict[str, Any]) -> CleanArticle:
    """A clean article from its (already schema-validated) wire document."""
    return CleanArticle(
        id=doc["id"],
        title=doc["title"],
        body=doc["body"],
        lang=doc["lang"],
        lang_confidence=float(doc["lang_confidence"]),
        published=doc.get("published"),
        url=doc.get("url"),
        canonical_url=doc.get("canonical_url"),
        site_name=doc.get("site_name"),
        authors=tuple(doc.get("authors") or ()),
        sources=tuple(doc.get("sources") or ()),
        removed=int(doc.get("removed_lines") or 0),
    )


def tag_to_wire(tag: CountryTag) -> dict[str, Any]:
    """A country or organisation tag."""
    return {
        "code": tag.code,
        "mentions": tag.mentions,
        "salience": tag.salience,
        "focus": tag.focus,
        "spans": [span_to_wire(s) for s in tag.spans],
        "surfaces": list(tag.surfaces),
        "places": tag.places,
    }


def place_to_wire(place: PlaceMention) -> dict[str, Any]:
    """A ``by_place`` item: the country a city, region or dateline of the text is in."""
    return {
        "code": place.code,
        "surface": place.surface,
        "span": span_to_wire(place.span),
        "place": place.place,
        "kind": place.kind,
        "dateline": place.dateline,
    }


def agreement_to_wire(agreement: Agreement, agreement_id: str) -> dict[str, Any]:
    """An agreement as it appears inside a tagged article."""
    return {
        "id": agreement_id,
        "parties": list(agreement.parties),
        "type": agreement.type,
        "status": agreement.status,
        "duration": agreement.duration,
        "date": agreement.date,
        "date_resolved": agreement.date_resolved,
        "evidence": agreement.evidence,
        "evidence_span": span_to_wire(agreement.evidence_span),
        "confidence": agreement.confidence,
        "signatories": list(agreement.signatories),
        "venue": agreement.venue,
        "name": agreement.name,
        "instrument": agreement.instrument,
    }


def tagged_to_wire(tagged: TaggedArticle, agreement_ids: list[str]) -> dict[str, Any]:
    """The wire document of a tagged article (also what ``wirewatch analyze`` prints)."""
    doc = clean_to_wire(tagged.article)
    doc["countries"] = [tag_to_wire(t) for t in tagged.countries]
    doc["organisations"] = [tag_to_wire(t) for t in tagged.organisations]
    doc["agreements"] = [agreement_to_wire(a, i) for a, i in zip(tagged.agreements, agreement_ids, strict=True)]
    doc["by_place"] = [place_to_wire(p) for p in tagged.by_place]
    return doc
