"""Offline analysis (``wirewatch analyze``): the cleaner and tagger handlers chained in-process.

Running the very handlers the stream processors run guarantees that the offline output is
the document the tagger puts on ``articles.tagged``, which is what quality is measured on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.runtime.outputs import utc_now
from wirewatch.tagger.handler import TaggerHandler


class OfflineAnalyzer:
    """Clean and tag raw-article documents without a broker."""

    def __init__(self, resources: Resources | None = None) -> None:
        self._resources = resources or Resources.load()
        self._cleaner = CleanerHandler(self._resources.clean_options)
        self._tagger = TaggerHandler(self._resources)

    def analyze_bytes(self, value: bytes) -> dict[str, Any]:
        """One raw-article message in, the tagged-article document (or an error document) out."""
        now = utc_now()
        cleaned = self._cleaner.handle(value, Origin(), now)
        if cleaned.failed:
            return _error(value, cleaned.outputs[0].document)
        tagged = self._tagger.handle(cleaned.outputs[0].value(), Origin(), now)
        if tagged.failed:
            return _error(value, tagged.outputs[0].document)
        return next(o.document for o in tagged.outputs if o.topic is Topic.TAGGED)

    def analyze_documents(self, documents: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Analyse raw-article documents, one output per input, in order."""
        for doc in documents:
            yield self.analyze_bytes(encode(doc))

    def analyze_lines(self, lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
        """Analyse JSONL lines (blank lines skipped), one output per line, in order."""
        for line in lines:
            if line.strip():
                yield self.analyze_bytes(line.strip())


def _error(value: bytes, letter: dict[str, Any]) -> dict[str, Any]:
    try:
        doc = orjson.loads(value)
        article_id = doc.get("id") if isinstance(doc, dict) else None
    except orjson.JSONDecodeError:
        article_id = None
    return {
        "id": article_id,
        "error": {"stage": letter["stage"], "kind": letter["error_kind"], "message": letter["message"]},
    }
