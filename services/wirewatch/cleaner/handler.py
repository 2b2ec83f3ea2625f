"""Handle one raw article: decode, clean with the core, encode.

Called by the cleaner app for every message on ``articles.raw``. A failure is never raised:
it comes back as a dead-letter output (see ``contracts.outcome``).
"""

from __future__ import annotations

from typing import Any

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import clean_to_wire, raw_from_wire
from wirewatch.core.cleaning import CleanOptions, clean_article


class CleanerHandler:
    """Turns ``articles.raw`` messages into ``articles.clean`` messages."""

    def __init__(self, options: CleanOptions) -> None:
        self._options = options

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Clean one message; the outcome is the clean article or a dead letter."""

        def clean(document: dict[str, Any]) -> list[Output]:
            raw = raw_from_wire(document)
            article = clean_article(raw, self._options)
            out = clean_to_wire(article)
            out["fetched_at"] = document.get("fetched_at")
            out["feed"] = document.get("feed")
            out["cleaned_at"] = now
            return [Output(Topic.CLEAN, raw.id.encode(), out)]

        return run_handler("cleaner", Topic.RAW, value, origin, now, clean)
