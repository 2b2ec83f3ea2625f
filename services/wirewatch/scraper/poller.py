"""One feed's poll loop: fetch the feed (conditionally), find new or changed articles, fetch and queue them.

Called every ``interval`` seconds per feed until the scraper stops. A failure of the feed or
of one article is counted and logged once per change of state, never raised: the loop, and
every other feed, keeps going.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections.abc import Iterable
from typing import Any

from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.feeds import FeedItem, FeedKind, ParsedFeed, decode_document, parse_feed
from wirewatch.core.ids import article_id, canonical_url
from wirewatch.runtime.metrics import FetchKind, FetchOutcome, ScraperMetrics, SkipReason
from wirewatch.runtime.outputs import utc_now
from wirewatch.scraper.config import FeedSource
from wirewatch.scraper.fetch import Fetched, Fetcher, FetchFailed, Validators
from wirewatch.scraper.ledger import SeenLedger
from wirewatch.scraper.publish import Outgoing, Publisher
from wirewatch.scraper.seen import SeenEntry

log = logging.getLogger(__name__)

_LAST_RETRY = 6 * 3600.0

_MAX_TRANSIENT_RETRIES = 8  # about 4 hours of backoff; then wait for the feed to change
_TRANSIENT = frozenset(
    {FetchOutcome.TIMEOUT, FetchOutcome.CONNECTION_ERROR, FetchOutcome.RATE_LIMITED, FetchOutcome.HTTP_ERROR}
)

_SKIP_FOR = {
    FetchOutcome.ROBOTS_DISALLOWED: SkipReason.ROBOTS,
    FetchOutcome.CONTENT_TYPE: SkipReason.CONTENT_TYPE,
    FetchOutcome.TOO_LARGE: SkipReason.TOO_LARGE,
}


def content_hash(text: str) -> str:
    """The hash that tells one version of an article from the next."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class FeedPoller:
    """Poll one ``FeedSource``; see the module docstring."""

    def __init__(
        self, source: FeedSource, fetcher: Fetcher, publisher: Publisher, ledger: SeenLedger, metrics: ScraperMetrics
    ) -> None:
        self.source = source
        self._fetcher = fetcher
        self._publisher = publisher
        self._ledger = ledger
        self._metrics = metrics
        self._validators = Validators()
        self._last_error: str | None = None
        self._failed: dict[str, tuple[float, int]] = {}  # article id -> (retry after, failures so far)
        self._transient: set[str] = set()  # failed articles worth retrying (timeouts, 5xx, connection errors)
        # Ids of the items the last full read of the feed handled (≤ max_items): a 304 lists them again.
        self._listed: tuple[str, ...] = ()

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set; the first poll starts after a small random delay to spread feeds."""
        wait = random.uniform(0, min(self.source.interval, 2.0))
        while not await _sleep_or_stop(stop, wait):
            try:
                deferred = await self.poll_once()
            except Exception as exc:  # a bug must not end this feed's polling for good
                self._note_error(f"poll failed unexpectedly: {type(exc).__name__}: {exc}", exc)
                deferred = None
            wait = max(self.source.interval, deferred or 0.0)

    async def poll_once(self) -> float | None:
        """One poll; returns a longer wait when the server asked for one (``Retry-After``)."""
        name = self.source.name
        try:
            fetched = await self._fetcher.fetch(self.source.url, name, FetchKind.FEED, self._validators)
        except FetchFailed as failure:
            self._note_error(f"feed fetch failed: {failure}")
            return failure.retry_after
        if fetched.status == 304:
            self._mark_listed()  # unchanged feed: what it listed is still listed, so it stays seen
            self._metrics.record_poll_success(name, time.time())
            self._note_ok()
            return None
        try:
            parsed = parse_feed(fetched.body, fetched.url, self.source.kind, fetched.content_type)
        except Rejected as rejected:
            reason = SkipReason.UNSAFE_FEED if rejected.reason is ErrorKind.UNSAFE else SkipReason.MALFORMED_FEED
            self._metrics.record_skipped(name, reason)
            self._note_error(f"feed refused: {rejected}")
            return None
        self._validators = Validators(fetched.etag, fetched.last_modified)
        self._metrics.record_poll_success(name, time.time())
        self._note_ok()
        self._count_bad_links(parsed)
        items = await self._expand(parsed)
        await self._handle_items(items[: self.source.max_items])
        if self._transient:
            # An article failed for a reason that may pass: poll the feed in full next time (no 304),
            # or the article would wait until the feed itself changes.
            self._validators = Validators()
        return None

    async def _expand(self, parsed: ParsedFeed) -> list[FeedItem]:
        """The items of a feed; for a sitemap index, the items of its first ``max_sitemaps`` sitemaps."""
        if parsed.kind is FeedKind.SITEMAP:
            return newest_first(parsed.items)
        if parsed.kind is not FeedKind.SITEMAP_INDEX:
            return list(parsed.items)
        items: list[FeedItem] = []
        for url in parsed.sitemaps[: self.source.max_sitemaps]:
            try:
                child = await self._fetcher.fetch(url, self.source.name, FetchKind.FEED)
                child_feed = parse_feed(child.body, child.url, content_type=child.content_type)
                self._count_bad_links(child_feed)
                items.extend(child_feed.items)
            except (FetchFailed, Rejected) as exc:
                self._note_error(f"sitemap {url}: {exc}")
        return newest_first(items)

    def _count_bad_links(self, parsed: ParsedFeed) -> None:
        """Items whose link could not be read were skipped by the parser: count them (the feed is fine)."""
        for link in parsed.bad_links:
            self._metrics.record_skipped(self.source.name, SkipReason.MALFORMED_FEED)
            log.debug("%s: item skipped, unreadable link %r", self.source.name, link[:200])

    async def _handle_items(self, items: list[FeedItem]) -> None:
        unique: dict[str, tuple[str, FeedItem]] = {}  # canonical URL -> (article id, item)
        for item in items:
            try:
                url = canonical_url(item.url)
            except Rejected as rejected:  # one bad link costs its item, never the rest of the feed
                self._metrics.record_skipped(self.source.name, SkipReason.MALFORMED_FEED)
                log.debug("%s: item skipped: %s", self.source.name, rejected)
                continue
            if url not in unique:
                unique[url] = (article_id(url), item)
        self._listed = tuple(key for key, _ in unique.values())
        self._mark_listed()
        await asyncio.gather(*(self._handle_item(key, url, item) for url, (key, item) in unique.items()))

    def _mark_listed(self) -> None:
        """Tell the seen set the feed lists its items now, whatever happens to each item next (seen,
        refetched, failed): only articles no feed lists any more may expire."""
        for key in self._listed:
            self._ledger.listed(key)

    async def _handle_item(self, key: str, url: str, item: FeedItem) -> None:
        name = self.source.name
        entry = self._ledger.get(key)
        if self._publisher.pending(key) or (entry is not None and (item.stamp is None or item.stamp == entry.stamp)):
            self._metrics.record_skipped(name, SkipReason.SEEN)
            return
        if self._failed.get(key, (0.0, 0))[0] > time.monotonic():
            return  # failed recently: not worth another request yet (already counted when it failed)
        validators = Validators(entry.etag, entry.last_modified) if entry else None
        try:
            page = await self._fetcher.fetch(item.url, name, FetchKind.PAGE, validators)
        except FetchFailed as failure:
            self._metrics.record_skipped(name, _SKIP_FOR.get(failure.outcome, SkipReason.FETCH_FAILED))
            self._remember_failure(key, failure)
            log.debug("%s: article %s skipped: %s", name, url, failure)
            return
        self._failed.pop(key, None)
        self._transient.discard(key)
        await self._queue_page(key, url, item, page, entry)

    def _remember_failure(self, key: str, failure: FetchFailed) -> None:
        """Back off from an article that failed: one poll interval, doubling, up to 6 hours (memory only)."""
        failures = self._failed.get(key, (0.0, 0))[1] + 1
        delay = min(_LAST_RETRY, self.source.interval * 2 ** (failures - 1))
        self._failed[key] = (time.monotonic() + delay, failures)
        transient = failure.outcome in _TRANSIENT and (failure.status is None or failure.status >= 500)
        if transient and failures < _MAX_TRANSIENT_RETRIES:
            self._transient.add(key)
        else:
            self._transient.discard(key)
        if len(self._failed) > 10 * self.source.max_items:  # forget the oldest: the feed moved on
            oldest = next(iter(self._failed))
            self._failed.pop(oldest)
            self._transient.discard(oldest)

    async def _queue_page(self, key: str, url: str, item: FeedItem, page: Fetched, entry: SeenEntry | None) -> None:
        name = self.source.name
        if page.status == 304:
            self._ledger.unchanged(key, item.stamp)
            self._metrics.record_skipped(name, SkipReason.UNCHANGED)
            return
        html = decode_document(page.body, page.content_type).text
        digest = content_hash(html)
        if not html.strip():
            self._metrics.record_skipped(name, SkipReason.EMPTY)
            return
        if entry is not None and entry.content_hash == digest:
            self._ledger.unchanged(key, item.stamp)
            self._metrics.record_skipped(name, SkipReason.UNCHANGED)
            return
        version = entry.version + 1 if entry else 1
        new_entry = SeenEntry(version, digest, item.stamp, page.etag, page.last_modified)
        await self._publisher.put(Outgoing(name, self._document(key, url, item, html, version, digest), new_entry))

    def _document(self, key: str, url: str, item: FeedItem, html: str, version: int, digest: str) -> dict[str, Any]:
        """The raw-article document (schemas/raw-article.v1.json)."""
        return {
            "id": key,
            "html": html,
            "url": url,
            "title": item.title,
            "lang": item.lang or self.source.lang,
            "published": item.published,
            "fetched_at": utc_now(),
            "feed": self.source.name,
            "tags": list(self.source.tags),
            "version": version,
            "content_hash": digest,
        }

    def _note_error(self, message: str, exc: BaseException | None = None) -> None:
        """Log a feed's error once when it starts (and when it changes), not on every poll."""
        if message != self._last_error:
            log.warning("%s: %s", self.source.name, message, exc_info=exc)
        self._last_error = message

    def _note_ok(self) -> None:
        if self._last_error is not None:
            log.info("%s: polling again", self.source.name)
        self._last_error = None


def newest_first(items: Iterable[FeedItem]) -> list[FeedItem]:
    """Sitemaps list URLs in any order (often oldest first): look at the newest ``max_items`` first.

    RFC 3339 strings in one zone sort as dates; undated items keep their order, after the dated ones.
    """
    listed = list(items)
    dated = sorted((i for i in listed if i.stamp), key=lambda i: i.stamp or "", reverse=True)
    return dated + [i for i in listed if not i.stamp]


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    """Wait ``seconds`` or until ``stop``; True when stopping."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True
