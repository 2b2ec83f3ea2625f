"""Feed parsing: every supported format, relative links, dates, and refusal of hostile or broken input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds import FeedKind, parse_feed

BASE = "https://news.example.org/feeds/world.xml"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>World</title><language>en-gb</language>
<item><title>Talks resume</title><link>/world/talks-resume?utm_source=rss</link>
  <pubDate>Tue, 03 Nov 2026 08:15:00 GMT</pubDate><guid isPermaLink="false">abc-1</guid></item>
<item><title>Only a guid</title><guid>https://news.example.org/world/guid-link</guid></item>
<item><title>No link at all</title><guid isPermaLink="false">xyz</guid></item>
</channel></rss>"""

RSS091 = b"""<rss version="0.91"><channel><title>Old</title>
<item><title>Legacy item</title><link>http://old.example.net/story/1</link></item></channel></rss>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://dw.example/rss"><title>RDF feed</title><dc:language>de</dc:language></channel>
<item rdf:about="https://dw.example/a/1"><title>Gipfel in Genf</title><link>https://dw.example/a/1</link>
<dc:date>2026-11-03T09:00:00+01:00</dc:date></item>
<item rdf:about="https://dw.example/a/2"><title>Ohne Link-Element</title></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://fr.example.com/">
<title>Monde</title>
<entry><title>Accord sign\xc3\xa9</title><id>urn:1</id>
  <link rel="enclosure" href="/img/1.jpg"/><link rel="alternate" href="monde/accord"/>
  <published>2026-11-03T07:00:00Z</published><updated>2026-11-03T09:30:00Z</updated></entry>
<entry><title>Sans lien</title><id>urn:2</id></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://site.example/2026/11/03/summit</loc><lastmod>2026-11-03</lastmod>
 <news:news><news:publication><news:name>Site</news:name><news:language>en</news:language></news:publication>
 <news:publication_date>2026-11-03T06:00:00Z</news:publication_date>
 <news:title>Summit opens</news:title></news:news></url>
<url><loc>https://site.example/about</loc></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://site.example/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap>
</sitemapindex>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JF",
        "language": "en",
        "items": [
            {"id": "1", "url": "https://jf.example/1", "title": "One", "date_published": "2026-11-03T10:00:00-05:00"},
            {"id": "2", "external_url": "https://other.example/2"},
            {"id": "3", "title": "no url"},
            "not an object",
        ],
    }
).encode()


def test_rss2_items_resolve_relative_links_and_normalise_dates():
    feed = parse_feed(RSS2, BASE)
    assert feed.kind is FeedKind.RSS
    assert feed.lang == "en-gb"
    assert [i.url for i in feed.items] == [
        "https://news.example.org/world/talks-resume?utm_source=rss",
        "https://news.example.org/world/guid-link",
    ]
    first = feed.items[0]
    assert (first.title, first.published, first.guid, first.lang) == (
        "Talks resume",
        "2026-11-03T08:15:00Z",
        "abc-1",
        "en-gb",
    )


def test_rss_091_is_read():
    assert [i.title for i in parse_feed(RSS091, BASE).items] == ["Legacy item"]


def test_rss1_rdf_items_sit_beside_the_channel():
    feed = parse_feed(RDF, BASE)
    assert feed.kind is FeedKind.RDF
    assert [i.url for i in feed.items] == ["https://dw.example/a/1", "https://dw.example/a/2"]
    assert feed.items[0].published == "2026-11-03T09:00:00+01:00"


def test_atom_uses_the_alternate_link_and_xml_base():
    feed = parse_feed(ATOM, BASE)
    assert feed.kind is FeedKind.ATOM
    assert len(feed.items) == 1
    entry = feed.items[0]
    assert entry.url == "https://fr.example.com/monde/accord"
    assert entry.title == "Accord signé"
    assert entry.lang == "fr"
    assert entry.stamp == "2026-11-03T09:30:00Z"


def test_news_sitemap_items_carry_news_metadata():
    feed = parse_feed(SITEMAP, BASE)
    assert feed.kind is FeedKind.SITEMAP
    summit, about = feed.items
    assert (summit.title, summit.lang, summit.published) == ("Summit opens", "en", "2026-11-03T06:00:00Z")
    assert about.url == "https://site.example/about"
    assert about.title is None


def test_sitemap_index_lists_child_sitemaps():
    feed = parse_feed(INDEX, "https://site.example/sitemap.xml")
    assert feed.kind is FeedKind.SITEMAP_INDEX
    assert feed.sitemaps == ("https://site.example/news-1.xml", "https://site.example/news-2.xml")
    assert feed.items == ()


def test_json_feed_items_with_url_or_external_url():
    feed = parse_feed(JSON_FEED, BASE)
    assert feed.kind is FeedKind.JSON
    assert [i.url for i in feed.items] == ["https://jf.example/1", "https://other.example/2"]
    assert feed.items[0].published == "2026-11-03T10:00:00-05:00"
    assert feed.items[1].lang == "en"


def test_billion_laughs_is_refused_without_expansion():
    laughs = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss><channel><item><title>&c;</title><link>http://x.example/</link></item></channel></rss>"""
    with pytest.raises(Rejected) as caught:
        parse_feed(laughs, BASE)
    assert caught.value.reason is ErrorKind.UNSAFE


def test_external_entities_are_refused():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>http://x.example/</link></item></channel></rss>"""
    with pytest.raises(Rejected) as caught:
        parse_feed(xxe, BASE)
    assert caught.value.reason is ErrorKind.UNSAFE


@pytest.mark.parametrize(
    "body",
    [b"<<<not xml", b"<html><body>a web page</body></html>", b'{"version": "1"}', b"{broken json", b"[1, 2]"],
)
def test_malformed_or_foreign_documents_are_rejected(body):
    with pytest.raises(Rejected) as caught:
        parse_feed(body, BASE)
    assert caught.value.reason is ErrorKind.MALFORMED


def test_empty_body_is_rejected_as_empty():
    with pytest.raises(Rejected) as caught:
        parse_feed(b"  \n", BASE)
    assert caught.value.reason is ErrorKind.EMPTY


def test_truncated_feed_keeps_the_complete_items():
    truncated = RSS2[: RSS2.index(b"<item><title>Only")] + b"<item><title>cut"
    assert [i.title for i in parse_feed(truncated, BASE).items] == ["Talks resume"]


@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_are_rejected(data):
    try:
        feed = parse_feed(data, BASE)
    except Rejected:
        return
    assert all(isinstance(item.url, str) and item.url for item in feed.items)


def test_header_charset_applies_to_xml_without_a_declaration():
    body = "<rss><channel><item><title>Außenminister in Genf</title><link>https://x.example/a</link></item></channel></rss>"
    latin = body.encode("iso-8859-1")
    assert parse_feed(latin, BASE, content_type="application/rss+xml; charset=ISO-8859-1").items[0].title == (
        "Außenminister in Genf"
    )
    declared = b'<?xml version="1.0" encoding="iso-8859-1"?>' + latin
    assert parse_feed(declared, BASE, content_type="text/xml; charset=utf-8").items[0].title == "Außenminister in Genf"


def test_utf8_feed_labelled_latin1_stays_utf8():
    body = "<rss><channel><item><title>Zürich</title><link>https://x.example/a</link></item></channel></rss>"
    parsed = parse_feed(body.encode("utf-8"), BASE, content_type="application/xml; charset=iso-8859-1")
    assert parsed.items[0].title == "Zürich"


BAD_LINKS = ["http://[bad/x", "http://example.com:99999/x"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "<rss version='2.0'><channel><title>t</title>"
            + "".join(f"<item><link>{link}</link></item>" for link in BAD_LINKS)
            + "<item><link>/world/good</link></item></channel></rss>",
            id="rss",
        ),
        pytest.param(
            "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='http://[also-bad/'>"
            + "".join(f"<entry><link href='{link}'/></entry>" for link in BAD_LINKS)
            + "<entry><link href='/world/good'/></entry></feed>",
            id="atom-with-unreadable-xml-base",
        ),
        pytest.param(
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "".join(f"<url><loc>{link}</loc></url>" for link in BAD_LINKS)
            + "<url><loc>/world/good</loc></url></urlset>",
            id="sitemap",
        ),
        pytest.param(
            json.dumps(
                {
                    "version": "https://jsonfeed.org/version/1.1",
                    "home_page_url": "http://[bad-home/",
                    "items": [{"url": link} for link in BAD_LINKS] + [{"url": "/world/good"}],
                }
            ),
            id="json",
        ),
    ],
)
def test_an_unreadable_link_costs_its_item_not_the_feed(body: str):
    parsed = parse_feed(body.encode(), BASE)
    assert [i.url for i in parsed.items] == ["https://news.example.org/world/good"]
    assert parsed.bad_links == tuple(BAD_LINKS)


def test_a_sitemap_index_skips_unreadable_child_sitemaps():
    body = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://[bad/s.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>"""
    parsed = parse_feed(body, BASE)
    assert parsed.sitemaps == ("https://news.example.org/s2.xml",)
    assert parsed.bad_links == ("http://[bad/s.xml",)
