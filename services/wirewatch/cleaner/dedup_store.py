"""Keep the duplicate/story index in a mapping: a Faust table in production, a dict in tests.

Layout (JSON-serialisable values, so a Faust table with the ``json`` serializer can hold them):

- ``"article:<id>"`` -> ``{"story_id", "simhash", "lang", "story": [features], "day"}``
- any index key from ``core.dedup.index_keys`` -> list of ``[article id, day]`` (oldest first,
  at most ``MAX_PER_KEY``; the oldest is what ``duplicate_of`` points to)
- ``"repeat:<digest>"`` (``core.cleaning.repeats``) -> ``[article id, day]`` of the site's
  articles that carry that short paragraph

Storing an article's features once and only ids under the keys keeps the table small.

**Bounded**: ``day`` holds the minute (minutes since the epoch) the article was cleaned.
Entries older than the retention (``retention_days``, fractions allowed) are ignored by lookups
at once and deleted by a sweep over the table that runs every 1/24 of the retention, so the
table holds at most the keys of the last ``retention_days`` days (a story is news for days, not
months): its size is retention × article rate, flat once the retention is reached.

**Written after delivery**: ``plan_*`` methods only read and return the writes; the handler
applies them (``apply``) once the outcome is known to have succeeded, so an article that ends
as a dead letter leaves no trace in the index.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any

from wirewatch.core.cleaning.repeats import MIN_OTHER_ARTICLES, drop_paragraphs, repeat_keys, site_of
from wirewatch.core.dedup import Fingerprint, IndexEntry, Resolution, resolve
from wirewatch.core.model import CleanArticle

MAX_PER_KEY = 16
DEFAULT_RETENTION_DAYS = 7.0
_MINUTES_A_DAY = 24 * 60
Writes = dict[str, Any]


def day_of(now: str) -> int:
    """The minute of an ISO timestamp (``2024-05-06T07:08…``) since the epoch; now's when unparsable.

    Minutes, not days, so a retention can be a fraction of a day (tests and soak runs use minutes).
    """
    try:
        moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() // 60)


class DedupStore:
    """Duplicate and story resolution over a string-keyed mutable mapping, with retention."""

    def __init__(self, table: MutableMapping[str, Any], retention_days: float = DEFAULT_RETENTION_DAYS) -> None:
        self._table = table
        self._retention = max(1, round(retention_days * _MINUTES_A_DAY))  # in minutes
        self._sweep_every = max(1, self._retention // 24)
        self._swept_day: int | None = None

    def plan_resolve(self, article_id: str, fp: Fingerprint, day: int) -> tuple[Resolution, Writes]:
        """Decide ``duplicate_of``/``story_id`` for one article; the writes that remember it."""
        resolution = resolve(article_id, fp, lambda key: self._lookup(key, day))
        if not resolution.writes:
            return resolution, {}
        writes: Writes = {
            f"article:{article_id}": {
                "story_id": resolution.story_id,
                "simhash": fp.simhash,
                "lang": fp.lang,
                "story": sorted(fp.story),
                "day": day,
            }
        }
        for key in resolution.writes:
            writes[key] = self._appended(key, article_id, day)
        return resolution, writes

    def plan_site_repeats(self, article: CleanArticle, feed: str | None, day: int) -> tuple[CleanArticle, Writes]:
        """The article without short paragraphs its site repeats elsewhere; writes counting its own."""
        site = site_of(article, feed)
        if site is None:
            return article, {}
        keys = repeat_keys(site, article)
        repeated = {
            paragraph
            for key, paragraph in keys.items()
            if len([i for i, _ in self._fresh(key, day) if i != article.id]) >= MIN_OTHER_ARTICLES
        }
        writes = {key: self._appended(key, article.id, day) for key in keys}
        return drop_paragraphs(article, repeated), writes

    def apply(self, writes: Writes, day: int) -> None:
        """Store planned writes (after the outcome succeeded); sweep old entries once a day."""
        if self._swept_day is None or day >= self._swept_day + self._sweep_every:
            self.sweep(day)
        for key, value in writes.items():
            self._table[key] = value

    def sweep(self, day: int) -> None:
        """Delete every entry older than the retention; trim id lists to their fresh entries."""
        self._swept_day = day
        for key, value in list(self._table.items()):
            if isinstance(value, dict):
                if not self._is_fresh(value.get("day"), day):
                    del self._table[key]
            elif isinstance(value, list):
                fresh = self._fresh(key, day)
                if not fresh:
                    del self._table[key]
                elif len(fresh) != len(value):
                    self._table[key] = fresh

    def _is_fresh(self, stored: object, day: int) -> bool:
        return isinstance(stored, int) and stored > day - self._retention

    def _fresh(self, key: str, day: int) -> list[list[Any]]:
        pairs = self._table.get(key) or []
        return [[p[0], p[1]] for p in pairs if isinstance(p, list) and len(p) == 2 and self._is_fresh(p[1], day)]

    def _appended(self, key: str, article_id: str, day: int) -> list[list[Any]]:
        pairs = self._fresh(key, day)
        if any(i == article_id for i, _ in pairs) or len(pairs) >= MAX_PER_KEY:
            return pairs
        return [*pairs, [article_id, day]]

    def _lookup(self, key: str, day: int) -> list[IndexEntry]:
        return [entry for article_id, _ in self._fresh(key, day) if (entry := self._entry(article_id, day))]

    def _entry(self, article_id: str, day: int) -> IndexEntry | None:
        record = self._table.get(f"article:{article_id}")
        if not isinstance(record, dict) or not self._is_fresh(record.get("day"), day):
            return None
        return IndexEntry(
            article_id=article_id,
            story_id=str(record["story_id"]),
            simhash=int(record["simhash"]),
            story=frozenset(record["story"]),
            lang=str(record.get("lang", "und")),
        )
