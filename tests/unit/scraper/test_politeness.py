"""HostGate: per-host and global caps on requests in flight."""

from __future__ import annotations

import asyncio

from wirewatch.scraper.politeness import HostGate


async def _run(gate: HostGate, hosts: list[str]) -> tuple[dict[str, int], int]:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    total = {"now": 0, "peak": 0}

    async def request(host: str) -> None:
        async with gate.slot(host):
            in_flight[host] = in_flight.get(host, 0) + 1
            total["now"] += 1
            peak[host] = max(peak.get(host, 0), in_flight[host])
            total["peak"] = max(total["peak"], total["now"])
            for _ in range(3):
                await asyncio.sleep(0)
            in_flight[host] -= 1
            total["now"] -= 1

    await asyncio.gather(*(request(h) for h in hosts))
    return peak, total["peak"]


async def test_per_host_cap():
    peak, _ = await _run(HostGate(total=10, per_host=2, delay=0.0), ["a"] * 8 + ["b"] * 8)
    assert peak == {"a": 2, "b": 2}


async def test_global_cap_holds_across_hosts():
    _, overall = await _run(HostGate(total=3, per_host=5, delay=0.0), [f"h{i % 6}" for i in range(24)])
    assert overall == 3
