"""Metadata that arrives inside the text: source lines, bare timestamps, dates in short lines."""

from __future__ import annotations

import re

from wirewatch.core.cleaning.phrases import Phrasebook, line_key

_TIMESTAMP = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_BARE_TIMESTAMP = re.compile(rf"^{_TIMESTAMP}$")
_ANY_DATE = re.compile(rf"{_TIMESTAMP}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][\w .'-]{0,30}?)\s*:\s*(?P<names>\S.*)$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|/|\||\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*")


def bare_timestamp(line: str) -> str | None:
    """The line when it is nothing but an ISO 8601 date or date-time."""
    return line if _BARE_TIMESTAMP.match(line) else None


def is_dated_stub(line: str, max_words: int = 6) -> bool:
    """A short line carrying a date (``Politics 2024-04-18T09:29Z``): a listing label, not prose."""
    if len(line.split()) > max_words + 2 or line.endswith("."):
        return False
    if _YEAR.search(line) and _CLOCK.search(line):
        return True  # "Monday, 22 January 2018 at 0:13" in any language
    return len(line.split()) <= max_words and bool(_ANY_DATE.search(line))


_BYLINE = re.compile(
    r"^(?:\w+\s+)?(?:by|von|par|por|di|da|door|av|af|автор|от)\s*:?\s+"
    r"(?P<names>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+){1,3}"
    r"(?:\s*(?:,|and|und|et|y|e|en|и)\s*[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+){1,3})*)"
    r"\s*(?:\([^)]*\))?\s*$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bи\b)\s*")


def byline_authors(line: str) -> tuple[str, ...] | None:
    """Authors of a byline ("By Ann Lee and Bo Chen", "Von Max Muster (Berlin)"), or None."""
    if len(line.split()) > 14:
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    names = [n for n in _NAME_SPLIT.split(match["names"]) if n]
    return tuple(names) if all(n[:1].isupper() for n in names) else None


def source_names(line: str, book: Phrasebook) -> tuple[str, ...] | None:
    """Names of a "Source: A, B" line (label from the phrasebook), or None for another line."""
    match = _LABELLED.match(line)
    if not match or line_key(match["label"]) not in book.source_labels:
        return None
    names = [n.strip(" .") for n in _SPLIT_NAMES.split(match["names"]) if n.strip(" .")]
    if not names or len(match["names"].split()) > 12:
        return None
    return tuple(names)
