"""Scaling out: processor workers in one consumer group share the partitions; joins and leaves lose nothing.

Two cleaners start in one group and both process; a third joins mid-stream and gets partitions;
then the first leaves (SIGTERM). Every article still reaches ``articles.tagged`` or ``deadletter``.
The throughput ratio of two workers against one is a benchmark figure (``make bench``), not a test.

Six partitions, not four: Faust's assignor is sticky and fills each member up to
ceil(partitions / members) only, so with four partitions and three members the third member
gets nothing (2 + 2 + 0). With six, the members hold 3 + 3, then 2 + 2 + 2.
"""

from __future__ import annotations

import asyncio

import pytest
from benchmarks.harness import Collected, Run, collect, env_int, load_documents, make_articles, produce_paced

from wirewatch.contracts.topics import Topic

pytestmark = [pytest.mark.broker, pytest.mark.slow]

PROCESSED = "wirewatch_messages_processed_total"


def test_workers_share_partitions_and_rebalance_without_loss(broker, tmp_path) -> None:
    per_phase = env_int("WIREWATCH_SCALE_ARTICLES", 60)
    rate = 30.0
    with Run(broker, tmp_path, partitions=6) as run:
        cleaners = [run.worker("clean"), run.worker("clean")]
        tagger = run.worker("tag")
        for w in [*cleaners, tagger]:
            w.start()
        for w in [*cleaners, tagger]:
            w.wait_ready()
        articles = make_articles(load_documents(html_pages=4), 3 * per_phase, run.run_id)
        phases = [articles[i * per_phase : (i + 1) * per_phase] for i in range(3)]
        raw = run.topics.name(Topic.RAW)
        counts: dict[str, list[float]] = {}

        def snapshot() -> None:
            for w in cleaners:
                if w.process is not None and w.process.poll() is None:
                    counts.setdefault(w.name, []).append(w.metric(PROCESSED))

        async def phases_with_membership_changes() -> None:
            await produce_paced(run.bootstrap, raw, phases[0], rate, {})  # two members
            joiner = run.worker("clean")
            joiner.start()
            await asyncio.to_thread(joiner.wait_ready)
            cleaners.append(joiner)
            await asyncio.to_thread(snapshot)
            await produce_paced(run.bootstrap, raw, phases[1], rate, {})  # three members
            await asyncio.sleep(2)
            await asyncio.to_thread(snapshot)
            assert await asyncio.to_thread(cleaners[0].stop) == 0, cleaners[0].log_tail()
            await produce_paced(run.bootstrap, raw, phases[2], rate, {})  # two members again

        async def main() -> Collected:
            collected, stop = Collected(), asyncio.Event()
            wanted = {a for a, _ in articles}
            collector = asyncio.create_task(collect(run.bootstrap, run.topics, collected, stop, wanted))
            await phases_with_membership_changes()
            try:
                await asyncio.wait_for(asyncio.shield(collector), timeout=120)
            except TimeoutError:
                stop.set()
                await collector
            return collected

        collected = asyncio.run(main())
        snapshot()

    lost = {a for a, _ in articles} - collected.done_ids()
    print(f"scaling: processed counts per cleaner over time {counts}; lost={len(lost)}")
    assert not lost, f"{len(lost)} article(s) lost in rebalances, e.g. {sorted(lost)[:5]}"
    assert counts["clean0"][0] > 0 and counts["clean1"][0] > 0  # both original members worked
    assert counts["clean2"][-1] > counts["clean2"][0]  # the member that joined got partitions and worked
    assert counts["clean1"][-1] > counts["clean1"][1]  # the survivors went on after clean0 left
