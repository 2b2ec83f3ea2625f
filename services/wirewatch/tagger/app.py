"""Wire the tagger handlers to Kafka on the stage runner (``wirewatch tag``): two stages, one process.

1. ``tag``: ``articles.clean`` -> tag -> ``articles.tagged`` + ``events.agreement-reports`` (keyed
   by event id, so every report of one agreement reaches the same partition);
2. ``fold``: ``events.agreement-reports`` -> fold into the agreement events -> ``events.agreements``.
   The events are a partitioned changelog (``runtime.changelog.PartitionedChangelog``): a worker
   holds the events of the report partitions it owns, restored when it takes one over; events
   with no report for ``WIREWATCH_AGREEMENT_DAYS`` are swept out (a tombstone on the changelog).

The fold makes ``events.agreements`` carry each agreement once and then its updates, however
many articles report it, from state that survives restarts.
"""

from __future__ import annotations

import logging
import time

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome
from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.runtime.changelog import PartitionedChangelog
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.stage_runner import StageSpec, run_stages
from wirewatch.tagger.handler import EventFolder, TaggerHandler

log = logging.getLogger(__name__)

EVENTS_TABLE = "agreement-events"
_SECONDS_A_DAY = 86_400


def changelog_topic(settings: Settings) -> str:
    """The agreement events' changelog (the name Faust gave it, so events written before carry over)."""
    return f"{settings.group_prefix}-{Stage.TAGGER.value}-{EVENTS_TABLE}-changelog"


class FoldStage:
    """The fold as a stage handler: each report meets the stored event of its id, in partition order.

    Every partition is swept of expired events with its first report after it is taken over,
    then every ``sweep_every`` seconds: an event outlives its retention by at most that.
    """

    def __init__(self, folder: EventFolder, events: PartitionedChangelog, metrics: Metrics, sweep_every: float) -> None:
        self._folder = folder
        self._events = events
        self._metrics = metrics
        self._sweep_every = sweep_every
        self._swept: dict[int, float] = {}

    def handle(self, value: bytes | None, origin: Origin, now: str) -> Outcome:
        """Fold one report; the stored event changes only when the fold says so."""
        partition = origin.partition or 0
        events = self._events.partition(partition)
        if time.monotonic() - self._swept.get(partition, -self._sweep_every) >= self._sweep_every:
            self._sweep(partition, now)
        key = origin.key or b""
        result = self._folder.handle(value, events.get(key), origin, now)
        if result.changed:
            if result.state is None:
                events.pop(key, None)
            else:
                events[key] = result.state
        return result.outcome

    def _sweep(self, partition: int, now: str) -> None:
        self._swept[partition] = time.monotonic()
        events = self._events.partition(partition)
        doomed = [key for key, state in events.items() if self._folder.expired(state, now)]
        for key in doomed:
            del events[key]
        if doomed:
            log.info("%s: %d expired event(s) deleted from partition %d", EVENTS_TABLE, len(doomed), partition)
        self._metrics.record_expired(EVENTS_TABLE, len(doomed))


def build(settings: Settings, metrics: Metrics, resources: Resources) -> list[StageSpec]:
    """The tagger's two stages: tagging, then folding the reports into events."""
    tagger = TaggerHandler(resources)
    events = PartitionedChangelog(settings, changelog_topic(settings))
    folder = EventFolder(settings.agreement_retention_days)
    # Swept 24 times per retention: an event outlives its retention by at most 1/24 of it.
    fold = FoldStage(folder, events, metrics, settings.agreement_retention_days * _SECONDS_A_DAY / 24)
    return [
        StageSpec(Stage.TAGGER, Topic.CLEAN, tagger.handle),
        StageSpec(Stage.TAGGER, Topic.AGREEMENT_REPORTS, fold.handle, events, part="fold", counted=False),
    ]


def main(settings: Settings) -> None:
    """Run the tagger until stopped."""
    metrics = Metrics.create()
    run_stages(settings, build(settings, metrics, Resources.load()), metrics)
