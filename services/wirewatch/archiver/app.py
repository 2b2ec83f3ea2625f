"""Wire the archived topics to the archive on the stage runner (``wirewatch archive``).

One stage part per topic (``articles.tagged``, ``events.agreements``, ``events.agreement-reports``,
``events.countries``, ``events.relations``), each its own consumer group, all writing through one
``ArchiveSink``. The runner commits a batch's offsets only after the sink has returned, that is
after the database committed: a crash replays the batch, and the upserts keyed by message id
make the replay a no-op.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from wirewatch.archive import ARCHIVED_TOPICS, SqlArchive, open_archive
from wirewatch.archiver.handler import ArchiveHandler
from wirewatch.contracts.outcome import Output
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.stage_runner import StageSpec, run_stages

log = logging.getLogger(__name__)

#: Seconds between two retention sweeps (each runs after a batch, never inside one).
PRUNE_EVERY = 3600.0


class ArchiveSink:
    """The archiver's ``StageSink``: a batch into the archive in one transaction, then retention if due."""

    def __init__(
        self,
        archive: SqlArchive,
        metrics: Metrics,
        retention_days: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._archive = archive
        self._metrics = metrics
        self._retention = retention_days * 86400.0
        self._clock = clock
        self._pruned_at = float("-inf")
        self._prune_lock = threading.Lock()  # five runners share the sink; one sweep at a time

    def write(self, outputs: list[Output]) -> None:
        """Write ``outputs``; returns once the database committed them (called in a worker thread)."""
        self._archive.ingest((out.topic, out.document) for out in outputs)
        self.prune_if_due()

    def prune_if_due(self) -> int:
        """Delete what is older than the retention, at most once per ``PRUNE_EVERY``; rows deleted."""
        if self._retention <= 0:
            return 0
        with self._prune_lock:
            now = self._clock()
            if now - self._pruned_at < PRUNE_EVERY:
                return 0
            self._pruned_at = now
            deleted = self._archive.prune(now - self._retention)
        self._metrics.record_pruned(deleted)
        if deleted:
            log.info("archive retention: %d row(s) older than %.0f day(s) deleted", deleted, self._retention / 86400)
        return deleted


def build(settings: Settings, archive: SqlArchive, metrics: Metrics) -> list[StageSpec]:
    """One stage part per archived topic, all writing through one sink."""
    sink = ArchiveSink(archive, metrics, settings.archive_days)
    return [
        StageSpec(Stage.ARCHIVER, topic, ArchiveHandler(topic).handle, part=topic.value.replace(".", "-"), sink=sink)
        for topic in ARCHIVED_TOPICS
    ]


def main(settings: Settings) -> None:
    """Run the archiver until stopped."""
    metrics = Metrics.create()
    archive = open_archive(settings.archive_url)
    log.warning("archive: %s", _redacted(settings.archive_url))
    try:
        run_stages(settings, build(settings, archive, metrics), metrics)
    finally:
        archive.close()


def _redacted(url: str) -> str:
    """The URL without its password, for the log."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"
