"""Resolving feed links: relative links are joined, links urllib cannot read are refused, never raised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.feeds.links import join_url

BASE = "https://news.example.org/feeds/world.xml"


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("/world/1", "https://news.example.org/world/1"),
        ("2.html", "https://news.example.org/feeds/2.html"),
        ("  http://other.example/x  ", "http://other.example/x"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("http://[bad/x", None),  # unclosed IPv6 bracket: urljoin raises ValueError
        ("http://example.com:99999/x", None),  # port out of range: only .port notices
        ("http://example.com:port/x", None),
        ("mailto:desk@news.example.org", None),
        ("javascript:alert(1)", None),
        ("http:///no-host", None),
    ],
)
def test_join_url(link: str, expected: str | None) -> None:
    assert join_url(BASE, link) == expected


@given(st.text(max_size=60))
def test_join_url_never_raises(link: str) -> None:
    joined = join_url(BASE, link)
    assert joined is None or joined.startswith(("http://", "https://"))
