"""The tagger's two handlers: tag one clean article; fold one agreement report into its event.

``TaggerHandler.handle`` is called for every message on ``articles.clean``: it returns the tagged
article and one *report* per agreement (to ``events.agreement-reports``, keyed by the event id,
so every report of one agreement reaches the same partition and the same table shard).

``EventFolder.handle`` is called for every report with the event state the table holds for
that id: it returns the updated event (to ``events.agreements``) and the new state, or no
output when the report adds nothing (an article already counted). A failure is never raised:
it comes back as a dead-letter output, and the state is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirewatch.contracts.cloudevents import ce_headers
from wirewatch.contracts.codec import DecodeError, decode, encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.events import EVENT_TYPE, agreement_event, event_from_wire, event_to_wire, report_from_wire
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.contracts.wire import clean_from_wire, tagged_to_wire
from wirewatch.core.agreements import agreement_key, fold_report, is_stale
from wirewatch.core.agreements.events import DEFAULT_RETENTION_DAYS
from wirewatch.core.analysis import Resources, tag_article

__all__ = ["EventFolder", "FoldOutcome", "TaggerHandler", "agreement_key"]


class TaggerHandler:
    """Turns ``articles.clean`` messages into ``articles.tagged`` and agreement-report messages."""

    def __init__(self, resources: Resources) -> None:
        self._resources = resources

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Tag one message; the outcome is the tagged article plus one report per agreement, or a dead letter."""

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
                report = agreement_event(agreement, event_id, doc, now)
                outputs.append(Output(Topic.AGREEMENT_REPORTS, event_id.encode(), report))
            return outputs

        return run_handler("tagger", Topic.CLEAN, value, origin, now, tag)


@dataclass(frozen=True, slots=True)
class FoldOutcome:
    """What folding one report gives: messages to produce, and the table's new state for the id."""

    outcome: Outcome
    state: bytes | None
    changed: bool


class EventFolder:
    """Folds agreement reports into one event per agreement (state: the event document, encoded).

    ``retention_days`` bounds the table: an event with no report for that long is ``expired`` and
    the table's sweep deletes it (see ``runtime.faust_app.TableRetention``).
    """

    def __init__(self, retention_days: float = DEFAULT_RETENTION_DAYS) -> None:
        self.retention_days = retention_days

    def expired(self, state: bytes | None, now: str) -> bool:
        """Whether a stored event was last reported more than ``retention_days`` before ``now``.

        Unreadable state is not expired: a sweep deletes only what it can date.
        """
        if state is None:
            return True
        try:
            return self._stale(decode(state), now)
        except DecodeError:
            return False

    def _stale(self, stored: dict[str, Any], now: str) -> bool:
        last_seen = stored.get("last_seen")
        return isinstance(last_seen, str) and is_stale(last_seen, now, self.retention_days)

    def handle(self, value: bytes | None, state: bytes | None, origin: Origin, now: str) -> FoldOutcome:
        """Fold one report into ``state``; the outcome holds the updated event, nothing, or a dead letter."""
        result: dict[str, bytes | None] = {"state": state}

        def fold(document: dict[str, Any]) -> list[Output]:
            report = report_from_wire(document)
            stored = decode(state) if state is not None else None
            # Past its retention an event starts again, whether or not a sweep has deleted it yet.
            current = event_from_wire(stored) if stored is not None and not self._stale(stored, now) else None
            event = fold_report(current, report)
            if event is current:
                return []  # this article was already counted: nothing new to say
            doc = event_to_wire(event)
            result["state"] = encode(doc)
            subject = ",".join(event.agreement.parties)
            headers = ce_headers(event.id, EVENT_TYPE, event.last_seen, subject=subject)
            return [Output(Topic.AGREEMENTS, event.id.encode(), doc, headers)]

        outcome = run_handler("tagger", Topic.AGREEMENT_REPORTS, value, origin, now, fold)
        new_state = state if outcome.failed else result["state"]
        return FoldOutcome(outcome, new_state, new_state is not state)
