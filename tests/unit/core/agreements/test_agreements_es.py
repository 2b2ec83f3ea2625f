"""Español: a language added as a data file only (``data/es.json``), no extractor code of its own.

The skeleton country tagger has no Spanish names, so these tests build the mentions themselves.
"""

from __future__ import annotations

import re

from wirewatch.core.agreements import Lexicons, extract_agreements
from wirewatch.core.model import CountryMention, Span

NAMES = {"España": "ESP", "Francia": "FRA", "Chile": "CHL", "Perú": "PER", "Bolivia": "BOL"}


def mentions(body: str) -> tuple[CountryMention, ...]:
    found = [
        CountryMention(code, Span(m.start(), m.end()), name, "name")
        for name, code in NAMES.items()
        for m in re.finditer(re.escape(name), body)
    ]
    return tuple(sorted(found, key=lambda m: m.span.start))


def test_spanish_signed_planned_and_coreference(lexicons: Lexicons) -> None:
    body = (
        "España y Francia firmaron ayer un acuerdo de defensa de cinco años.\n\n"
        "Representantes de Chile y Perú se reunieron en Lima. "
        "Ambos países prevén firmar un acuerdo comercial el próximo año."
    )
    found = extract_agreements(body, mentions(body), ("ESP", "FRA"), lexicons.get("es"), "2024-03-13T09:00:00Z")
    summary = [(a.parties, a.type, a.status, a.duration, a.date_resolved) for a in found]
    assert summary == [
        (("ESP", "FRA"), "military", "signed", "P5Y", "2024-03-12"),
        (("CHL", "PER"), "trade", "planned", None, "2025"),
    ]


def test_spanish_near_miss_is_not_reported(lexicons: Lexicons) -> None:
    body = "Bolivia quiere reforzar la cooperación con Perú."
    assert extract_agreements(body, mentions(body), (), lexicons.get("es")) == ()
