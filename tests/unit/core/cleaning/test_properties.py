"""Any input gives a clean article or a typed rejection, never another exception, and fast;
an article's body is NFC, free of invisible characters, and made of words of the input.

The time bound is Hypothesis' per-example ``deadline``, set from the largest input the
strategies draw (``MAX_KB``) and a generous per-kilobyte budget, so a quadratic blow-up or a
hang fails the test while machine noise does not.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.cleaning.extract import parse_html
from wirewatch.core.cleaning.normalise import INVISIBLE_CHARS, normalise_text
from wirewatch.core.errors import Rejected
from wirewatch.core.model import CleanArticle, ContentKind, RawArticle

MAX_KB = 16
BUDGET_PER_KB = timedelta(milliseconds=60)
DEADLINE = timedelta(milliseconds=500) + MAX_KB * BUDGET_PER_KB
OPTIONS = CleanOptions()  # built once for the module: loading it is the slow part
PROPERTY = settings(max_examples=60, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])

_TAGS = st.sampled_from(["p", "div", "span", "a", "li", "ul", "table", "td", "script", "article", "h1", "br", "form"])
_WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Random, often malformed HTML: unbalanced tags, attributes, entities, text in any script."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(_TAGS)
        kind = draw(st.integers(0, 3))
        parts.append(
            [f"<{tag} class='{draw(_WORDS)[:20]}'>", f"</{tag}>", draw(_WORDS), "&amp;&#x41;&bogus;<!--"][kind]
        )
    return "".join(parts)[: MAX_KB * 1024]


_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def assert_clean_text(text: str) -> None:
    """NFC, and none of the invisible characters or control characters normalisation removes."""
    assert unicodedata.normalize("NFC", text) == text
    assert not set(text) & set(INVISIBLE_CHARS)
    assert not _CONTROL.search(text)


def assert_words_come_from(article: CleanArticle, source: str) -> None:
    """Cleaning only removes: every word of the body occurs in the normalised source."""
    normalised = normalise_text(source)
    for word in _WORD.findall(article.body):
        assert word in normalised, word
    assert_clean_text(article.body)
    assert_clean_text(article.title)


def _page_text(page: str) -> str:
    tree = parse_html(page)
    root = tree.body or tree.root
    return root.text(deep=True, separator="") if root is not None else ""


def _outcome(kind: ContentKind, content: str) -> CleanArticle | Rejected:
    try:
        return clean_article(RawArticle(id="p", kind=kind, content=content), OPTIONS)
    except Rejected as rejected:
        return rejected


@PROPERTY
@given(st.binary(max_size=MAX_KB * 1024))
def test_any_bytes_as_text_give_an_article_or_a_rejection(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    outcome = _outcome(ContentKind.TEXT, text)
    assert isinstance(outcome, CleanArticle | Rejected)
    if isinstance(outcome, CleanArticle):
        assert_words_come_from(outcome, text)
    if isinstance(outcome, CleanArticle):
        assert outcome.body.strip()
        assert_words_come_from(outcome, text)


@PROPERTY
@given(st.binary(max_size=MAX_KB * 1024))
def test_any_bytes_as_html_give_an_article_or_a_rejection(data: bytes) -> None:
    outcome = _outcome(ContentKind.HTML, data.decode("latin-1"))
    assert isinstance(outcome, CleanArticle | Rejected)
    if isinstance(outcome, CleanArticle):
        assert_clean_text(outcome.body)


@PROPERTY
@given(html_pages())
def test_malformed_html_gives_an_article_or_a_rejection(page: str) -> None:
    outcome = _outcome(ContentKind.HTML, page)
    assert isinstance(outcome, CleanArticle | Rejected)
    if isinstance(outcome, CleanArticle):
        assert "\u00ad" not in outcome.body and "\u200b" not in outcome.body
        assert_clean_text(outcome.body)
        page_text = normalise_text(_page_text(page))
        assert all(word in page_text for word in _WORD.findall(outcome.body))


@PROPERTY
@given(st.text(max_size=MAX_KB * 256))
def test_any_unicode_text_gives_an_article_or_a_rejection(text: str) -> None:
    outcome = _outcome(ContentKind.TEXT, text)
    assert isinstance(outcome, CleanArticle | Rejected)
    if isinstance(outcome, CleanArticle):
        assert_words_come_from(outcome, text)


_LINE = st.text(alphabet=st.sampled_from("abcéеж Ü\u00ad\u200b\u0301e\u00a0.,“”\t"), min_size=1, max_size=90)


@PROPERTY
@given(st.lists(_LINE, min_size=1, max_size=30))
def test_lines_with_invisible_and_combining_characters_come_out_nfc_and_visible(lines: list[str]) -> None:
    text = "\n".join(lines)
    outcome = _outcome(ContentKind.TEXT, text)
    if isinstance(outcome, CleanArticle):
        assert_words_come_from(outcome, text)
