"""The scraper's HTTP client: polite, bounded and retrying, on one pooled httpx client (HTTP/2 when offered).

One call to ``Fetcher.fetch`` is one logical request: it checks the URL and the address,
asks robots.txt, waits for its turn at the host, follows redirects itself (each hop checked
again), streams the body under a size cap, and retries connection errors, 429 and 5xx with
exponential backoff and jitter, honouring ``Retry-After``. It returns a ``Fetched`` or raises
``FetchFailed`` whose ``outcome`` is the metric label.
"""

from __future__ import annotations

import asyncio
import ipaddress
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from wirewatch.core.errors import FetchError
from wirewatch.runtime.metrics import FetchKind, FetchOutcome, ScraperMetrics
from wirewatch.runtime.settings import ScraperSettings
from wirewatch.scraper.addresses import AddressGuard, AddressRefused, IPAddress, ResolveFailed
from wirewatch.scraper.limits import ACCEPT_ENCODING, BodyTooLarge, UnsupportedEncoding, read_capped
from wirewatch.scraper.politeness import HostGate
from wirewatch.scraper.robots import RobotsAnswer, RobotsCache

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 500_000
_FEED_TYPES = ("xml", "+xml", "json", "+json")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_ACCEPT = {
    FetchKind.FEED: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "*/*;q=0.1",
    FetchKind.PAGE: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
    FetchKind.ROBOTS: "text/plain, */*;q=0.1",
}


class FetchFailed(FetchError):
    """A request that produced no usable body; ``outcome`` says why, ``retry_after`` when the server asked."""

    def __init__(
        self, outcome: FetchOutcome, detail: str, retry_after: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(f"{outcome.value}: {detail}")
        self.outcome = outcome
        self.detail = detail
        self.retry_after = retry_after
        self.status = status


class _Retryable(FetchError):
    def __init__(
        self, outcome: FetchOutcome, detail: str, retry_after: float | None, status: int | None = None
    ) -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.retry_after = retry_after
        self.status = status


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: status 200 with its body, or 304 with an empty one."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class Validators:
    """Conditional-GET validators from an earlier response."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The ``If-None-Match`` / ``If-Modified-Since`` headers."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date); None when absent or bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - now)
    except (TypeError, ValueError, IndexError):
        return None


def _type_allowed(kind: FetchKind, content_type: str | None) -> bool:
    if kind is FetchKind.ROBOTS or not content_type:
        return True
    mime = content_type.split(";", 1)[0].strip().lower()
    if kind is FetchKind.PAGE:
        return mime in _PAGE_TYPES
    return mime.endswith(_FEED_TYPES)


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(FetchOutcome.BAD_URL, f"only http(s) URLs with a host are fetched: {url[:200]!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchFailed(FetchOutcome.BAD_URL, f"bad port in {url[:200]!r}") from None
    return f"{parts.scheme}://{parts.netloc.lower()}", parts.hostname, port


def make_client(settings: ScraperSettings) -> httpx.AsyncClient:
    """One pooled client for the whole scraper: HTTP/2 where the server offers it, no automatic redirects."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout, read=settings.read_timeout, write=settings.read_timeout, pool=None
    )
    limits = httpx.Limits(max_connections=settings.concurrency * 2, max_keepalive_connections=settings.concurrency)
    return httpx.AsyncClient(
        http2=True,
        timeout=timeout,
        limits=limits,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        trust_env=False,
    )


class Fetcher:
    """Fetch feeds, pages and robots.txt under the scraper's rules; see the module docstring."""

    def __init__(self, settings: ScraperSettings, metrics: ScraperMetrics, client: httpx.AsyncClient) -> None:
        self._s = settings
        self._metrics = metrics
        self._client = client
        self._guard = AddressGuard(settings.allow_addresses)
        self._gate = HostGate(settings.concurrency, settings.host_concurrency, settings.host_delay)
        self._robots = RobotsCache(self._load_robots, settings.user_agent, settings.robots_ttl)

    async def fetch(self, url: str, feed: str, kind: FetchKind, validators: Validators | None = None) -> Fetched:
        """Fetch ``url`` for ``feed``; record the outcome, time and size; raise ``FetchFailed`` on failure."""
        started = time.monotonic()
        try:
            result = await self._with_retries(url, feed, kind, validators or Validators())
        except FetchFailed as failure:
            self._metrics.record_fetch(feed, kind, failure.outcome, time.monotonic() - started, 0)
            raise
        outcome = FetchOutcome.NOT_MODIFIED if result.status == 304 else FetchOutcome.OK
        self._metrics.record_fetch(feed, kind, outcome, time.monotonic() - started, len(result.body))
        return result

    async def _with_retries(self, url: str, feed: str, kind: FetchKind, validators: Validators) -> Fetched:
        attempt = 0
        while True:
            try:
                return await self._follow(url, feed, kind, validators)
            except _Retryable as exc:
                delay = self._backoff(attempt, exc.retry_after)
                if attempt >= self._s.retries or delay > self._s.max_retry_after:
                    raise FetchFailed(exc.outcome, str(exc), exc.retry_after, exc.status) from None
            attempt += 1
            self._metrics.record_retry(feed)
            await asyncio.sleep(delay)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        base = self._s.backoff * float(2**attempt)
        jitter: float = random.uniform(0, base)  # spreads the retries of many feeds
        return base + jitter

    async def _follow(self, url: str, feed: str, kind: FetchKind, validators: Validators) -> Fetched:
        current = url
        for _ in range(self._s.max_redirects + 1):
            origin, host, port = _origin(current)
            await self._check_address(host, port)
            delay = 0.0
            if kind is not FetchKind.ROBOTS:
                rules = await self._robots.rules(origin, feed)
                if not rules.allows(current, self._s.user_agent):
                    raise FetchFailed(FetchOutcome.ROBOTS_DISALLOWED, f"robots.txt of {origin} disallows {current}")
                delay = rules.crawl_delay
            async with self._gate.slot(origin, delay):
                step = await self._request(current, kind, validators)
            if isinstance(step, Fetched):
                return step
            current = step
        raise FetchFailed(FetchOutcome.TOO_MANY_REDIRECTS, f"more than {self._s.max_redirects} redirects from {url}")

    async def _check_address(self, host: str, port: int) -> None:
        try:
            await self._guard.check(host, port)
        except AddressRefused as exc:
            raise FetchFailed(FetchOutcome.BLOCKED_ADDRESS, str(exc)) from None
        except ResolveFailed as exc:
            raise _Retryable(FetchOutcome.CONNECTION_ERROR, str(exc), None) from None

    async def _request(self, url: str, kind: FetchKind, validators: Validators) -> Fetched | str:
        """One HTTP exchange: a ``Fetched``, or the next URL of a redirect."""
        headers = {"Accept": _ACCEPT[kind], **validators.headers()}
        try:
            async with asyncio.timeout(self._s.total_timeout):
                return await self._exchange(url, kind, headers)
        except TimeoutError:
            raise FetchFailed(
                FetchOutcome.TIMEOUT, f"{url}: no complete answer in {self._s.total_timeout:g}s"
            ) from None
        except httpx.ConnectTimeout as exc:
            raise _Retryable(FetchOutcome.CONNECTION_ERROR, f"{url}: connect timeout {exc}", None) from None
        except httpx.TimeoutException as exc:
            raise FetchFailed(FetchOutcome.TIMEOUT, f"{url}: {type(exc).__name__}") from None
        except (httpx.TransportError, OSError) as exc:
            raise _Retryable(FetchOutcome.CONNECTION_ERROR, f"{url}: {type(exc).__name__}: {exc}", None) from None

    async def _exchange(self, url: str, kind: FetchKind, headers: dict[str, str]) -> Fetched | str:
        async with self._client.stream("GET", url, headers=headers) as response:
            self._check_peer(response, url)
            status = response.status_code
            if status in _REDIRECTS and response.headers.get("location"):
                return urljoin(url, response.headers["location"])
            if status == 429 or status >= 500:
                outcome = FetchOutcome.RATE_LIMITED if status == 429 else FetchOutcome.HTTP_ERROR
                wait = retry_after_seconds(response.headers.get("retry-after"), time.time())
                raise _Retryable(outcome, f"{url}: HTTP {status}", wait, status)
            if status == 304:
                return Fetched(url, 304, b"", None, validators_etag(response), response.headers.get("last-modified"))
            if status != 200:
                raise FetchFailed(FetchOutcome.HTTP_ERROR, f"{url}: HTTP {status}", status=status)
            return await self._body(response, url, kind)

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        """Refuse the answer of a peer the address check would refuse (the name may resolve anew in httpx).

        The request has reached the peer by then, but nothing it answers is read or followed.
        """
        peer = peer_address(response)
        if peer is not None and not self._guard.permitted(peer):
            raise FetchFailed(FetchOutcome.BLOCKED_ADDRESS, f"{url}: connected to {peer}, a non-public address")

    async def _body(self, response: httpx.Response, url: str, kind: FetchKind) -> Fetched:
        content_type = response.headers.get("content-type")
        if not _type_allowed(kind, content_type):
            raise FetchFailed(FetchOutcome.CONTENT_TYPE, f"{url}: content type {content_type!r}")
        limit = _ROBOTS_MAX_BYTES if kind is FetchKind.ROBOTS else self._s.max_bytes
        declared = response.headers.get("content-length", "")
        coding = response.headers.get("content-encoding", "")
        if declared.isdigit() and int(declared) > limit and not coding:
            raise FetchFailed(FetchOutcome.TOO_LARGE, f"{url}: Content-Length {declared} > {limit}")
        try:
            body = await read_capped(response.aiter_raw(), coding, limit)
        except BodyTooLarge as exc:
            raise FetchFailed(FetchOutcome.TOO_LARGE, f"{url}: {exc}") from None
        except UnsupportedEncoding as exc:
            raise FetchFailed(FetchOutcome.HTTP_ERROR, f"{url}: undecodable body: {exc}") from None
        return Fetched(url, 200, body, content_type, validators_etag(response), response.headers.get("last-modified"))

    async def _load_robots(self, robots_url: str, feed: str) -> RobotsAnswer:
        try:
            result = await self.fetch(robots_url, feed, FetchKind.ROBOTS)
        except FetchFailed as failure:
            if failure.outcome in (FetchOutcome.CONNECTION_ERROR, FetchOutcome.TIMEOUT):
                raise  # not cached: the real request would fail alike, and is counted as such
            # No status (too many redirects, refused type or size): treat as unavailable, i.e. no rules.
            return RobotsAnswer(failure.status or 404)
        return RobotsAnswer(result.status, result.body.decode("utf-8", errors="replace"))


def peer_address(response: httpx.Response) -> IPAddress | None:
    """The IP address the response came from, when the transport tells it."""
    stream = response.extensions.get("network_stream")
    info = stream.get_extra_info("server_addr") if stream is not None else None
    if not info:
        return None
    try:
        return ipaddress.ip_address(str(info[0]).split("%")[0])
    except ValueError:
        return None


def validators_etag(response: httpx.Response) -> str | None:
    """The response's ETag, if any."""
    etag: str | None = response.headers.get("etag")
    return etag
