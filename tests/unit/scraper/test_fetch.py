"""Pure helpers of the fetcher."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

from wirewatch.scraper.fetch import Validators, retry_after_seconds


def test_retry_after_seconds_and_dates():
    now = datetime(2026, 11, 3, 8, 0, tzinfo=UTC).timestamp()
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds(format_datetime(datetime(2026, 11, 3, 8, 1, tzinfo=UTC), usegmt=True), now) == 60.0
    assert retry_after_seconds(format_datetime(datetime(2026, 11, 3, 7, 0, tzinfo=UTC), usegmt=True), now) == 0.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_validators_become_conditional_headers():
    assert Validators().headers() == {}
    assert Validators('"v1"', "Tue, 03 Nov 2026 08:00:00 GMT").headers() == {
        "If-None-Match": '"v1"',
        "If-Modified-Since": "Tue, 03 Nov 2026 08:00:00 GMT",
    }
