"""Parser bombs are refused before the parser sees them; ordinary wide pages are not."""

from __future__ import annotations

import pytest

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.cleaning.safety import MAX_DEPTH, check_nesting
from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.model import ContentKind, RawArticle


def test_html_nested_past_the_limit_is_refused() -> None:
    depth = 100_000  # lexbor would need about a minute for this
    html = "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "</body></html>"
    with pytest.raises(Rejected) as info:
        clean_article(RawArticle(id="deep", kind=ContentKind.HTML, content=html), CleanOptions())
    assert info.value.reason is ErrorKind.MALFORMED
    assert str(MAX_DEPTH) in info.value.detail


def test_closing_tags_bring_the_depth_back_down() -> None:
    html = "<div></div>" * 20_000 + "<p>Text.</p>"
    check_nesting(html)  # 20k siblings, depth 1: no exception


def test_wide_but_shallow_html_is_not_refused() -> None:
    rows = "".join(f"<tr><td>{i}</td><td><br/><img src=x></td></tr>" for i in range(5_000))
    check_nesting(f"<html><body><table>{rows}</table><p>Text.</p></body></html>")


def test_the_limit_is_exact() -> None:
    many = "<span>x</span>" * 9_000  # enough tags to be scanned
    check_nesting(many + "<b>" * MAX_DEPTH)
    with pytest.raises(Rejected):
        check_nesting(many + "<b>" * (MAX_DEPTH + 1))
