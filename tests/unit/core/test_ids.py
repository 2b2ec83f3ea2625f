"""Deterministic ids and URL canonicalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.ids import agreement_id, article_id, canonical_url, event_id, is_tracking_parameter


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
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_tracking_parameters():
    assert is_tracking_parameter("UTM_Campaign")
    assert is_tracking_parameter("fbclid")
    assert not is_tracking_parameter("id")
    assert not is_tracking_parameter("page")


def test_article_id_is_stable_across_tracking_variants():
    assert article_id("https://example.com/a?utm_source=x") == article_id("HTTPS://EXAMPLE.com/a#frag")
    assert article_id("https://example.com/a") != article_id("https://example.com/b")
    assert article_id(None, "text") == article_id(None, "text")
    with pytest.raises(ValueError, match="needs a url"):
        article_id(None, None)


def test_agreement_and_event_ids_are_deterministic():
    assert agreement_id(["RUS", "MMR"], "military", "2025") == agreement_id(["MMR", "RUS", "RUS"], "military", "2025")
    assert agreement_id(["RUS", "MMR"], "military", None) != agreement_id(["RUS", "MMR"], "military", "2025")
    assert len(event_id("country", "a", "b")) == 32


@given(
    path=st.text(alphabet="abcdefghij/-", max_size=20),
    params=st.lists(st.tuples(st.sampled_from(["a", "b", "utm_x", "page"]), st.text("xyz", max_size=3)), max_size=4),
)
def test_canonical_url_is_idempotent(path, params):
    query = "&".join(f"{k}={v}" for k, v in params)
    once = canonical_url(f"https://Example.com/{path}?{query}")
    assert canonical_url(once) == once
    assert "utm_" not in once
