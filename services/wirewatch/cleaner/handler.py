"""Handle one raw article: decode, clean with the core, resolve duplicates, encode.

Called by the cleaner app for every message on ``articles.raw``. A failure is never raised:
it comes back as a dead-letter output (see ``contracts.outcome``). With a ``DedupStore`` the
output carries ``duplicate_of`` (the first article with the same or nearly the same body)
and ``story_id`` (shared by reports of the same story, also across languages), and short
paragraphs that the article's site repeats in other articles are dropped.
"""

from __future__ import annotations

from typing import Any

from wirewatch.cleaner.dedup_store import DedupStore
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import clean_to_wire, raw_from_wire
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.dedup import fingerprint


class CleanerHandler:
    """Turns ``articles.raw`` messages into ``articles.clean`` messages."""

    def __init__(self, options: CleanOptions, dedup: DedupStore | None = None) -> None:
        self._options = options
        self._dedup = dedup

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Clean one message; the outcome is the clean article or a dead letter."""

        def clean(document: dict[str, Any]) -> list[Output]:
            raw = raw_from_wire(document)
            article = clean_article(raw, self._options)
            if self._dedup is not None:
                article = self._dedup.drop_site_repeats(article, raw.feed)
            out = clean_to_wire(article)
            out["fetched_at"] = document.get("fetched_at")
            out["feed"] = document.get("feed")
            out["cleaned_at"] = now
            if self._dedup is not None:
                fp = fingerprint(article.title, article.body, article.lang, article.sources)
                resolution = self._dedup.resolve(article.id, fp)
                out["duplicate_of"] = resolution.duplicate_of
                out["story_id"] = resolution.story_id
            return [Output(Topic.CLEAN, raw.id.encode(), out)]

        return run_handler("cleaner", Topic.RAW, value, origin, now, clean)
