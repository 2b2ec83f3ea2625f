"""Handle one clean article: decode, tag with the core, encode the tagged article and its events.

Called by the tagger app for every message on ``articles.clean``. A failure is never raised:
it comes back as a dead-letter output.
"""

from __future__ import annotations

from typing import Any

from wirewatch.contracts.cloudevents import ce_headers
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.events import agreement_event
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import clean_from_wire, tagged_to_wire
from wirewatch.core.analysis import Resources, tag_article
from wirewatch.core.ids import agreement_id
from wirewatch.core.model import Agreement


def agreement_key(agreement: Agreement) -> str:
    """The deterministic event id of an agreement: party set, type and year (when known)."""
    year = (agreement.date_resolved or agreement.date or "")[:4]
    return agreement_id(agreement.parties, agreement.type, year if year.isdigit() else None)


class TaggerHandler:
    """Turns ``articles.clean`` messages into ``articles.tagged`` and ``events.agreements`` messages."""

    def __init__(self, resources: Resources) -> None:
        self._resources = resources

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Tag one message; the outcome is the tagged article plus one event per agreement, or a dead letter."""

        def tag(document: dict[str, Any]) -> list[Output]:
            article = clean_from_wire(document)
            tagged = tag_article(article, self._resources)
            ids = [agreement_key(a) for a in tagged.agreements]
            doc = tagged_to_wire(tagged, ids)
            for key in ("fetched_at", "feed", "cleaned_at", "duplicate_of", "story_id"):
                if key in document:
                    doc[key] = document[key]
            doc["tagged_at"] = now
            outputs = [Output(Topic.TAGGED, article.id.encode(), doc)]
            for agreement, event_id in zip(tagged.agreements, ids, strict=True):
                event = agreement_event(agreement, event_id, doc, now)
                headers = ce_headers(event_id, "dev.wirewatch.agreement.v1", now, subject=",".join(agreement.parties))
                outputs.append(Output(Topic.AGREEMENTS, event_id.encode(), event, headers))
            return outputs

        return run_handler("tagger", Topic.CLEAN, value, origin, now, tag)
