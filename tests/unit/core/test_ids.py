from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.ids import agreement_id, article_id, canonical_url, event_id, is_tracking_parameter


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


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.COM:443/a?b=2&a=1#top", "https://news.example.com/a?a=1&b=2"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?fbclid=x&gclid=y&at_medium=rss&xtor=RSS-3&ns_source=z", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("https://example.com/a?q=", "https://example.com/a?q="),
    ],
)
def test_canonical_url_extended(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_tracking_parameters() -> None:
    assert is_tracking_parameter("UTM_Campaign")
    assert is_tracking_parameter("fbclid")
    assert not is_tracking_parameter("id")
    assert not is_tracking_parameter("page")


@given(
    path=st.text(alphabet="abcdefghij/-", max_size=20),
    params=st.lists(st.tuples(st.sampled_from(["a", "b", "utm_x", "page"]), st.text("xyz", max_size=3)), max_size=4),
)
def test_canonical_url_is_idempotent(path: str, params: list[tuple[str, str]]) -> None:
    query = "&".join(f"{k}={v}" for k, v in params)
    once = canonical_url(f"https://Example.com/{path}?{query}")
    assert canonical_url(once) == once
    assert "utm_" not in once


@pytest.mark.parametrize("url", ["http://[bad/x", "http://example.com:99999/x", "http://example.com:port/x"])
def test_an_unreadable_url_is_rejected_as_malformed_not_a_value_error(url: str) -> None:
    for derive in (canonical_url, article_id):
        with pytest.raises(Rejected) as caught:
            derive(url)
        assert caught.value.reason is ErrorKind.MALFORMED


@given(st.text(max_size=80))
def test_canonical_url_returns_or_rejects_never_raises_otherwise(url: str) -> None:
    try:
        assert isinstance(canonical_url(url), str)
    except Rejected as rejected:
        assert rejected.reason is ErrorKind.MALFORMED


@given(st.from_regex(r"https?://[a-z0-9.\[\]:-]{0,20}(:[0-9a-z]{0,7})?/[a-z]{0,5}", fullmatch=True))
def test_canonical_url_on_url_like_strings_returns_or_rejects(url: str) -> None:
    try:
        assert canonical_url(url).startswith("http")
    except Rejected as rejected:
        assert rejected.reason is ErrorKind.MALFORMED
