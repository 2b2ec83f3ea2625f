"""Find agreement statements sentence by sentence.

Walking-skeleton version: one regex per role (agreement noun, signing verb, type cue,
duration) for English, German and French. The agreement issue replaces these with
per-language data files; ``extract_agreements`` keeps its signature.
"""

from __future__ import annotations

import re

from wirewatch.core.model import Agreement, CountryMention, Span

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_NOUN = re.compile(
    r"\b(?:agreement|deal|pact|treaty|accord|memorandum|abkommen\w*|vertrag|vereinbarung|pakt|traité|protocole)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"\b(?:signed|concluded|unterzeichnet\w*|abgeschlossen|signé\w*|conclu\w*)\b", re.IGNORECASE)
_TYPE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nuclear", re.compile(r"\b(?:nuclear|nuklear\w*|atom\w*|nucléaire)", re.IGNORECASE)),
    ("military", re.compile(r"\b(?:militar\w*|militär\w*|militaire|defen[cs]e|verteidigung\w*)", re.IGNORECASE)),
)
_GROUP_PARTIES = re.compile(r"\b(?:the two countries|both sides|beide länder|les deux pays)\b", re.IGNORECASE)
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "zehn": 10,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dix": 10,
}
_DURATION = re.compile(r"\b(?P<n>\d+|" + "|".join(_NUMBERS) + r")[- ]?(?:year|jährig\w*|ans?\b)", re.IGNORECASE)


def _duration(text: str) -> str | None:
    m = _DURATION.search(text)
    if not m:
        return None
    n = m["n"].lower()
    return f"P{int(n) if n.isdigit() else _NUMBERS[n]}Y"


def _type(window: str) -> str:
    for name, cue in _TYPE_CUES:
        if cue.search(window):
            return name
    return "other"


def extract_agreements(
    body: str, mentions: tuple[CountryMention, ...], focus: tuple[str, ...]
) -> tuple[Agreement, ...]:
    """Agreements the body reports; ``mentions`` are the body's country mentions, ``focus`` the focus codes."""
    found: dict[tuple[tuple[str, ...], str], Agreement] = {}
    for m in _SENTENCE.finditer(body):
        sentence = m.group(0).strip()
        if not (_NOUN.search(sentence) and _SIGNED.search(sentence)):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        parties = {
            c.code
            for c in mentions
            if c.span.field == "body" and start <= c.span.start < m.end() and not c.code.startswith("ORG:")
        }
        if len(parties) < 2 and _GROUP_PARTIES.search(sentence):
            parties |= set(focus[:2])
        if len(parties) < 2:
            continue
        key = (tuple(sorted(parties)), _type(sentence))
        agreement = Agreement(
            parties=key[0],
            type=key[1],
            status="signed",
            evidence=sentence,
            evidence_span=Span(start, start + len(sentence)),
            confidence=0.6,
            duration=_duration(sentence),
        )
        if key in found:  # same agreement told twice: keep the first evidence, fill the gaps
            first = found[key]
            agreement = Agreement(
                first.parties,
                first.type,
                first.status,
                first.evidence,
                first.evidence_span,
                first.confidence,
                first.duration or agreement.duration,
            )
        found[key] = agreement
    return tuple(found.values())
