"""Handle one raw article: decode, clean with the core, resolve duplicates, encode.

Called by the cleaner app for every message on ``articles.raw``. A failure is never raised:
it comes back as a dead-letter output (see ``contracts.outcome``). With a ``DedupStore`` the
output carries ``duplicate_of`` (the first article with the same or nearly the same body)
and ``story_id`` (shared by reports of the same story, also across languages), and short
paragraphs that the article's site repeats in other articles are dropped. The index is
written only after the outcome succeeded (a dead letter leaves the index as it was).
"""

from __future__ import annotations

from typing import Any

from wirewatch.cleaner.dedup_store import DedupStore, Writes, day_of
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import clean_to_wire, raw_from_wire
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.dedup import fingerprint
from wirewatch.runtime.settings import Settings


def clean_options(settings: Settings) -> CleanOptions:
    """The cleaner's options from the settings: the one place, for the stream and ``wirewatch analyze``,
    so both refuse or keep the same article."""
    return CleanOptions(max_bytes=settings.max_body_bytes)


class CleanerHandler:
    """Turns ``articles.raw`` messages into ``articles.clean`` messages."""

    def __init__(self, options: CleanOptions, dedup: DedupStore | None = None) -> None:
        self._options = options
        self._dedup = dedup

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Clean one message; the outcome is the clean article or a dead letter."""
        day = day_of(now)
        pending: Writes = {}

        def clean(document: dict[str, Any]) -> list[Output]:
            raw = raw_from_wire(document)
            article = clean_article(raw, self._options)
            if self._dedup is not None:
                article, writes = self._dedup.plan_site_repeats(article, raw.feed, day)
                pending.update(writes)
            out = clean_to_wire(article)
            out["fetched_at"] = document.get("fetched_at")
            out["feed"] = document.get("feed")
            out["cleaned_at"] = now
            if self._dedup is not None:
                fp = fingerprint(article.title, article.body, article.lang, article.sources)
                resolution, writes = self._dedup.plan_resolve(article.id, fp, day)
                pending.update(writes)
                out["duplicate_of"] = resolution.duplicate_of
                out["story_id"] = resolution.story_id
            return [Output(Topic.CLEAN, raw.id.encode(), out)]

        outcome = run_handler("cleaner", Topic.RAW, value, origin, now, clean)
        if self._dedup is not None and not outcome.failed:
            self._dedup.apply(pending, day)
        return outcome
