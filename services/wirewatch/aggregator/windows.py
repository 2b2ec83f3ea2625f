"""Relation windows kept in a key-value table (a Faust table in production, a dict in tests).

Per partition of the repartition topic the table holds ``wm:<p>`` (the watermark), ``open:<p>``
(encoded keys of the open windows) and one entry per open window (its counts). Every key is
written while an event of partition ``p`` is processed, so the table's changelog stays
co-partitioned with the stream and a worker that takes the partition over recovers it.

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
    due,
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
        return [WindowKey.decode(k) for k in self.table.get(f"open:{partition}") or []]

    def add(self, partition: int, contribution: Contribution, wall_now: float) -> Step:
        """Fold ``contribution`` into its windows, move the watermark, return what closed."""
        self._last_arrival[partition] = wall_now
        watermark = self.watermark(partition)
        opened = {k.encode() for k in self.open_keys(partition)}
        late = []
        for key in window_keys(contribution, self.windows):
            if is_closed(key, watermark, self.lateness):
                late.append(key.name)
                continue
            encoded = key.encode()
            self.table[encoded] = WindowCounts.from_state(self.table.get(encoded)).add(contribution).to_state()
            opened.add(encoded)
        self.table[f"open:{partition}"] = sorted(opened)
        return Step(self._advance(partition, contribution.event_time), tuple(late))

    def tick(self, partition: int, at: float, wall_now: float) -> Step:
        """A clock tick: when the partition has been idle for ``lateness`` seconds, move its watermark to ``at``."""
        idle_since = self._last_arrival.get(partition, float("-inf"))
        if wall_now - idle_since < self.lateness or not self.table.get(f"open:{partition}"):
            return Step()
        return Step(self._advance(partition, at))

    def forget(self, partition: int, closed: tuple[ClosedWindow, ...]) -> None:
        """Drop windows whose events were acknowledged (called after the send, so a crash re-emits)."""
        gone = {c.key.encode() for c in closed}
        for encoded in gone:
            self.table.pop(encoded, None)
        remaining = [k for k in self.table.get(f"open:{partition}") or [] if k not in gone]
        self.table[f"open:{partition}"] = remaining

    def _advance(self, partition: int, event_time: float) -> tuple[ClosedWindow, ...]:
        watermark = max(self.watermark(partition), event_time)
        self.table[f"wm:{partition}"] = watermark
        return tuple(
            ClosedWindow(k, WindowCounts.from_state(self.table.get(k.encode())))
            for k in due(self.open_keys(partition), watermark, self.lateness)
        )
