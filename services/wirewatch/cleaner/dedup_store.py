"""Keep the duplicate/story index in a mapping: a Faust table in production, a dict in tests.

Layout (JSON-serialisable values, so a Faust table with the ``json`` serializer can hold them):

- ``"article:<id>"`` -> ``{"story_id", "simhash", "lang", "story": [features]}``
- any index key from ``core.dedup.index_keys`` -> list of article ids (oldest first, at most
  ``MAX_PER_KEY``; the oldest is what ``duplicate_of`` points to)
- ``"repeat:<digest>"`` (``core.cleaning.repeats``) -> ids of the site's articles that carry
  that short paragraph

Storing an article's features once and only ids under the keys keeps the table small.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from wirewatch.core.cleaning.repeats import MIN_OTHER_ARTICLES, drop_paragraphs, repeat_keys, site_of
from wirewatch.core.dedup import Fingerprint, IndexEntry, Resolution, resolve
from wirewatch.core.model import CleanArticle

MAX_PER_KEY = 16


class DedupStore:
    """Duplicate and story resolution over a string-keyed mutable mapping."""

    def __init__(self, table: MutableMapping[str, Any]) -> None:
        self._table = table

    def resolve(self, article_id: str, fp: Fingerprint) -> Resolution:
        """Decide ``duplicate_of``/``story_id`` for one article and remember it."""
        resolution = resolve(article_id, fp, self._lookup)
        if resolution.writes:
            self._remember(article_id, fp, resolution)
        return resolution

    def drop_site_repeats(self, article: CleanArticle, feed: str | None) -> CleanArticle:
        """Remove short paragraphs the article's site repeats elsewhere; remember this article's."""
        site = site_of(article, feed)
        if site is None:
            return article
        keys = repeat_keys(site, article)
        repeated = {
            paragraph
            for key, paragraph in keys.items()
            if len([i for i in (self._table.get(key) or []) if i != article.id]) >= MIN_OTHER_ARTICLES
        }
        for key in keys:
            self._append(key, article.id)
        return drop_paragraphs(article, repeated)

    def _lookup(self, key: str) -> list[IndexEntry]:
        ids = self._table.get(key) or []
        return [entry for article_id in ids if (entry := self._entry(article_id)) is not None]

    def _entry(self, article_id: str) -> IndexEntry | None:
        record = self._table.get(f"article:{article_id}")
        if not isinstance(record, dict):
            return None
        return IndexEntry(
            article_id=article_id,
            story_id=str(record["story_id"]),
            simhash=int(record["simhash"]),
            story=frozenset(record["story"]),
            lang=str(record.get("lang", "und")),
        )

    def _remember(self, article_id: str, fp: Fingerprint, resolution: Resolution) -> None:
        self._table[f"article:{article_id}"] = {
            "story_id": resolution.story_id,
            "simhash": fp.simhash,
            "lang": fp.lang,
            "story": sorted(fp.story),
        }
        for key in resolution.writes:
            self._append(key, article_id)

    def _append(self, key: str, article_id: str) -> None:
        ids = self._table.get(key) or []
        if article_id not in ids and len(ids) < MAX_PER_KEY:
            self._table[key] = [*ids, article_id]
