"""Tumbling windows of country-pair relations, driven by explicit timestamps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.relations import (
    RECENT_IDS,
    SAMPLE_IDS,
    AgreementFacts,
    Contribution,
    CountryFacts,
    RelationWindows,
    WindowCounts,
    WindowKey,
    bound_end,
    due_bounds,
    is_closed,
    pair_contributions,
    window_keys,
    window_start,
)

T0 = 1_767_261_600.0  # 2026-01-01T10:00:00Z, the start of an hour and not of a day
HOUR = 3600.0


def contribution(article: str, at: float, pair=("MMR", "RUS"), focus=False, agreements=()):
    return Contribution(pair, article, at, focus, agreements)


def test_pairs_are_sorted_distinct_and_leave_organisations_out():
    countries = [CountryFacts("RUS", True), CountryFacts("MMR", True), CountryFacts("ORG:ASEAN", True)]
    agreements = [AgreementFacts("a1", "military", ("RUS", "MMR")), AgreementFacts("a2", "trade", ("RUS", "CHN"))]
    [only] = pair_contributions("art", T0, countries, agreements)
    assert only.pair == ("MMR", "RUS")
    assert only.both_in_focus is True
    assert only.agreements == (("a1", "military"),)
    assert only.key == "MMR,RUS"


def test_three_countries_give_three_pairs_and_focus_needs_both():
    countries = [CountryFacts("RUS", True), CountryFacts("MMR", False), CountryFacts("CHN", True)]
    pairs = {c.pair: c.both_in_focus for c in pair_contributions("art", T0, countries, [])}
    assert pairs == {("CHN", "MMR"): False, ("CHN", "RUS"): True, ("MMR", "RUS"): False}


def test_one_country_gives_no_pair():
    assert pair_contributions("art", T0, [CountryFacts("RUS", True)], []) == []


def test_window_start_aligns_to_the_epoch():
    assert window_start(T0 + 59 * 60, 3600) == T0
    assert window_start(T0, 3600) == T0
    assert window_start(T0 - 1, 3600) == T0 - HOUR
    assert window_start(T0 + 5 * 60, 86400) == T0 - 10 * HOUR


def test_each_contribution_lands_in_an_hour_and_a_day_window():
    keys = window_keys(contribution("a", T0 + 300))
    assert [(k.name, k.start, k.end) for k in keys] == [
        ("PT1H", T0, T0 + HOUR),
        ("P1D", T0 - 10 * HOUR, T0 + 14 * HOUR),
    ]


def test_window_key_round_trips_through_its_string_form():
    key = WindowKey(T0, 3600, ("MMR", "RUS"), "PT1H")
    assert WindowKey.decode(key.encode()) == key
    assert WindowKey.decode(key.encode()).name == "PT1H"


def test_a_window_closes_only_when_the_watermark_passes_its_end_plus_lateness():
    key = WindowKey(T0, 3600, ("MMR", "RUS"), "PT1H")
    assert not is_closed(key, T0 + HOUR, lateness=60)
    assert not is_closed(key, T0 + HOUR + 59, lateness=60)
    assert is_closed(key, T0 + HOUR + 60, lateness=60)


def test_the_hour_window_is_emitted_when_a_later_article_moves_the_watermark():
    windows = RelationWindows(lateness=60)
    assert windows.add(contribution("a", T0 + 5 * 60, focus=True, agreements=(("x", "military"),))) == []
    assert windows.add(contribution("b", T0 + 20 * 60)) == []
    closed = windows.add(contribution("c", T0 + HOUR + 61))
    assert len(closed) == 1
    [hour] = closed
    assert (hour.key.name, hour.key.start) == ("PT1H", T0)
    assert hour.counts.articles == 2
    assert set(hour.counts.sample) == {"a", "b"}
    assert hour.counts.focus == 1
    assert dict(hour.counts.agreements) == {"military": frozenset({"x"})}


def test_the_day_window_holds_every_article_of_the_day_until_the_next_day():
    windows = RelationWindows(lateness=60)
    day_start = T0 - 10 * HOUR
    closed = []
    for i, offset in enumerate((0.5, 3, 9)):
        closed += windows.add(contribution(f"a{i}", T0 + offset * HOUR))
    assert all(c.key.name == "PT1H" for c in closed)  # earlier hours closed as the day went on
    closed += windows.add(contribution("next", day_start + 24 * HOUR + 120))
    days = [c for c in closed if c.key.name == "P1D"]
    assert [(d.key.start, d.counts.articles) for d in days] == [(day_start, 3)]
    hours = sorted(c.key.start for c in closed if c.key.name == "PT1H")
    assert hours == [T0, T0 + 3 * HOUR, T0 + 9 * HOUR]


def test_a_late_article_is_dropped_and_counted_not_folded_into_a_sent_window():
    windows = RelationWindows(lateness=60)
    windows.add(contribution("a", T0 + 60))
    windows.add(contribution("b", T0 + 2 * HOUR))  # closes the first hour
    assert windows.add(contribution("late", T0 + 120)) == []
    assert windows.late == 1  # the hour was closed; its day window is still open
    assert all("late" not in c.sample or k.name == "P1D" for k, c in windows.open.items())


def test_an_article_within_the_lateness_still_counts():
    windows = RelationWindows(lateness=300)
    windows.add(contribution("a", T0 + 60))
    windows.add(contribution("b", T0 + HOUR + 100))  # watermark inside the lateness
    windows.add(contribution("slow", T0 + 3000))
    closed = windows.advance(T0 + HOUR + 300)
    [hour] = [c for c in closed if c.key.name == "PT1H"]
    assert set(hour.counts.sample) == {"a", "slow"}
    assert windows.late == 0


def test_the_watermark_never_moves_backwards():
    windows = RelationWindows(lateness=0)
    windows.advance(T0 + 10 * HOUR)
    windows.advance(T0)
    assert windows.watermark == T0 + 10 * HOUR


def test_pairs_get_separate_windows():
    windows = RelationWindows(lateness=0)
    windows.add(contribution("a", T0 + 1, pair=("MMR", "RUS")))
    windows.add(contribution("b", T0 + 2, pair=("CHN", "RUS")))
    closed = windows.advance(T0 + HOUR)
    assert sorted(c.key.pair for c in closed) == [("CHN", "RUS"), ("MMR", "RUS")]


def test_a_busy_window_keeps_counting_but_remembers_a_bounded_number_of_ids():
    counts = WindowCounts()
    for i in range(RECENT_IDS + SAMPLE_IDS + 10):
        counts = counts.add(contribution(f"a{i}", T0, focus=i % 2 == 0))
    assert counts.articles == RECENT_IDS + SAMPLE_IDS + 10
    assert counts.focus == (RECENT_IDS + SAMPLE_IDS + 10 + 1) // 2
    assert len(counts.recent) == RECENT_IDS and len(counts.sample) == SAMPLE_IDS
    assert counts.add(contribution(f"a{RECENT_IDS + SAMPLE_IDS + 9}", T0)) == counts  # a redelivery
    assert counts.add(contribution("a0", T0)) == counts  # still in the sample


def test_bounds_close_in_order_of_their_end():
    bounds = ["P1D|1767225600|86400", "PT1H|1767261600|3600"]
    assert bound_end(bounds[1]) == T0 + HOUR
    assert due_bounds(bounds, T0 + HOUR, lateness=0) == ["PT1H|1767261600|3600"]
    assert due_bounds(bounds, T0 + 100 * HOUR, lateness=0) == ["PT1H|1767261600|3600", "P1D|1767225600|86400"]


def test_counts_survive_their_state_form():
    counts = WindowCounts().add(contribution("a", T0, focus=True, agreements=(("x", "trade"),)))
    assert WindowCounts.from_state(counts.to_state()) == counts
    assert WindowCounts.from_state(None) == WindowCounts()


@given(
    offsets=st.lists(st.floats(min_value=0, max_value=3 * 86400, allow_nan=False), min_size=1, max_size=40),
    replays=st.integers(min_value=1, max_value=3),
)
def test_replaying_articles_in_order_never_changes_the_counts(offsets, replays):
    """At-least-once delivery: each article may arrive several times in a row; counts are per article."""
    once, many = RelationWindows(lateness=3600), RelationWindows(lateness=3600)
    closed_once, closed_many = [], []
    for i, offset in enumerate(sorted(offsets)):
        c = contribution(f"a{i}", T0 + offset)
        closed_once += once.add(c)
        for _ in range(replays):
            closed_many += many.add(c)
    closed_once += once.advance(T0 + 10 * 86400)
    closed_many += many.advance(T0 + 10 * 86400)
    assert closed_once == closed_many


@given(offsets=st.lists(st.floats(min_value=0, max_value=5 * 86400, allow_nan=False), min_size=1, max_size=40))
def test_in_order_articles_each_land_in_exactly_one_window_of_each_size(offsets):
    windows = RelationWindows(lateness=0)
    closed = []
    for i, offset in enumerate(sorted(offsets)):
        closed += windows.add(contribution(f"a{i}", T0 + offset))
    closed += windows.advance(T0 + 10 * 86400)
    for name in ("PT1H", "P1D"):
        total = sum(c.counts.articles for c in closed if c.key.name == name)
        assert total == len(offsets)
    assert windows.late == 0
