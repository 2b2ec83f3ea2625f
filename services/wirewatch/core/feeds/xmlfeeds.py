"""RSS 0.9x/1.0/2.0, Atom, news sitemaps and sitemap indexes, parsed safely with lxml.

Safety: entities are never resolved, no DTD is loaded, nothing is fetched from the network,
and a document that declares entities at all is refused (billion laughs, external entities).
lxml's recovery mode reads the slightly broken XML real feeds are full of; a document that
still yields no recognisable root is ``Rejected(MALFORMED)``.

Elements are matched by local name, so namespace prefixes and versions do not matter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

from lxml import etree

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds.dates import normalize_date
from wirewatch.core.feeds.links import BadLink, join_url, split_bad
from wirewatch.core.feeds.model import FeedItem, FeedKind, ParsedFeed

_ROOTS = (
    ("rss", FeedKind.RSS),
    ("RDF", FeedKind.RDF),
    ("feed", FeedKind.ATOM),
    ("urlset", FeedKind.SITEMAP),
    ("sitemapindex", FeedKind.SITEMAP_INDEX),
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

Element: TypeAlias = Any  # lxml ships no type stubs (lxml-stubs is not a dependency)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers keep state and are not shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def _local(element: Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""  # "{namespace}name" -> "name"


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child) == name)


def _text(element: Element, *path: str) -> str | None:
    """Text of the first descendant reached by the local-name ``path``, stripped; None when absent or empty."""
    current: Element | None = element
    for name in path:
        current = next(_children(current, name), None) if current is not None else None
    return _content(current)


def _content(element: Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _fields(element: Element) -> dict[str, str]:
    """The text of each child by local name (first occurrence wins): one pass instead of one per field."""
    out: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name and name not in out:
            out[name] = _content(child) or ""
    return out


def parse_root(body: bytes) -> Element:
    """The root element of an XML document, refusing entity declarations and unreadable input."""
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as exc:  # recovery failed on the prolog itself
        raise Rejected(ErrorKind.MALFORMED, f"not XML: {exc}") from None
    if root is None:
        raise Rejected(ErrorKind.MALFORMED, "not XML: no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise Rejected(ErrorKind.UNSAFE, "the document declares XML entities; refused unexpanded")
    return root


def xml_kind(root: Element) -> FeedKind:
    """The feed format of a parsed document, from its root element."""
    kind = next((kind for name, kind in _ROOTS if name == _local(root)), None)
    if kind is None:
        raise Rejected(ErrorKind.MALFORMED, f"not a feed: root element <{_local(root)}>")
    return kind


def parse_xml_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Parse an XML feed or sitemap; relative links are resolved against ``base_url``."""
    root = parse_root(body)
    kind = xml_kind(root)
    if kind is FeedKind.SITEMAP_INDEX:
        return _sitemap_index(root, base_url)
    if kind is FeedKind.SITEMAP:
        items, bad = split_bad(_sitemap_item(url, base_url) for url in _children(root, "url"))
        return ParsedFeed(kind, items=items, bad_links=bad)
    if kind is FeedKind.ATOM:
        return _atom(root, base_url)
    return _rss(root, kind, base_url)


def _rss(root: Element, kind: FeedKind, base_url: str) -> ParsedFeed:
    channel = next(_children(root, "channel"), root)
    # RSS 0.9x/2.0 nest items in <channel>; RSS 1.0 puts them beside it under <rdf:RDF>.
    items = [*_children(channel, "item"), *(_children(root, "item") if channel is not root else ())]
    lang = _text(channel, "language")
    read, bad = split_bad(_rss_item(item, base_url, lang) for item in items)
    return ParsedFeed(kind, read, title=_text(channel, "title"), lang=lang, bad_links=bad)


def _sitemap_index(root: Element, base_url: str) -> ParsedFeed:
    locs = [loc for loc in (_text(s, "loc") for s in _children(root, "sitemap")) if loc]
    joined = [(loc, join_url(base_url, loc)) for loc in locs]
    sitemaps = tuple(url for _, url in joined if url)
    return ParsedFeed(FeedKind.SITEMAP_INDEX, sitemaps=sitemaps, bad_links=tuple(loc for loc, url in joined if not url))


def _rss_item(item: Element, base_url: str, lang: str | None) -> FeedItem | BadLink | None:
    f = _fields(item)
    guid = f.get("guid") or None
    link = f.get("link") or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if not link and guid and guid.startswith(("http://", "https://")):
        guid_element = next(_children(item, "guid"))
        if guid_element.get("isPermaLink", "true").lower() != "false":
            link = guid
    if not link:
        return None
    url = join_url(base_url, link)
    if url is None:
        return BadLink(link)
    return FeedItem(
        url=url,
        title=f.get("title") or None,
        published=normalize_date(f.get("pubDate") or f.get("date") or f.get("issued")),
        updated=normalize_date(f.get("modified") or f.get("updated")),
        lang=f.get("language") or lang,
        guid=guid,
    )


def _atom_href(entry: Element) -> str | None:
    for link in _children(entry, "link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link.get("href"))
    return None


def _base(parent: str, element: Element) -> str:
    """The ``xml:base`` in effect for ``element``; an unreadable one is ignored (the parent's applies)."""
    declared = element.get(_XML_BASE)
    return (join_url(parent, declared) if declared else None) or parent


def _atom(root: Element, base_url: str) -> ParsedFeed:
    base = _base(base_url, root)
    lang = root.get(_XML_LANG)
    items, bad = split_bad(_atom_entry(entry, base, lang) for entry in _children(root, "entry"))
    return ParsedFeed(FeedKind.ATOM, items, title=_text(root, "title"), lang=lang, bad_links=bad)


def _atom_entry(entry: Element, base: str, lang: str | None) -> FeedItem | BadLink | None:
    href = _atom_href(entry)
    if not href:
        return None
    url = join_url(_base(base, entry), href)
    if url is None:
        return BadLink(href)
    f = _fields(entry)
    return FeedItem(
        url=url,
        title=f.get("title") or None,
        published=normalize_date(f.get("published") or f.get("issued")),
        updated=normalize_date(f.get("updated") or f.get("modified")),
        lang=entry.get(_XML_LANG) or lang,
        guid=f.get("id") or None,
    )


def _sitemap_item(element: Element, base_url: str) -> FeedItem | BadLink | None:
    loc = _text(element, "loc")
    if not loc:
        return None
    url = join_url(base_url, loc)
    if url is None:
        return BadLink(loc)
    news = next(_children(element, "news"), None)
    title = published = lang = None
    if news is not None:
        title = _text(news, "title")
        published = normalize_date(_text(news, "publication_date"))
        lang = _text(news, "publication", "language")
    return FeedItem(
        url=url,
        title=title,
        published=published,
        updated=normalize_date(_text(element, "lastmod")),
        lang=lang,
    )
