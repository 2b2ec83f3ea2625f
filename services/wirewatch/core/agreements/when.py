"""Durations (ISO 8601) and dates (as written, and resolved against the publication time).

A date is kept as the text states it ("April 2021", "dieses Jahr", "last June"); when the
article's publication time is known, relative and partial dates are also resolved to an ISO
date or period ("2021-04", "2024", "2024-06-12"). Without a publication time only dates that
carry their own year are resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from wirewatch.core.agreements.lexicon import Lexicon

_YEAR = re.compile(r"(?<![\w.,])(?P<year>(?:19|20)\d\d)(?![\w]|[.,]\d)")
_DIGIT = re.compile(r"\d")
_PUBLISHED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a sentence."""

    text: str
    start: int
    resolved: str | None

    @property
    def year(self) -> int | None:
        """The year of the resolved date, when there is one."""
        return int(self.resolved[:4]) if self.resolved else None


def parse_published(published: str | None) -> date | None:
    """The calendar date of an RFC 3339 publication time, or None when absent or unparseable."""
    m = _PUBLISHED.match(published or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def find_duration(text: str, lexicon: Lexicon) -> str | None:
    """The first duration stated in ``text`` as ISO 8601 (``P4Y``, ``P6M``), or None."""
    for pattern, iso in lexicon.fixed_durations:
        if pattern.search(text):
            return iso
    for unit, pattern in lexicon.durations:
        m = pattern.search(text)
        if m:
            n = m["n"].lower()
            value = int(n) if n.isdigit() else lexicon.numbers.get(n)
            if value:
                return f"P{value}{unit}"
    return None


def find_dates(text: str, lexicon: Lexicon, published: date | None) -> list[DateMention]:
    """Every date expression in ``text``, in order, most specific first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, resolved: str | None) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateMention(text[start:end], start, resolved))

    lowered = text.lower()
    if any(map(lowered.__contains__, lexicon.months)):  # substring tests first: the regexes are slow
        for m in lexicon.month_date.finditer(text):
            start, end, direction = _month_extent(m, text, lexicon)
            add(start, end, _resolve_month(m, lexicon, published, direction))
    if _DIGIT.search(text):
        for m in _YEAR.finditer(text):
            add(m.start(), m.end(), m["year"])
    for rel in lexicon.relative_dates:
        if rel.cue.possible(lowered):
            for m in rel.cue.pattern.finditer(text):
                add(m.start(), m.end(), _resolve_relative(rel.unit, rel.offset, published))
    if any(map(lowered.__contains__, lexicon.weekdays)):
        for m in lexicon.weekday.finditer(text):
            add(m.start(), m.end(), _resolve_weekday(lexicon.weekdays[m.group(0).lower()], published))
    return sorted(found, key=lambda d: d.start)


def _month_extent(m: re.Match[str], text: str, lexicon: Lexicon) -> tuple[int, int, int]:
    """The month expression with its modifier ("last June", "juin dernier") and its direction (-1, 0, 1)."""
    past_before, next_before, past_after, next_after = lexicon.month_modifier
    start, end, direction = m.start(), m.end(), 0
    for pattern, sign in ((past_before, -1), (next_before, 1)):
        found = pattern.search(text, 0, m.start())
        if found:
            start, direction = found.start(), sign
    for pattern, sign in ((past_after, -1), (next_after, 1)):
        found = pattern.match(text[m.end() :])
        if found:
            end, direction = m.end() + found.end(), sign
    return start, end, direction


def _resolve_month(m: re.Match[str], lexicon: Lexicon, published: date | None, direction: int) -> str | None:
    """A month with its year: written, or the one before or after publication as the modifier says.

    Without a modifier a month is taken as the latest one not after publication (news reports
    mostly look back).
    """
    month = lexicon.months[(m["m1"] or m["m2"]).lower()]
    year_text, day_text = m["y1"] or m["y2"], m["d1"] or m["d2"]
    if year_text:
        year = int(year_text)
    elif published is None:
        return None
    elif direction > 0:
        year = published.year + (1 if month <= published.month else 0)
    else:
        year = published.year - (1 if month > published.month or (direction < 0 and month == published.month) else 0)
    if day_text:
        return f"{year:04d}-{month:02d}-{int(day_text):02d}"
    return f"{year:04d}-{month:02d}"


def _resolve_relative(unit: str, offset: int, published: date | None) -> str | None:
    if published is None:
        return None
    if unit == "year":
        return f"{published.year + offset:04d}"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return (published + timedelta(days=offset)).isoformat()


def _resolve_weekday(weekday: int, published: date | None) -> str | None:
    """News speaks of the past week: "on Wednesday" is the latest Wednesday on or before publication."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    return (published - timedelta(days=back)).isoformat()
