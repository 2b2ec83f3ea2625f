"""A Faust stage whose handler only decodes and re-encodes: the agent loop's own cost.

``bench_pipeline`` runs it as ``python -m benchmarks.faust_passthrough`` (articles.raw ->
articles.clean of its run's prefix) beside a plain aiokafka consumer->producer loop doing the
same work, so the table shows what Faust costs over plain aiokafka (DESIGN.md asks for it).
"""

from __future__ import annotations

import orjson

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.faust_app import install_stage, make_faust_app, run_worker
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings


def passthrough(value: bytes | None, origin: Origin, now: str) -> Outcome:
    """Forward the message to articles.clean after a JSON round trip."""
    return Outcome((Output(Topic.CLEAN, origin.key or b"", orjson.loads(value or b"{}")),))


def main() -> None:
    """Run the pass-through stage until stopped."""
    settings = Settings.from_env()
    metrics = Metrics.create()
    app = make_faust_app(settings, Stage.CLEANER)
    install_stage(app, settings, Stage.CLEANER, Topic.RAW, passthrough, metrics)
    run_worker(app, settings, Stage.CLEANER, metrics)


if __name__ == "__main__":
    main()
