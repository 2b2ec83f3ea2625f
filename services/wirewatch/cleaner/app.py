"""Wire the cleaner handler to Kafka as a Faust agent (``wirewatch clean``)."""

from __future__ import annotations

from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.topics import Topic
from wirewatch.core.cleaning import CleanOptions
from wirewatch.runtime.faust_app import install_stage, make_faust_app, run_worker
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings


def main(settings: Settings) -> None:
    """Run the cleaner until stopped."""
    metrics = Metrics.create()
    handler = CleanerHandler(CleanOptions(max_chars=settings.max_body_bytes))
    app = make_faust_app(settings, Stage.CLEANER)
    install_stage(app, settings, Stage.CLEANER, Topic.RAW, handler.handle, metrics)
    run_worker(app, settings, Stage.CLEANER, metrics)
