"""Relation windows over a plain dict standing in for the Faust table."""

from __future__ import annotations

from wirewatch.aggregator.windows import TableWindows
from wirewatch.contracts.aggregates import (
    contribution_from_wire,
    contribution_to_wire,
    relation_event,
)
from wirewatch.contracts.cloudevents import header_map
from wirewatch.contracts.schemas import validate_for
from wirewatch.contracts.topics import Topic
from wirewatch.core.relations import Contribution

T0 = 1_767_261_600.0  # 2026-01-01T10:00:00Z
HOUR = 3600.0


def contribution(article, at, pair=("MMR", "RUS"), agreements=()):
    return Contribution(pair, article, at, True, agreements)


def test_windows_close_by_watermark_and_are_forgotten_after_the_send():
    table: dict = {}
    windows = TableWindows(table, lateness=60)
    windows.add(0, contribution("a", T0 + 60, agreements=(("x", "military"),)), wall_now=0)
    step = windows.add(0, contribution("b", T0 + HOUR + 61), wall_now=1)
    [closed] = step.closed
    assert closed.key.name == "PT1H"
    assert closed.counts.articles == 1 and closed.counts.sample == ("a",)
    assert closed.key.encode() in table  # still there until the event is acknowledged
    windows.forget(0, step.closed)
    assert closed.key.encode() not in table
    assert closed.key not in windows.open_keys(0)
    assert [k.name for k in windows.open_keys(0)] == ["P1D", "PT1H"]


def test_partitions_keep_their_own_watermark():
    windows = TableWindows({}, lateness=0)
    windows.add(0, contribution("a", T0 + 10), wall_now=0)
    windows.add(1, contribution("b", T0 + 5 * HOUR, pair=("CHN", "RUS")), wall_now=0)
    assert windows.watermark(0) == T0 + 10
    assert [k.pair for k in windows.open_keys(0)] == [("MMR", "RUS"), ("MMR", "RUS")]


def test_late_contributions_are_reported_by_window_size():
    windows = TableWindows({}, lateness=0)
    windows.add(0, contribution("a", T0 + 2 * HOUR), wall_now=0)
    step = windows.add(0, contribution("late", T0 + 10), wall_now=0)
    assert step.late == ("PT1H",)


def test_a_tick_closes_windows_only_after_the_partition_was_idle_for_the_lateness():
    windows = TableWindows({}, lateness=30)
    windows.add(0, contribution("a", T0 + 10), wall_now=1000)
    assert windows.tick(0, T0 + 3 * 86400, wall_now=1010).closed == ()  # busy: a replay may be running
    closed = windows.tick(0, T0 + 3 * 86400, wall_now=1031).closed
    assert sorted(c.key.name for c in closed) == ["P1D", "PT1H"]


def test_a_tick_on_a_partition_without_open_windows_does_nothing():
    table: dict = {}
    assert TableWindows(table, lateness=0).tick(3, T0, wall_now=10**9).closed == ()
    assert table == {}


def test_the_state_survives_a_new_worker_reading_the_same_table():
    table: dict = {}
    TableWindows(table, lateness=0).add(2, contribution("a", T0 + 10), wall_now=0)
    takeover = TableWindows(table, lateness=0)  # what a worker sees after recovering the changelog
    closed = takeover.add(2, contribution("b", T0 + HOUR), wall_now=0).closed
    [hour] = [c for c in closed if c.key.name == "PT1H"]
    assert hour.counts.sample == ("a",)


def test_relation_events_are_schema_valid_with_deterministic_headers():
    windows = TableWindows({}, lateness=0)
    windows.add(0, contribution("a", T0 + 10, agreements=(("x", "military"), ("y", "trade"))), wall_now=0)
    [closed] = windows.add(0, contribution("b", T0 + HOUR), wall_now=0).closed
    doc, headers = relation_event(closed, "2026-01-01T11:00:01Z")
    validate_for(Topic.RELATIONS, doc)
    assert doc["countries"] == ["MMR", "RUS"]
    assert doc["window_start"] == "2026-01-01T10:00:00Z"
    assert doc["window_end"] == "2026-01-01T11:00:00Z"
    assert (doc["articles"], doc["articles_in_focus"], doc["agreements"]) == (1, 1, {"military": 1, "trade": 1})
    again, headers_again = relation_event(closed, "2030-01-01T00:00:00Z")
    assert header_map(headers)["ce_id"] == doc["id"] == again["id"]
    assert header_map(headers)["ce_time"] == header_map(headers_again)["ce_time"] == "2026-01-01T11:00:00Z"
    assert header_map(headers)["ce_type"] == "dev.wirewatch.relation.v1"


def test_contributions_round_trip_through_the_repartition_topic():
    original = contribution("a", T0 + 0.5, agreements=(("x", "military"),))
    assert contribution_from_wire(contribution_to_wire(original)) == original
