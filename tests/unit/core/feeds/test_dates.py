"""Feed dates to RFC 3339."""

from __future__ import annotations

import pytest

from wirewatch.core.feeds import normalize_date


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Tue, 03 Nov 2026 08:15:00 GMT", "2026-11-03T08:15:00Z"),
        ("Tue, 03 Nov 2026 08:15:00 +0100", "2026-11-03T08:15:00+01:00"),
        ("2026-11-03T08:15:00Z", "2026-11-03T08:15:00Z"),
        ("2026-11-03", "2026-11-03T00:00:00Z"),
        ("  ", None),
        (None, None),
        ("gestern Abend", "gestern Abend"),
    ],
)
def test_normalize_date(given, expected):
    assert normalize_date(given) == expected
