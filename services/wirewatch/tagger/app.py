"""Wire the tagger handlers to Kafka as two Faust agents (``wirewatch tag``).

1. ``articles.clean`` -> tag -> ``articles.tagged`` + ``events.agreement-reports`` (keyed by event id);
2. ``events.agreement-reports`` -> fold into the ``agreement-events`` table -> ``events.agreements``;
   entries with no report for ``WIREWATCH_AGREEMENT_DAYS`` are swept out of the table.

The second agent makes ``events.agreements`` carry each agreement once and then its updates,
however many articles report it, from table state that survives restarts (changelog topic).
"""

from __future__ import annotations

from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.runtime.faust_app import (
    TableRetention,
    install_stage,
    install_table_stage,
    make_faust_app,
    run_worker,
)
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.tagger.handler import EventFolder, TaggerHandler

EVENTS_TABLE = "agreement-events"
_SECONDS_A_DAY = 86_400


def main(settings: Settings) -> None:
    """Run the tagger until stopped."""
    metrics = Metrics.create()
    handler = TaggerHandler(Resources.load())
    app = make_faust_app(settings, Stage.TAGGER)
    install_stage(app, settings, Stage.TAGGER, Topic.CLEAN, handler.handle, metrics)
    folder = EventFolder(settings.agreement_retention_days)
    # Swept 24 times per retention: an event outlives its retention by at most 1/24 of it.
    retention = TableRetention(folder.expired, every=settings.agreement_retention_days * _SECONDS_A_DAY / 24)
    install_table_stage(
        app, settings, Stage.TAGGER, Topic.AGREEMENT_REPORTS, EVENTS_TABLE, folder.handle, metrics, retention
    )
    run_worker(app, settings, Stage.TAGGER, metrics)
