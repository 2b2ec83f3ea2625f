"""The seen-set ledger and its expiry: the one writer of the seen set, and when it forgets.

``SeenLedger`` is the only thing that changes the seen set, in memory and on the compacted
``scraper.seen`` topic, always in that order of truth: an entry is written to Kafka, and only once
Kafka acknowledged it does memory change, so a restart loads exactly what the scraper relied on.
The pollers tell it what feeds list now (``listed``, ``unchanged``: memory only, since losing one
merely refetches an article); the publisher records what Kafka took (``record``).

``SeenExpiry`` decides when an article no feed has listed for ``WIREWATCH_SCRAPER_SEEN_DAYS`` is
forgotten, and asks the ledger to do it. The first sweep comes one interval (1/24 of the retention)
after the start, so that every feed has been polled, and has marked what it still lists, before an
entry loaded with its (older) record time can expire: one that expired while still listed would be
published again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from wirewatch.runtime.metrics import ScraperMetrics
from wirewatch.scraper.link import TRANSIENT, KafkaLink
from wirewatch.scraper.seen import SeenEntry, SeenSet

log = logging.getLogger(__name__)

_DAY = 86_400.0
_TOMBSTONES_AT_ONCE = 1000  # tombstones per acknowledgement wait: a large sweep makes progress in steps


class SeenLedger:
    """The seen set's one writer; see the module docstring."""

    def __init__(self, seen: SeenSet, link: KafkaLink, topic: str, metrics: ScraperMetrics) -> None:
        self._seen = seen
        self._link = link
        self._topic = topic
        self._metrics = metrics
        self._relisted: set[str] = set()  # tombstoned while still wanted: their value goes back
        metrics.record_seen(len(seen))

    def __len__(self) -> int:
        return len(self._seen)

    def now(self) -> float:
        """The seen set's clock."""
        return self._seen.now()

    def get(self, article_id: str) -> SeenEntry | None:
        """The last version of an article Kafka acknowledged, if any."""
        return self._seen.get(article_id)

    def listed_at(self, article_id: str) -> float | None:
        """When a feed last listed the article; None when it is not seen."""
        return self._seen.listed_at(article_id)

    def unlisted_since(self, cutoff: float) -> list[str]:
        """Seen articles no feed has listed since ``cutoff``."""
        return self._seen.unlisted_since(cutoff)

    def listed(self, article_id: str) -> None:
        """A feed lists the article now: it stays seen for another retention."""
        self._seen.mark_listed(article_id)

    def unchanged(self, article_id: str, stamp: str | None) -> None:
        """A feed lists an unchanged article with a newer date: remember the date (memory only)."""
        self._seen.touch(article_id, stamp)

    async def record(self, items: Sequence[tuple[str, SeenEntry]]) -> None:
        """Write the entries of articles Kafka took, then mark them seen; raises when a write fails."""
        await self._link.send_all(self._topic, [(key.encode(), entry.to_bytes()) for key, entry in items])
        for key, entry in items:
            self._seen.put(key, entry)
        self._metrics.record_seen(len(self._seen))

    async def forget(self, keys: Sequence[str], still_wanted: Callable[[str], bool]) -> int:
        """Tombstone ``keys``, then forget those not ``still_wanted``; the others get their value back.

        ``still_wanted`` is asked after the tombstones are acknowledged, so an article a feed listed
        again (or one queued again) meanwhile is kept, in memory and, by the value written back, on
        the topic. Returns how many were forgotten; raises when a write fails (what was not
        forgotten stays, and a value still to write back is written by the next call).
        """
        await self.restore()
        await self._link.send_all(self._topic, [(key.encode(), None) for key in keys])
        forgotten = 0
        for key in keys:
            if still_wanted(key):
                self._relisted.add(key)
            else:
                self._seen.forget(key)
                forgotten += 1
        await self.restore()
        return forgotten

    async def restore(self) -> None:
        """Write back the values of articles tombstoned while still wanted (a failed earlier write)."""
        if self._relisted:
            values = [(key.encode(), e.to_bytes()) for key in self._relisted if (e := self._seen.get(key)) is not None]
            await self._link.send_all(self._topic, values)
            self._relisted.clear()


class SeenExpiry:
    """When the ledger forgets: every 1/24 of the retention, what no feed listed for the retention."""

    def __init__(
        self,
        ledger: SeenLedger,
        link: KafkaLink,
        seen_days: float,
        pending: Callable[[str], bool],
        metrics: ScraperMetrics,
    ) -> None:
        self._ledger = ledger
        self._link = link
        self._pending = pending
        self._metrics = metrics
        self._seen_days = seen_days
        self._max_age = seen_days * _DAY
        self._every = self._max_age / 24
        self._next = ledger.now() + self._every
        self.last_sweep: float | None = None  # seen-set clock time at which the last finished sweep began

    def due(self) -> bool:
        """Whether the next sweep is due."""
        return self._ledger.now() >= self._next

    async def sweep(self) -> int:
        """Forget the articles no feed has listed for the retention; returns how many were forgotten.

        An article queued or in flight is never expired. A failure is logged and the rest left for
        the next sweep (the entries simply stay a while longer): it never stops the caller, and
        never blocks longer than the send timeout per step.
        """
        now = self._ledger.now()
        self._next = now + self._every
        cutoff = now - self._max_age

        def still_wanted(key: str) -> bool:
            listed = self._ledger.listed_at(key)
            return self._pending(key) or (listed is not None and listed >= cutoff)

        stale = [key for key in self._ledger.unlisted_since(cutoff) if not self._pending(key)]
        forgotten = 0
        try:
            await self._ledger.restore()
            for start in range(0, len(stale), _TOMBSTONES_AT_ONCE):
                forgotten += await self._ledger.forget(stale[start : start + _TOMBSTONES_AT_ONCE], still_wanted)
        except TRANSIENT as exc:
            log.warning("seen-set sweep stopped, %d article(s) left for the next one: %s: %s",
                        len(stale) - forgotten, type(exc).__name__, exc)  # fmt: skip
            await self._link.close()
        except Exception:  # a bug must not end delivery for good
            log.exception("seen-set sweep failed; retried at the next one")
        finally:
            self._metrics.record_seen(len(self._ledger), forgotten)
            self.last_sweep = now
        if forgotten:
            log.info("seen set: forgot %d article(s) no feed listed for %g day(s); %d left",
                     forgotten, self._seen_days, len(self._ledger))  # fmt: skip
        return forgotten
