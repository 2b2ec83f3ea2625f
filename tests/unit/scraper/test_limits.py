"""Body limits hold after decompression: gzip bombs stop at the limit."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import AsyncIterator

import pytest

from wirewatch.scraper.limits import BodyTooLarge, UnsupportedEncoding, read_capped


async def _chunks(data: bytes, size: int = 16_384) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def test_plain_body_within_limit():
    assert await read_capped(_chunks(b"a" * 1000), "", 1000) == b"a" * 1000


async def test_plain_body_over_limit():
    with pytest.raises(BodyTooLarge):
        await read_capped(_chunks(b"a" * 1001), "identity", 1000)


async def test_gzip_and_deflate_round_trip():
    text = b"<html>" + b"news " * 2000
    assert await read_capped(_chunks(gzip.compress(text)), "gzip", 100_000) == text
    assert await read_capped(_chunks(zlib.compress(text)), "deflate", 100_000) == text
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert await read_capped(_chunks(raw.compress(text) + raw.flush()), "deflate", 100_000) == text


async def test_gzip_bomb_stops_at_the_limit():
    bomb = gzip.compress(b"\0" * 20_000_000)  # ~20 kB on the wire
    assert len(bomb) < 100_000
    with pytest.raises(BodyTooLarge):
        await read_capped(_chunks(bomb), "gzip", 1_000_000)


async def test_unrequested_coding_is_refused():
    with pytest.raises(UnsupportedEncoding):
        await read_capped(_chunks(b"x"), "br", 10)


async def test_corrupt_gzip_is_reported_not_raised_as_zlib_error():
    with pytest.raises(UnsupportedEncoding, match="corrupt"):
        await read_capped(_chunks(b"\x1f\x8b\x08\x00garbage-garbage-garbage"), "gzip", 1000)
    with pytest.raises(UnsupportedEncoding, match="corrupt"):
        await read_capped(_chunks(b"\xff\xff\xff\xff"), "deflate", 1000)
