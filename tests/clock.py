"""A wall clock that tests move by hand, for code that takes ``clock: Callable[[], float]`` (epoch seconds)."""

from __future__ import annotations

DAY = 86_400.0


class FakeClock:
    """Epoch seconds that change only when a test sets ``now`` or calls ``advance``: expiry tests
    cover days without sleeping."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += seconds
