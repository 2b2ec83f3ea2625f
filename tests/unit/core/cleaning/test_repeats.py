"""Site-repeated paragraphs: keys per site, and the article without them."""

from __future__ import annotations

from wirewatch.core.cleaning.repeats import drop_paragraphs, repeat_keys, site_of
from wirewatch.core.model import CleanArticle

SLOGAN = "Daily Harbour: all the news of the coast, every day"
PROSE = "The ferry will run every hour from May, the council decided after a long debate on Tuesday evening."


def _article(body: str, url: str | None = "https://www.harbour.example/a/1") -> CleanArticle:
    return CleanArticle(id="a", title="T", body=body, lang="en", lang_confidence=1.0, url=url)


def test_the_site_is_the_host_without_www_or_the_feed() -> None:
    assert site_of(_article(PROSE)) == "harbour.example"
    assert site_of(_article(PROSE, url=None), feed="harbour-feed") == "harbour-feed"
    assert site_of(_article(PROSE, url=None)) is None


def test_keys_cover_short_paragraphs_only_and_depend_on_the_site() -> None:
    long = " ".join(["word"] * 60)
    keys = repeat_keys("harbour.example", _article(f"{PROSE}\n\n{SLOGAN}\n\nFazit\n\n{long}"))
    assert sorted(keys.values()) == sorted([PROSE, SLOGAN])
    assert set(keys) != set(repeat_keys("other.example", _article(f"{PROSE}\n\n{SLOGAN}")))


def test_dropping_keeps_the_rest_and_counts_what_went() -> None:
    article = drop_paragraphs(_article(f"{PROSE}\n\n{SLOGAN}"), {SLOGAN})
    assert article.body == PROSE
    assert article.removed == 1


def test_dropping_never_empties_the_body() -> None:
    article = _article(SLOGAN)
    assert drop_paragraphs(article, {SLOGAN}) is article
