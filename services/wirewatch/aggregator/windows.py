"""Relation windows kept in a key-value table (a Faust table in production, a dict in tests).

Per partition ``p`` of the repartition topic the table holds:

- ``wm:<p>``: the watermark (largest event time seen);
- ``bounds:<p>``: the open window bounds, ``name|start|seconds`` (a few hours and days);
- ``pairs:<p>:<bound>``: the pairs with an open window at that bound (appended once per new pair);
- ``<bound>|<A,B>``: one window's counts (``core.relations.WindowCounts``).

So a contribution costs a constant number of small reads and writes, whatever the number of
pairs, and closing a bound reads only its own pairs. Every key is written while an event of
partition ``p`` is processed, so the changelog stays co-partitioned with the stream and a worker
that takes the partition over recovers it.

Why not ``Table.tumbling()``: faust-streaming closes windows in a wall-clock timer and guards
``on_window_close`` with one ``last_closed_window`` shared by every key, so when two pairs share
a window and were first seen at different times only the first is ever emitted. The window
rules live in ``core.relations``; this class only stores them.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from wirewatch.core.relations import (
    DEFAULT_WINDOWS,
    ClosedWindow,
    Contribution,
    WindowCounts,
    WindowKey,
    due_bounds,
    is_closed,
    window_keys,
)


@dataclass(frozen=True, slots=True)
class Step:
    """What one contribution or tick did: windows closed (to emit, then ``forget``) and late window names."""

    closed: tuple[ClosedWindow, ...] = ()
    late: tuple[str, ...] = ()


@dataclass(slots=True)
class TableWindows:
    """Open windows per partition over a mutable mapping; see the module docstring for the layout."""

    table: MutableMapping[str, Any]
    lateness: float
    windows: tuple[tuple[str, int], ...] = DEFAULT_WINDOWS
    _last_arrival: dict[int, float] = field(default_factory=dict)

    def watermark(self, partition: int) -> float:
        """The largest event time seen on ``partition`` (-inf before the first)."""
        value = self.table.get(f"wm:{partition}")
        return float(value) if value is not None else float("-inf")

    def open_keys(self, partition: int) -> list[WindowKey]:
        """The windows still open on ``partition``."""
        return [key for bound in self._bounds(partition) for key in self._keys(partition, bound)]

    def add(self, partition: int, contribution: Contribution, wall_now: float) -> Step:
        """Fold ``contribution`` into its windows, move the watermark, return what closed."""
        self._last_arrival[partition] = wall_now
        watermark = self.watermark(partition)
        late = []
        for key in window_keys(contribution, self.windows):
            if is_closed(key, watermark, self.lateness):
                late.append(key.name)
                continue
            encoded = key.encode()
            state = self.table.get(encoded)
            if state is None:
                self._register(partition, key)
            self.table[encoded] = WindowCounts.from_state(state).add(contribution).to_state()
        return Step(self._advance(partition, contribution.event_time), tuple(late))

    def tick(self, partition: int, at: float, wall_now: float) -> Step:
        """A clock tick: when the partition has been idle for ``lateness`` seconds, move its watermark to ``at``."""
        idle_since = self._last_arrival.get(partition, float("-inf"))
        if wall_now - idle_since < self.lateness or not self._bounds(partition):
            return Step()
        return Step(self._advance(partition, at))

    def forget(self, partition: int, closed: tuple[ClosedWindow, ...]) -> None:
        """Drop closed windows once their events are acknowledged (after the send, so a crash re-emits)."""
        gone = {c.key.bound for c in closed}
        for item in closed:
            self.table.pop(item.key.encode(), None)
        for bound in gone:
            self.table.pop(f"pairs:{partition}:{bound}", None)
        if gone:
            self.table[f"bounds:{partition}"] = [b for b in self._bounds(partition) if b not in gone]

    def _bounds(self, partition: int) -> list[str]:
        return list(self.table.get(f"bounds:{partition}") or [])

    def _keys(self, partition: int, bound: str) -> list[WindowKey]:
        return [WindowKey.decode(f"{bound}|{pair}") for pair in self.table.get(f"pairs:{partition}:{bound}") or []]

    def _register(self, partition: int, key: WindowKey) -> None:
        bounds = self._bounds(partition)
        if key.bound not in bounds:
            self.table[f"bounds:{partition}"] = [*bounds, key.bound]
        pairs_key = f"pairs:{partition}:{key.bound}"
        self.table[pairs_key] = [*(self.table.get(pairs_key) or []), ",".join(key.pair)]

    def _advance(self, partition: int, event_time: float) -> tuple[ClosedWindow, ...]:
        watermark = max(self.watermark(partition), event_time)
        self.table[f"wm:{partition}"] = watermark
        return tuple(
            ClosedWindow(key, WindowCounts.from_state(self.table.get(key.encode())))
            for bound in due_bounds(self._bounds(partition), watermark, self.lateness)
            for key in self._keys(partition, bound)
        )
