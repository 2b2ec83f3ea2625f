"""Identify the language of a text.

Walking-skeleton version: stop-word counts for the three launch languages. The cleaner
issue chooses a library on measured accuracy and speed; the signature stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "was",
            "with",
            "as",
            "on",
            "by",
            "has",
            "have",
            "it",
            "from",
            "are",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "sich",
            "des",
            "auf",
            "für",
            "im",
            "dem",
            "ein",
            "eine",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "des",
            "est",
            "une",
            "un",
            "du",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "pas",
            "au",
            "avec",
        ]
    ),
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (ISO 639-1) with a confidence in [0, 1]."""

    lang: str
    confidence: float


def identify_language(text: str) -> LanguageGuess:
    """Guess the language of ``text``; ``und`` with confidence 0 when there is no evidence."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    total = sum(scores.values())
    if not total:
        return LanguageGuess("und", 0.0)
    return LanguageGuess(best, round(scores[best] / total, 3))
