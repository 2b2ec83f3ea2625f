"""Faults with nothing lost: stage workers killed with SIGKILL at random moments while articles flow.

Afterwards every article sent is on ``articles.tagged`` or in ``deadletter`` (at-least-once),
and no agreement event id carries two different contents for the same article (a replay after
a crash reproduces the same event; only ``first_seen``/``last_seen`` may move).
"""

from __future__ import annotations

import asyncio
import random

import pytest
from benchmarks.harness import (
    Collected,
    Run,
    Worker,
    collect,
    env_int,
    load_documents,
    make_articles,
    produce_paced,
)

from wirewatch.contracts.topics import Topic

pytestmark = [pytest.mark.broker, pytest.mark.slow]


async def _kill_and_restart(workers: list[Worker], rng: random.Random, kills: int, spread: float) -> list[str]:
    """Kill a random worker ``kills`` times at random moments within ``spread`` seconds; restart each."""
    log = []
    for _ in range(kills):
        await asyncio.sleep(rng.uniform(0.3, spread / kills))
        victim = rng.choice(workers)
        await asyncio.to_thread(victim.kill)
        log.append(victim.name)
        await asyncio.sleep(rng.uniform(0.0, 1.0))  # sometimes restart at once, sometimes after a pause
        victim.start()
    for w in workers:
        await asyncio.to_thread(w.wait_ready)
    return log


async def _soak(run: Run, workers: list[Worker], rng: random.Random, count: int, rate: float, kills: int) -> Collected:
    articles = make_articles(load_documents(html_pages=8), count, run.run_id)
    wanted = {article_id for article_id, _ in articles}
    collected, stop, sent_at = Collected(), asyncio.Event(), {}
    collector = asyncio.create_task(collect(run.bootstrap, run.topics, collected, stop, wanted))
    producer = produce_paced(run.bootstrap, run.topics.name(Topic.RAW), articles, rate, sent_at)
    _, killed = await asyncio.gather(producer, _kill_and_restart(workers, rng, kills, count / rate))
    print(f"killed (SIGKILL): {', '.join(killed)}")
    try:
        await asyncio.wait_for(asyncio.shield(collector), timeout=180 + count / 10)
    except TimeoutError:
        stop.set()
        await collector
    assert len(sent_at) == count
    return collected


def test_sigkill_of_cleaner_and_tagger_loses_nothing(broker, tmp_path, rng) -> None:
    count = env_int("WIREWATCH_SOAK_ARTICLES", 200)
    kills = env_int("WIREWATCH_SOAK_KILLS", 3)
    with Run(broker, tmp_path) as run:
        workers = [run.worker("clean"), run.worker("tag")]
        for w in workers:
            w.start()
        for w in workers:
            w.wait_ready()
        rate = float(env_int("WIREWATCH_SOAK_RATE", 25))
        collected = asyncio.run(_soak(run, workers, rng, count, rate=rate, kills=kills))
        for w in workers:
            assert w.process is not None and w.process.poll() is None, w.log_tail()

    sent = {f"{run.run_id}-{i:07d}" for i in range(count)}
    lost = sent - collected.done_ids()
    print(
        f"soak: sent={count} tagged={len(collected.tagged_at)} dead-lettered={len(collected.dead)} "
        f"lost={len(lost)} tagged-records={collected.tagged_count} (duplicates are replays) "
        f"agreement-events={collected.event_count}"
    )
    assert not lost, f"{len(lost)} article(s) lost, e.g. {sorted(lost)[:5]}"
    assert not collected.conflicting_events()
    # Valid articles must not be dead-lettered just because a worker died under them.
    assert not {k for k, kind in collected.dead.items() if kind == "internal_error"}
    assert sum(w.starts for w in workers) == 2 + kills
