"""A stage whose handler only decodes and re-encodes: the stage runner's own cost.

``bench_pipeline`` runs it as ``python -m benchmarks.runner_passthrough`` (articles.raw ->
articles.clean of its run's prefix) beside a bare aiokafka consumer->producer loop doing the
same work, so the table shows what the runner (size check, metrics, rebalance guard) costs over
the least a loop with the same delivery guarantee must do.
"""

from __future__ import annotations

import orjson

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.stage_runner import StageSpec, run_stages


def passthrough(value: bytes | None, origin: Origin, now: str) -> Outcome:
    """Forward the message to articles.clean after a JSON round trip."""
    return Outcome((Output(Topic.CLEAN, origin.key or b"", orjson.loads(value or b"{}")),))


def main() -> None:
    """Run the pass-through stage until stopped."""
    run_stages(Settings.from_env(), [StageSpec(Stage.CLEANER, Topic.RAW, passthrough)], Metrics.create())


if __name__ == "__main__":
    main()
