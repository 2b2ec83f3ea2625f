"""Time handling and enums of the aggregator's wire documents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.contracts.aggregates import AGREEMENT_STATUSES, AGREEMENT_TYPES, format_time, parse_time
from wirewatch.contracts.schemas import validator


def test_the_enums_match_the_agreement_schema():
    properties = validator("agreement-event.v1").schema["properties"]
    assert list(AGREEMENT_TYPES) == properties["type"]["enum"]
    assert list(AGREEMENT_STATUSES) == properties["status"]["enum"]


def test_parse_time_accepts_rfc3339_offsets_and_dates():
    assert parse_time("2026-01-01T10:00:00Z") == 1_767_261_600.0
    assert parse_time("2026-01-01T12:00:00+02:00") == 1_767_261_600.0
    assert parse_time("2026-01-01") == 1_767_225_600.0


def test_parse_time_rejects_what_is_not_a_time():
    for value in (None, "", "yesterday", 5, "2026-13-01"):
        assert parse_time(value) is None


@given(st.integers(min_value=0, max_value=4_000_000_000_000))
def test_format_then_parse_round_trips_to_the_millisecond(millis):
    seconds = millis / 1000
    assert parse_time(format_time(seconds)) == seconds
