from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.ids import agreement_id, article_id, canonical_url, event_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM:443/a?b=2&a=1#frag", "https://example.com/a?a=1&b=2"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://news.example/x?utm_source=rss&utm_medium=feed&id=7", "https://news.example/x?id=7"),
        ("https://news.example/x?fbclid=abc", "https://news.example/x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_article_id_is_stable_across_url_variants() -> None:
    assert article_id("https://a.example/n?utm_campaign=x#top") == article_id("https://A.example:443/n")
    assert article_id("https://a.example/n") != article_id("https://a.example/m")


def test_article_id_falls_back_to_content_and_requires_something() -> None:
    assert article_id(None, "text") == article_id(None, "text") != article_id(None, "other")
    with pytest.raises(ValueError, match="url or a content"):
        article_id(None, None)


def test_agreement_id_ignores_party_order_and_duplicates() -> None:
    assert agreement_id(["RUS", "MMR"], "military", None) == agreement_id(["MMR", "RUS", "RUS"], "military", None)
    assert agreement_id(["RUS", "MMR"], "military", None) != agreement_id(["RUS", "MMR"], "nuclear", None)
    assert agreement_id(["RUS", "MMR"], "nuclear", "2015") != agreement_id(["RUS", "MMR"], "nuclear", "2016")


def test_event_id_separates_parts() -> None:
    assert event_id("k", "ab", "c") != event_id("k", "a", "bc")
    assert event_id("k", "abc") != event_id("k", "ab", "c")


@given(st.text(), st.text())
def test_event_id_is_deterministic(a: str, b: str) -> None:
    assert event_id("k", a, b) == event_id("k", a, b)
    assert len(event_id("k", a, b)) == 32
