"""Memory stays flat at a steady rate: the resident size of the cleaner and tagger does not keep growing.

The default run is short (``WIREWATCH_SOAK_SECONDS``, 20 s); ``make soak`` runs it for 10 minutes.
The figure reported is the least-squares slope of RSS over the second half of the run, in MiB/min.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from benchmarks.harness import Run, env_int, load_documents, make_articles, produce_paced

from wirewatch.contracts.topics import Topic

pytestmark = [pytest.mark.broker, pytest.mark.slow]

MIB = 1024 * 1024


def slope_per_minute(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, bytes) samples, in MiB per minute."""
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_v = sum(v for _, v in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples) or 1.0
    cov = sum((t - mean_t) * (v - mean_v) for t, v in samples)
    return cov / var * 60 / MIB


def test_slope_helper_reads_a_known_line() -> None:
    assert slope_per_minute([(t, 5 * MIB + t * MIB / 60) for t in range(10)]) == pytest.approx(1.0)


def test_resident_memory_is_flat_at_a_steady_rate(broker, tmp_path) -> None:
    seconds = env_int("WIREWATCH_SOAK_SECONDS", 20)
    rate = 20.0
    # The cleaner's dedup index is bounded by its retention (retention x rate). Production keeps 7
    # days; here the retention is a third of the run, so the index reaches its bound and the second
    # half shows whether memory stays flat once it has (sweeps really free what they drop).
    retention_days = max(1.0, seconds / 60 / 3) / (24 * 60)
    with Run(broker, tmp_path) as run:
        workers = [run.worker("clean", {"WIREWATCH_DEDUP_DAYS": f"{retention_days:.6f}"}), run.worker("tag")]
        for w in workers:
            w.start()
        for w in workers:
            w.wait_ready()
        articles = make_articles(load_documents(html_pages=20), int(seconds * rate), run.run_id)
        samples: dict[str, list[tuple[float, float]]] = {w.name: [] for w in workers}

        async def sample(done: asyncio.Event) -> None:
            started = time.monotonic()
            while not done.is_set():
                for w in workers:
                    samples[w.name].append((time.monotonic() - started, float(w.rss_bytes())))
                await asyncio.sleep(1.0)

        async def main() -> None:
            done = asyncio.Event()
            sampler = asyncio.create_task(sample(done))
            await produce_paced(run.bootstrap, run.topics.name(Topic.RAW), articles, rate, {})
            done.set()
            await sampler

        asyncio.run(main())
        for w in workers:
            assert w.process is not None and w.process.poll() is None, w.log_tail()

    for name, series in samples.items():
        second_half = series[len(series) // 2 :]
        slope = slope_per_minute(second_half)
        peak = max(v for _, v in series) / MIB
        growth = (second_half[-1][1] - second_half[0][1]) / MIB
        print(f"memory {name}: peak {peak:.0f} MiB, second-half slope {slope:+.2f} MiB/min, growth {growth:+.1f} MiB")
        # Generous bound: warm-up (imports, first batches, caches filling) happens in the first half;
        # a leak of a few KiB per article would show as tens of MiB here over a long run.
        assert growth < 40, f"{name} grew {growth:.1f} MiB in the second half"
