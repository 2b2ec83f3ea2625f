"""Wire the tagger handler to Kafka as a Faust agent (``wirewatch tag``)."""

from __future__ import annotations

from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.runtime.faust_app import install_stage, make_faust_app, run_worker
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.tagger.handler import TaggerHandler


def main(settings: Settings) -> None:
    """Run the tagger until stopped."""
    metrics = Metrics.create()
    handler = TaggerHandler(Resources.load())
    app = make_faust_app(settings, Stage.TAGGER)
    install_stage(app, settings, Stage.TAGGER, Topic.CLEAN, handler.handle, metrics)
    run_worker(app, settings, Stage.TAGGER, metrics)
