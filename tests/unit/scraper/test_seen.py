"""The seen set read back from its topic: last value per key wins, a tombstone removes the key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiokafka import TopicPartition

from wirewatch.scraper.seen import SeenEntry, read_to_end

TP = TopicPartition("scraper.seen", 0)


@dataclass(frozen=True)
class Record:
    """The fields of an aiokafka ConsumerRecord that the load reads."""

    key: bytes | None
    value: bytes | None
    timestamp: int = 0


class LogConsumer:
    """One partition's log, handed out a few records per ``getmany`` like a real consumer."""

    def __init__(self, records: list[Record], per_round: int = 2) -> None:
        self._records = records
        self._per_round = per_round
        self._offset = 0

    async def position(self, tp: TopicPartition) -> int:
        return self._offset

    async def getmany(self, *partitions: TopicPartition, timeout_ms: int = 0) -> dict[TopicPartition, Any]:
        batch = self._records[self._offset : self._offset + self._per_round]
        self._offset += len(batch)
        return {TP: batch} if batch else {}


def _value(version: int) -> bytes:
    return SeenEntry(version, f"hash-{version}").to_bytes()


async def test_a_tombstone_after_a_value_removes_the_key():
    log = [
        Record(b"gone", _value(1)),
        Record(b"kept", _value(1)),
        Record(b"gone", None),  # expired by a sweep, not compacted yet
        Record(b"kept", _value(2)),
        Record(b"back", _value(1)),
        Record(b"back", None),
        Record(b"back", _value(3)),  # listed again after its tombstone: the later value wins
        Record(None, _value(9)),  # no key: nothing to remember it by
    ]
    seen = await read_to_end(LogConsumer(log), {TP: len(log)})
    assert seen.get("gone") is None
    assert seen.get("kept") == SeenEntry(2, "hash-2")
    assert seen.get("back") == SeenEntry(3, "hash-3")
    assert len(seen) == 2
