"""Lines that one site repeats across its articles: slogans, disclaimers, sign-offs.

Phrase lists cannot know every site's furniture, but a site repeats it: a short paragraph
that also appears in ``MIN_OTHER_ARTICLES`` other articles of the same site is boilerplate.
The counting needs state across articles, which the cleaner shell keeps; here are the pure
parts: the keys to count under, and the article without the repeated paragraphs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import urlsplit

from wirewatch.core.cleaning.phrases import line_key
from wirewatch.core.model import CleanArticle

MIN_OTHER_ARTICLES = 3
# Slogans and disclaimers are sentences; one- to three-word lines are more often subheadings
# a site reuses on purpose ("Conclusion", "Background"), so they are left alone.
MIN_WORDS, MAX_WORDS = 4, 40


def site_of(article: CleanArticle, feed: str | None = None) -> str | None:
    """The site an article comes from: the host of its canonical URL or URL, else its feed."""
    for url in (article.canonical_url, article.url):
        host = urlsplit(url).hostname if url else None
        if host:
            return host.removeprefix("www.")
    return feed or None


def repeat_keys(site: str, article: CleanArticle) -> dict[str, str]:
    """``{key: paragraph}`` for the article's short paragraphs, keyed by site and normalised text."""
    keys: dict[str, str] = {}
    for paragraph in article.paragraphs:
        if MIN_WORDS <= len(paragraph.split()) <= MAX_WORDS and (text := line_key(paragraph)):
            digest = hashlib.blake2b(f"{site}\n{text}".encode(), digest_size=12).hexdigest()
            keys[f"repeat:{digest}"] = paragraph
    return keys


def drop_paragraphs(article: CleanArticle, unwanted: Collection[str]) -> CleanArticle:
    """The article without ``unwanted`` paragraphs; unchanged when that would leave no body."""
    kept = [p for p in article.paragraphs if p not in unwanted]
    if not kept or len(kept) == len(article.paragraphs):
        return article
    removed = len(article.paragraphs) - len(kept)
    return replace(article, body="\n\n".join(kept), removed=article.removed + removed)
