"""The seen set: when each article was last listed, and reading it back from its topic (last value per
key wins, a tombstone removes the key, a record's timestamp is when it was listed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiokafka import TopicPartition

from tests.clock import DAY, FakeClock
from wirewatch.scraper.seen import SeenEntry, SeenSet, read_to_end

TP = TopicPartition("scraper.seen", 0)
START = 1_800_000_000.0


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


async def test_loaded_entries_are_listed_when_their_record_was_written():
    clock = FakeClock(START)
    log = [
        Record(b"old", _value(1), timestamp=int((START - 10 * DAY) * 1000)),
        Record(b"none", _value(1), timestamp=-1),  # no timestamp: counted from now, never expired early
        Record(b"ahead", _value(1), timestamp=int((START + 5 * DAY) * 1000)),  # a producer clock running ahead
    ]
    seen = await read_to_end(LogConsumer(log), {TP: len(log)}, clock)
    assert seen.listed_at("old") == START - 10 * DAY
    assert seen.listed_at("none") == START
    assert seen.listed_at("ahead") == START
    assert seen.unlisted_since(START - DAY) == ["old"]


def test_put_touch_and_mark_listed_set_the_listing_time():
    clock = FakeClock(START)
    seen = SeenSet({"given": SeenEntry(1, "h")}, clock=clock)
    seen.put("old", SeenEntry(1, "h"), listed=START - 3 * DAY)
    seen.put("stamped", SeenEntry(1, "h", "s1"), listed=START - 3 * DAY)
    clock.now += DAY
    seen.put("new", SeenEntry(1, "h"))
    seen.touch("stamped", "s2")
    seen.mark_listed("missing")  # not seen: nothing to remember
    assert seen.listed_at("given") == START
    assert seen.listed_at("new") == seen.listed_at("stamped") == START + DAY
    assert seen.get("stamped") == SeenEntry(1, "h", "s2")
    assert seen.listed_at("missing") is None
    assert seen.unlisted_since(START) == ["old"]
    seen.mark_listed("old")
    assert seen.unlisted_since(START) == []
    seen.forget("old")
    assert (seen.get("old"), seen.listed_at("old"), len(seen)) == (None, None, 3)
