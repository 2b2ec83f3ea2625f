"""Bounded reading of response bodies: a size cap that also holds after decompression.

We ask for ``gzip, deflate`` ourselves and inflate with ``zlib`` using ``max_length``, so a
few kilobytes of gzip bomb can never become more than ``limit`` bytes in memory (httpx's own
decoder inflates each network chunk without a bound).
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from wirewatch.core.errors import FetchError

ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(FetchError):
    """The body (after decompression) exceeds the limit; reading stopped there."""


class UnsupportedEncoding(FetchError):
    """The server used a content coding we did not ask for, or its compressed data is corrupt."""


class _Inflater:
    """Incremental gzip/deflate decoding that never produces more than ``limit`` bytes in total."""

    def __init__(self, coding: str, limit: int) -> None:
        # 16+: gzip wrapper; deflate is zlib-wrapped by the standard, raw in practice (retried below).
        self._wbits = 16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._inflate = zlib.decompressobj(self._wbits)
        self._raw_fallback = coding == "deflate"
        self._remaining = limit

    def feed(self, chunk: bytes) -> bytes:
        try:
            out = self._inflate.decompress(chunk, self._remaining + 1)
        except zlib.error as exc:
            if not self._raw_fallback:
                raise UnsupportedEncoding(f"corrupt compressed body: {exc}") from None
            self._raw_fallback = False
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                out = self._inflate.decompress(chunk, self._remaining + 1)
            except zlib.error as again:
                raise UnsupportedEncoding(f"corrupt deflate body: {again}") from None
        self._raw_fallback = False
        if len(out) > self._remaining or self._inflate.unconsumed_tail:
            raise BodyTooLarge(f"more than the limit once decompressed (ratio above {len(out) // max(len(chunk), 1)})")
        self._remaining -= len(out)
        return out


async def read_capped(chunks: AsyncIterator[bytes], coding: str, limit: int) -> bytes:
    """Read a raw (still encoded) body stream, decode it, and stop with ``BodyTooLarge`` past ``limit``."""
    coding = coding.strip().lower()
    inflater: _Inflater | None = None
    if coding in ("gzip", "x-gzip", "deflate"):
        inflater = _Inflater(coding, limit)
    elif coding not in ("", "identity"):
        raise UnsupportedEncoding(f"content coding {coding!r}")
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        data = inflater.feed(chunk) if inflater else chunk
        size += len(data)
        if size > limit:
            raise BodyTooLarge(f"more than {limit} bytes")
        parts.append(data)
    return b"".join(parts)
