"""The cleaner's Faust app declares its dedup table and its agent (built, not started: no broker)."""

from __future__ import annotations

from wirewatch.cleaner.app import DEDUP_TABLE, build
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings


def test_the_app_has_the_dedup_table_and_the_cleaner_agent() -> None:
    app = build(Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"}), Metrics.create())
    assert DEDUP_TABLE in app.tables
    assert app.tables[DEDUP_TABLE].default is None
    assert app.tables[DEDUP_TABLE].use_partitioner  # batches run outside Faust's event context
    assert any(name.endswith("cleaner") for name in app.agents)
