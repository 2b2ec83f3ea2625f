"""Downstream micro-benchmarks: aggregator handler, relation windows, API agreement queries.

Run from the repository root: ``.venv/bin/python scripts/bench_downstream.py``. Rates are noisy on
a shared machine, so each is printed beside a reference measured in the same process.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.seeded import seed_outputs  # noqa: E402  # needs the repository root on the path

from wirewatch.aggregator.handler import AggregatorHandler  # noqa: E402
from wirewatch.aggregator.windows import TableWindows  # noqa: E402
from wirewatch.api.stores import AgreementFilter, AgreementStore  # noqa: E402
from wirewatch.contracts.codec import decode, encode  # noqa: E402
from wirewatch.contracts.deadletter import Origin  # noqa: E402
from wirewatch.contracts.schemas import validate  # noqa: E402
from wirewatch.core.relations import Contribution  # noqa: E402


def rate(work: Callable[[int], object], count: int) -> float:
    """Calls per second of ``work(i)`` over ``count`` calls."""
    started = time.perf_counter()
    for i in range(count):
        work(i)
    return count / (time.perf_counter() - started)


def main() -> None:
    """Print one line per measurement."""
    outputs = seed_outputs(ROOT.parent / "shared" / "seeds")
    values = [encode(d) for d in outputs.tagged]
    handler = AggregatorHandler()
    decoded = rate(lambda i: decode(values[i % 5]), 2000)
    validated = rate(lambda i: validate("tagged-article.v1", outputs.tagged[i % 5]), 300)
    handled = rate(lambda i: handler.handle(values[i % 5], Origin(), "2026-01-01T00:00:00Z", time.time()), 300)
    print(
        f"aggregator handler: {handled:,.0f} articles/s (schema validation of the input alone: {validated:,.0f}/s; "
        f"decode alone: {decoded:,.0f}/s)"
    )

    windows = TableWindows({}, lateness=60)
    pairs = [("AAA", "BBB"), ("CCC", "DDD"), ("EEE", "FFF"), ("MMR", "RUS")]

    def contribute(i: int) -> None:
        step = windows.add(i % 4, Contribution(pairs[i % 4], f"a{i}", 1.7e9 + i * 10, True, ()), 0.0)
        windows.forget(i % 4, step.closed)

    print(f"relation windows: {rate(contribute, 20_000):,.0f} contributions/s (hour and day windows, dict table)")

    store = AgreementStore()
    base = outputs.agreements[0]
    others = ["MMR", "CHN", "IND", "PRK"]
    for i in range(10_000):
        store.add(
            {
                **base,
                "id": f"id{i}",
                "parties": ["RUS", others[i % 4]],
                "article_id": f"x{i}",
                "last_seen": f"2026-01-01T{i % 24:02d}:00:00Z",
            }
        )
    queries = rate(lambda i: store.query(AgreementFilter(country="PRK", type="military"), 50, 0), 200)
    print(f"agreement query over {len(store):,} stored: {1000 / queries:.1f} ms")


if __name__ == "__main__":
    main()
