"""Article metadata from a parsed page: title, published time, authors, canonical URL, site, language.

Read from the page's head (Open Graph, article:*, schema.org itemprops, Dublin Core) before
the extractor prunes it. Every field is optional: a page that says nothing yields ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from wirewatch.core.cleaning.textmeta import byline_authors

_TITLE_SPLIT = re.compile(r"\s+[|\u2013\u2014\-:\u00bb\u00b7]\s+")
_PUBLISHED_SELECTORS = (
    'meta[property="article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="parsely-pub-date"]',
    'meta[name="sailthru.date"]',
)


_BYLINE_SELECTORS = (
    '[rel="author"], [itemprop="author"], [class*="byline"], [class*="author-name"], [class*="autor"], '
    '[class*="auteur"], [class*="author"]'
)
_PLAIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+){1,3}")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    canonical_url: str | None = None
    site_name: str | None = None
    lang: str | None = None


def read_page_meta(tree: LexborHTMLParser) -> PageMeta:
    """Metadata of a parsed page (call before extraction prunes the head)."""
    return PageMeta(
        title=_title(tree),
        published=_published(tree),
        authors=_authors(tree),
        canonical_url=_attr(tree, 'link[rel="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]'),
        site_name=_meta(tree, 'meta[property="og:site_name"]') or _meta(tree, 'meta[name="application-name"]'),
        lang=_lang(tree),
    )


def _attr(tree: LexborHTMLParser, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get(name)
    return " ".join(value.split()) if value and value.strip() else None


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    return _attr(tree, selector, "content")


def _title(tree: LexborHTMLParser) -> str | None:
    og = _meta(tree, 'meta[property="og:title"]') or _meta(tree, 'meta[name="twitter:title"]')
    if og:
        return og
    h1 = tree.css_first("h1")
    if h1 is not None and (text := " ".join(h1.text().split())):
        return text
    node = tree.css_first("title")
    if node is None or not (text := " ".join(node.text().split())):
        return None
    return max(_TITLE_SPLIT.split(text), key=len)


def _published(tree: LexborHTMLParser) -> str | None:
    for selector in _PUBLISHED_SELECTORS:
        if value := _meta(tree, selector):
            return value
    return _attr(tree, "time[datetime]", "datetime")


def _authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    names: list[str] = []
    for node in tree.css('meta[name="author"], meta[property="article:author"]'):
        value = " ".join((node.attributes.get("content") or "").split())
        if value and "://" not in value:
            names.extend(n.strip() for n in re.split(r",|\band\b", value) if n.strip())
    return tuple(dict.fromkeys(names or _byline_nodes(tree)))


def _byline_nodes(tree: LexborHTMLParser, limit: int = 10) -> list[str]:
    """Authors named in the page's byline elements (the extractor prunes them later).

    "Von Anna Müller" goes through ``byline_authors``; an author element holding only a
    name ("Anna Müller") counts as that name.
    """
    names: list[str] = []
    for node in tree.css(_BYLINE_SELECTORS):
        text = " ".join(node.text(deep=True).split())
        if found := byline_authors(text):
            names.extend(found)
        elif _PLAIN_NAME.fullmatch(text):
            names.append(text)
    return list(dict.fromkeys(names))[:limit]


def _lang(tree: LexborHTMLParser) -> str | None:
    value = _attr(tree, "html[lang]", "lang") or _meta(tree, 'meta[http-equiv="content-language"]')
    if not value:
        return None
    code = value.split("-")[0].split("_")[0].strip().lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None
