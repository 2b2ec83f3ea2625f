"""The scraper killed mid-poll loses nothing: every article its feed listed reaches ``articles.raw``.

A feed on loopback grows while ``wirewatch scrape`` polls it every 0.2 s; the scraper is killed
with SIGKILL at random moments and restarted. Afterwards every article URL of the feed is on
``articles.raw`` at least once (at-least-once: a kill between the publish and the seen-set write
may republish one, which the deterministic article id makes harmless).
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest
from aiokafka import AIOKafkaConsumer
from benchmarks.harness import Run, env_int

from wirewatch.contracts.topics import Topic
from wirewatch.runtime.kafka import assign_all

pytestmark = [pytest.mark.broker, pytest.mark.slow]


class Feed:
    """A growing RSS feed and its article pages, served from memory."""

    def __init__(self) -> None:
        self.items: list[int] = []
        self.lock = threading.Lock()

    def rss(self, base: str) -> bytes:
        with self.lock:
            items = list(self.items)
        entries = "".join(
            f"<item><title>Report {n}</title><link>{base}/a/{n}.html</link><guid>{base}/a/{n}.html</guid></item>"
            for n in reversed(items)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>soak</title>{entries}</channel></rss>'.encode()

    @staticmethod
    def page(n: int) -> bytes:
        body = f"Report {n}: ministers of Chile and Norway met in Oslo to discuss fisheries and trade. " * 5
        return (
            f"<html><head><title>Report {n}</title></head><body><article><p>{body}</p></article></body></html>".encode()
        )


@pytest.fixture
def feed_server() -> Iterator[tuple[Feed, str]]:
    feed = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                self._send(200, "application/rss+xml", feed.rss(base))
            elif self.path.startswith("/a/") and self.path.endswith(".html"):
                self._send(200, "text/html; charset=utf-8", feed.page(int(self.path[3:-5])))
            else:
                self._send(404, "text/plain", b"not here")

        def _send(self, status: int, ctype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield feed, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def _raw_urls(bootstrap: str, topic: str) -> list[str]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="earliest")
    await consumer.start()
    try:
        parts = await assign_all(consumer, topic)
        ends = await consumer.end_offsets(parts)
        urls = []

        async def behind() -> bool:
            return any([await consumer.position(p) < ends[p] for p in parts])

        while await behind():
            for records in (await consumer.getmany(timeout_ms=500)).values():
                urls += [orjson.loads(r.value or b"{}").get("url") for r in records]
        return urls
    finally:
        await consumer.stop()


def test_scraper_killed_mid_poll_loses_no_article(broker, tmp_path, feed_server, rng: random.Random) -> None:
    feed, base = feed_server
    count = env_int("WIREWATCH_SOAK_SCRAPER_ARTICLES", 60)
    kills = env_int("WIREWATCH_SOAK_SCRAPER_KILLS", 3)
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[defaults]\ninterval = 0.2\nmax_items = {count + 10}\n\n[[feed]]\nname = "soak"\nurl = "{base}/feed.xml"\n'
        'kind = "rss"\nlang = "en"\n',
        encoding="utf-8",
    )
    env = {
        "WIREWATCH_SCRAPER_CONFIG": str(config),
        "WIREWATCH_SCRAPER_ALLOW_ADDRESSES": "127.0.0.0/8",
        "WIREWATCH_SCRAPER_HOST_DELAY": "0",
        "WIREWATCH_SCRAPER_HOST_CONCURRENCY": "4",
    }
    with Run(broker, tmp_path) as run:
        scraper = run.worker("scrape", env)
        scraper.start()
        scraper.wait_ready()
        kill_at = sorted(rng.sample(range(1, count), kills))
        for n in range(count):
            with feed.lock:
                feed.items.append(n)
            time.sleep(rng.uniform(0.02, 0.12))
            if kill_at and n == kill_at[0]:
                kill_at.pop(0)
                scraper.kill()  # mid-poll: the feed is polled every 0.2 s and pages are being fetched
                time.sleep(rng.uniform(0.0, 0.5))
                scraper.start()
        scraper.wait_ready()
        wanted = {f"{base}/a/{n}.html" for n in range(count)}
        raw = run.topics.name(Topic.RAW)
        deadline = time.monotonic() + 90
        urls: list[str] = []
        while time.monotonic() < deadline:
            urls = asyncio.run(_raw_urls(broker, raw))
            if wanted <= set(urls):
                break
            time.sleep(1.0)
        assert scraper.process is not None and scraper.process.poll() is None, scraper.log_tail()

    missing = wanted - set(urls)
    print(
        f"scraper soak: listed={count} published={len(set(urls) & wanted)} records={len(urls)} "
        f"(republished after kills: {len(urls) - len(set(urls))}) lost={len(missing)} kills={kills}"
    )
    assert not missing, f"{len(missing)} article(s) never published, e.g. {sorted(missing)[:3]}"
    assert scraper.starts == kills + 1
