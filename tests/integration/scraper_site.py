"""A small news site on loopback for the scraper tests: good feeds beside hostile ones.

Everything is served by aiohttp from memory; pages are written here, not copied from anywhere.
"""

from __future__ import annotations

import asyncio
import hashlib
import zlib
from dataclasses import dataclass, field

from aiohttp import web

CYRILLIC_TEXT = "Министры обсудили новое соглашение о торговле между двумя странами."
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>/laughs/a.html</link></item></channel></rss>"""
FIFTY_MB = 50 * 1024 * 1024


def page(title: str, body: str) -> str:
    """An article page."""
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


def rss(items: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed of ``(link, title, pubDate)`` items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>" + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        for link, title, date in items
    )
    prolog = '<?xml version="1.0" encoding="utf-8"?>'
    return f'{prolog}<rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


@dataclass
class Site:
    """The site's state: the good feed's items and pages can change during a test; requests are counted."""

    items: list[tuple[str, str, str | None]] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    failures_before_success: dict[str, int] = field(default_factory=dict)
    port: int = 0

    def add_article(self, slug: str, title: str, date: str | None = None, body: str | None = None) -> str:
        """Publish an article in the good feed; returns its URL path."""
        path = f"/good/{slug}.html"
        self.items.append((f"{path}?utm_source=rss&utm_medium=feed", title, date))
        self.pages[path] = page(title, body or f"Report {slug}: a delegation met counterparts in the capital.")
        return path

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, request: web.Request) -> int:
        self.hits[request.path] = self.hits.get(request.path, 0) + 1
        return self.hits[request.path]


def _etag(body: str) -> str:
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:16] + '"'


def make_app(site: Site) -> web.Application:
    """The aiohttp application serving ``site``."""
    app = web.Application()

    async def robots(_: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n", content_type="text/plain")

    async def good_feed(request: web.Request) -> web.Response:
        if site.count(request) <= site.failures_before_success.get(request.path, 0):
            return web.Response(status=503)
        body = rss(site.items)
        tag = _etag(body)
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        return web.Response(text=body, content_type="application/rss+xml", headers={"ETag": tag})

    async def good_page(request: web.Request) -> web.Response:
        if site.count(request) <= site.failures_before_success.get(request.path, 0):
            return web.Response(status=503)
        body = site.pages.get(request.path)
        if body is None:
            raise web.HTTPNotFound()
        tag = _etag(body)
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        return web.Response(text=body, content_type="text/html", charset="utf-8", headers={"ETag": tag})

    async def unreliable_feed(request: web.Request) -> web.Response:
        """Fails ``failures_before_success[path]`` times (429 with Retry-After, or 503), then serves a feed."""
        n = site.count(request)
        if n <= site.failures_before_success.get(request.path, 0):
            if "ratelimited" in request.path:
                return web.Response(status=429, headers={"Retry-After": "1"})
            return web.Response(status=503)
        name = request.path.split("/")[1]
        feed = rss([(f"/{name}/story.html", f"{name} story", None)])
        return web.Response(text=feed, content_type="application/rss+xml")

    async def plain_page(request: web.Request) -> web.Response:
        site.count(request)
        return web.Response(text=page("Story", f"Served at {request.path}."), content_type="text/html")

    app.router.add_get("/robots.txt", robots)
    app.router.add_get("/good/feed.xml", good_feed)
    app.router.add_get("/good/{slug}.html", good_page)
    app.router.add_get("/ratelimited/feed.xml", unreliable_feed)
    app.router.add_get("/flaky/feed.xml", unreliable_feed)
    add_format_routes(app)
    add_hostile_routes(app, site)
    app.router.add_get("/{section}/story.html", plain_page)
    return app


def add_format_routes(app: web.Application) -> None:
    """An Atom feed, a JSON Feed and a news sitemap index, each pointing at one story."""

    async def atom(_: web.Request) -> web.Response:
        body = (
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Atom</title>'
            '<entry><title>Accord</title><id>urn:a</id><link href="/atom/story.html"/>'
            "<updated>2026-11-03T09:30:00Z</updated></entry></feed>"
        )
        return web.Response(text=body, content_type="application/atom+xml")

    async def json_feed(_: web.Request) -> web.Response:
        doc = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "J",
            "items": [{"id": "1", "url": "/json/story.html"}],
        }
        return web.json_response(doc, content_type="application/feed+json")

    async def sitemap_index(_: web.Request) -> web.Response:
        body = (
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>/sitemap/news-1.xml</loc></sitemap></sitemapindex>"
        )
        return web.Response(text=body, content_type="application/xml")

    async def news_sitemap(_: web.Request) -> web.Response:
        body = (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/sitemap/story.html</loc>'
            "<news:news><news:publication><news:language>de</news:language></news:publication>"
            "<news:title>Gipfel</news:title><news:publication_date>2026-11-03</news:publication_date>"
            "</news:news></url></urlset>"
        )
        return web.Response(text=body, content_type="application/xml")

    async def slow_down(_: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "3600"})

    app.router.add_get("/slowdown/feed.xml", slow_down)
    app.router.add_get("/atom/feed.xml", atom)
    app.router.add_get("/json/feed.xml", json_feed)
    app.router.add_get("/sitemap/feed.xml", sitemap_index)
    app.router.add_get("/sitemap/news-1.xml", news_sitemap)


def add_hostile_routes(app: web.Application, site: Site) -> None:
    """Routes that try to hurt the scraper."""

    async def hostile_feed(request: web.Request) -> web.Response:
        site.count(request)
        items = [
            ("/hostile/never-ends.html", "slow", None),
            ("/hostile/huge.html", "huge", None),
            ("/hostile/bomb.html", "bomb", None),
            ("/private/secret.html", "robots", None),
            ("/hostile/cyrillic.html", "cp1251", None),
            ("/hostile/report.pdf", "pdf", None),
            ("http://10.20.30.40/internal.html", "private address", None),
        ]
        return web.Response(text=rss(items), content_type="application/rss+xml")

    async def never_ends(request: web.Request) -> web.StreamResponse:
        site.count(request)
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        try:
            await response.write(b"<html><body>")
            while True:  # a byte every 100 ms: the read timeout never fires, the total timeout must
                await asyncio.sleep(0.1)
                await response.write(b" ")
        except ConnectionError:
            return response  # the scraper gave up, as it should

    async def huge(request: web.Request) -> web.StreamResponse:
        site.count(request)
        response = web.StreamResponse(headers={"Content-Type": "text/html"})  # chunked: no Content-Length
        await response.prepare(request)
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        try:
            for _ in range(FIFTY_MB // len(chunk)):
                await response.write(chunk)
        except ConnectionError:
            pass  # the scraper hung up at its limit, as it should
        return response

    bomb = gzip_bomb_bytes(100)

    async def gzip_bomb(request: web.Request) -> web.Response:
        site.count(request)
        return web.Response(body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})

    async def cyrillic(request: web.Request) -> web.Response:
        site.count(request)
        body = page("Новости", CYRILLIC_TEXT * 3).encode("cp1251")
        return web.Response(body=body, headers={"Content-Type": "text/html"})  # no charset, no meta

    async def pdf(request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.4 not really", headers={"Content-Type": "application/pdf"})

    async def private(request: web.Request) -> web.Response:
        site.count(request)  # must stay at zero: robots.txt disallows it
        return web.Response(text=page("secret", "secret"), content_type="text/html")

    async def redirect_loop(request: web.Request) -> web.Response:
        site.count(request)
        raise web.HTTPFound("/loop/feed.xml")

    async def laughs(_: web.Request) -> web.Response:
        return web.Response(body=BILLION_LAUGHS, headers={"Content-Type": "application/rss+xml"})

    async def malformed(_: web.Request) -> web.Response:
        return web.Response(body=b"<<<this is not <xml at all\x00\x01", headers={"Content-Type": "application/xml"})

    app.router.add_get("/hostile/feed.xml", hostile_feed)
    app.router.add_get("/hostile/never-ends.html", never_ends)
    app.router.add_get("/hostile/huge.html", huge)
    app.router.add_get("/hostile/bomb.html", gzip_bomb)
    app.router.add_get("/hostile/cyrillic.html", cyrillic)
    app.router.add_get("/hostile/report.pdf", pdf)
    app.router.add_get("/private/secret.html", private)
    app.router.add_get("/loop/feed.xml", redirect_loop)
    app.router.add_get("/laughs/feed.xml", laughs)
    app.router.add_get("/malformed/feed.xml", malformed)


def gzip_bomb_bytes(megabytes: int) -> bytes:
    """A gzip stream of ``megabytes`` MB of zeros (about 1/1000 of that on the wire), built in chunks."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1024 * 1024)
    parts = [packer.compress(b"<html>")]
    parts += [packer.compress(zeros) for _ in range(megabytes)]
    return b"".join([*parts, packer.flush()])


class SiteServer:
    """Run ``site`` on a free loopback port."""

    def __init__(self, site: Site, port: int = 0) -> None:
        self.site = site
        self._runner = web.AppRunner(make_app(site), access_log=None, shutdown_timeout=0.5)
        self._port = port

    async def start(self) -> None:
        await self._runner.setup()
        tcp = web.TCPSite(self._runner, "127.0.0.1", self._port)
        await tcp.start()
        self.site.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        await self._runner.cleanup()
