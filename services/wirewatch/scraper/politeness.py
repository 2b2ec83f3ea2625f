"""Politeness: at most N requests in flight per host and in all, and a minimum gap between starts per host."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Host:
    slots: asyncio.Semaphore
    next_start: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class HostGate:
    """Per-host concurrency and spacing under a global cap.

    Spacing reserves start times: the n-th waiter for a host starts ``n * delay`` after the
    previous one, so a burst of items from one feed becomes a steady trickle.
    """

    def __init__(self, total: int, per_host: int, delay: float) -> None:
        self._total = asyncio.Semaphore(total)
        self._per_host = per_host
        self._delay = delay
        self._hosts: dict[str, _Host] = {}

    def _host(self, key: str) -> _Host:
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Semaphore(self._per_host))
        return host

    async def _wait_turn(self, host: _Host, delay: float) -> None:
        async with host.lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + max(delay, self._delay)
        if start > now:
            await asyncio.sleep(start - now)

    @asynccontextmanager
    async def slot(self, key: str, delay: float = 0.0) -> AsyncIterator[None]:
        """Hold a request slot for host ``key``; ``delay`` (e.g. robots Crawl-delay) raises the gap."""
        host = self._host(key)
        async with host.slots:
            await self._wait_turn(host, delay)
            async with self._total:
                yield
