"""Real pipeline outputs for the seeds, made in-process (cleaner + tagger handlers, no broker).

Downstream tests (aggregator, API) consume these instead of hand-written documents, so their
schemas are checked against what the pipeline really produces.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from wirewatch.aggregator.handler import AggregatorHandler
from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Output
from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.core.cleaning import CleanOptions
from wirewatch.scraper.files import expand, read_items
from wirewatch.tagger.handler import EventFolder, TaggerHandler


@dataclass(frozen=True)
class SeedOutputs:
    """Everything the tagger produced for the seeds, in file order (``events.agreements``: events and updates)."""

    tagged: list[dict[str, Any]]
    agreement_outputs: list[Output]
    report_outputs: list[Output]

    @property
    def agreements(self) -> list[dict[str, Any]]:
        return [o.document for o in self.agreement_outputs]

    @property
    def reports(self) -> list[dict[str, Any]]:
        return [o.document for o in self.report_outputs]


@functools.cache
def seed_outputs(seeds_dir: Path, fetched_at: str = "2026-01-01T10:05:00Z") -> SeedOutputs:
    """Clean and tag every seed; each raw article gets ``fetched_at`` so event times are explicit."""
    resources = Resources.load()
    cleaner = CleanerHandler(resources.clean_options or CleanOptions())
    tagger = TaggerHandler(resources)
    folder, states = EventFolder(), {}
    tagged, agreements, reports = [], [], []
    for item in read_items(expand([seeds_dir])):
        assert item.document is not None
        raw = {**item.document, "fetched_at": fetched_at}
        clean = cleaner.handle(encode(raw), Origin(), fetched_at)
        assert not clean.failed, clean.outputs[0].document
        outcome = tagger.handle(clean.outputs[0].value(), Origin(), fetched_at)
        assert not outcome.failed, outcome.outputs[0].document
        tagged += [o.document for o in outcome.outputs if o.topic is Topic.TAGGED]
        reports += [o for o in outcome.outputs if o.topic is Topic.AGREEMENT_REPORTS]
        for report in (o for o in outcome.outputs if o.topic is Topic.AGREEMENT_REPORTS):
            # what the tagger's second agent does: fold reports into one event per agreement, then updates
            folded = folder.handle(report.value(), states.get(report.key), Origin(), fetched_at)
            assert not folded.outcome.failed, folded.outcome.outputs[0].document
            states[report.key] = folded.state
            agreements += [o for o in folded.outcome.outputs if o.topic is Topic.AGREEMENTS]
    return SeedOutputs(tagged, agreements, reports)


def seed_messages(seeds_dir: Path) -> list[tuple[Topic, dict[str, Any]]]:
    """Every message the pipeline puts on the archived topics for the seeds; the relation windows (which
    the aggregator closes only once time has passed) are the schema's examples."""
    seeds = seed_outputs(seeds_dir)
    messages: list[tuple[Topic, dict[str, Any]]] = [(Topic.TAGGED, doc) for doc in seeds.tagged]
    messages += [(Topic.AGREEMENT_REPORTS, doc) for doc in seeds.reports]
    messages += [(Topic.AGREEMENTS, doc) for doc in seeds.agreements]
    aggregator = AggregatorHandler()
    for doc in seeds.tagged:
        outcome = aggregator.handle(encode(doc), Origin(), "2026-01-01T10:06:00Z", 1767261960.0).outcome
        messages += [(Topic.COUNTRIES, out.document) for out in outcome.outputs]
    examples = Path(__file__).resolve().parents[1] / "schemas" / "examples" / "relation-event.v1" / "valid"
    messages += [(Topic.RELATIONS, orjson.loads(p.read_bytes())) for p in sorted(examples.glob("*.json"))]
    return messages


def compound_article() -> dict[str, Any]:
    """A German article whose only form of "Abkommen" is inside a compound."""
    return {
        "id": "compound0000001",
        "title": "Teheran und Wien",
        "body": "Das Atomabkommen mit dem Iran bleibt umstritten, sagte die Ministerin in Wien.",
        "lang": "de",
        "published": "2026-02-01T08:00:00Z",
        "sources": [],
        "countries": [
            {
                "code": "IRN",
                "mentions": 1,
                "salience": 0.5,
                "focus": True,
                "spans": [{"start": 25, "end": 29, "field": "body"}],
            }
        ],
        "agreements": [],
    }
