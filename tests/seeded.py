"""Real pipeline outputs for the seeds, made in-process (cleaner + tagger handlers, no broker).

Downstream tests (aggregator, API) consume these instead of hand-written documents, so their
schemas are checked against what the pipeline really produces.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
