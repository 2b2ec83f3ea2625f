"""Handle one tagged article: its country events and its country-pair contributions.

Called by the aggregator app for every message on ``articles.tagged``. A failure is never
raised: it comes back as a dead-letter output, with no contributions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.contracts.aggregates import agreement_facts, country_events, country_facts, event_time
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output, run_handler
from wirewatch.contracts.topics import Topic
from wirewatch.core.relations import Contribution, pair_contributions


@dataclass(frozen=True, slots=True)
class Aggregation:
    """What one tagged article gives: country events (or a dead letter), pair contributions, the article."""

    outcome: Outcome
    contributions: tuple[Contribution, ...] = ()
    article: dict[str, Any] | None = None
    event_time: float | None = None


@dataclass(slots=True)
class _Seen:
    article: dict[str, Any] | None = None
    contributions: list[Contribution] = field(default_factory=list)
    event_time: float | None = None


class AggregatorHandler:
    """Turns ``articles.tagged`` messages into ``events.countries`` messages and pair contributions."""

    def handle(self, value: bytes | None, origin: Origin, now: str, received: float) -> Aggregation:
        """Aggregate one message; ``received`` (Unix seconds) stands in for an article without timestamps."""
        seen = _Seen()

        def aggregate(tagged: dict[str, Any]) -> list[Output]:
            at = event_time(tagged, received)
            key = tagged["id"].encode()
            outputs = [Output(Topic.COUNTRIES, key, doc, headers) for doc, headers in country_events(tagged, at, now)]
            seen.article, seen.event_time = tagged, at
            seen.contributions = pair_contributions(tagged["id"], at, country_facts(tagged), agreement_facts(tagged))
            return outputs

        outcome = run_handler("aggregator", Topic.TAGGED, value, origin, now, aggregate)
        if outcome.failed:
            return Aggregation(outcome)
        return Aggregation(outcome, tuple(seen.contributions), seen.article, seen.event_time)
