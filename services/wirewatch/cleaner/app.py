"""Wire the cleaner handler to Kafka as a Faust agent (``wirewatch clean``).

The duplicate/story index lives in a Faust table (changelog-backed), so it survives restarts:
a restarted worker replays the changelog before it processes new messages. A table's
changelog is partitioned by key (the stage works on batches, outside Faust's per-event
context), so with several cleaner replicas each holds part of the index; one replica (the
default) holds all of it.
"""

from __future__ import annotations

import faust

from wirewatch.cleaner.dedup_store import DedupStore
from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.topics import Topic
from wirewatch.core.cleaning import CleanOptions
from wirewatch.runtime.faust_app import install_stage, make_faust_app, run_worker
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings

DEDUP_TABLE = "cleaner-dedup"


def build(settings: Settings, metrics: Metrics) -> faust.App:
    """The cleaner's Faust app: the dedup table and the stage agent, not started."""
    app = make_faust_app(settings, Stage.CLEANER)
    # use_partitioner: the stage takes events in batches, outside Faust's per-event context, so
    # changelog partitions come from the key; values are JSON (the app's default serializer).
    table = app.Table(DEDUP_TABLE, default=None, partitions=settings.partitions, use_partitioner=True)
    handler = CleanerHandler(
        CleanOptions(max_chars=settings.max_body_bytes), DedupStore(table, settings.dedup_retention_days)
    )
    install_stage(app, settings, Stage.CLEANER, Topic.RAW, handler.handle, metrics)
    return app


def main(settings: Settings) -> None:
    """Run the cleaner until stopped."""
    metrics = Metrics.create()
    run_worker(build(settings, metrics), settings, Stage.CLEANER, metrics)
