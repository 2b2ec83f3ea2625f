"""The API's archive routes over a real server on loopback, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest

from tests.seeded import seed_messages, seed_outputs
from wirewatch.api.app import build
from wirewatch.archive import open_archive
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings


@pytest.fixture
async def client(archive_url: str, seeds_dir: Path) -> AsyncIterator[aiohttp.ClientSession]:
    archive = open_archive(archive_url)
    archive.ingest(seed_messages(seeds_dir))
    server, views = build(Settings(http_port=0), Metrics.create(), archive)
    await server.start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{server.bound_port}") as session:
            yield session
    finally:
        views.live.close()
        await server.stop()
        archive.close()


async def _get(session: aiohttp.ClientSession, path: str, **params: str) -> tuple[int, Any]:
    async with session.get(path, params=params) as response:
        return response.status, await response.json()


def _agreement_ids(seeds_dir: Path) -> set[str]:
    return {doc["id"] for doc in seed_outputs(seeds_dir).agreements}


async def test_agreements_come_from_the_archive_in_keyset_pages(client: aiohttp.ClientSession, seeds_dir: Path) -> None:
    status, first = await _get(client, "/api/v1/agreements", limit="3")
    assert status == 200 and first["total"] == len(_agreement_ids(seeds_dir))
    seen, body = [i["id"] for i in first["items"]], first
    while body["next_cursor"] is not None:
        status, body = await _get(client, "/api/v1/agreements", limit="3", cursor=body["next_cursor"])
        assert status == 200
        seen += [i["id"] for i in body["items"]]
    assert sorted(seen) == sorted(_agreement_ids(seeds_dir))
    _, korea = await _get(client, "/api/v1/agreements", country="prk")
    assert [i["parties"] for i in korea["items"]] == [["PRK", "RUS"]]
    status, error = await _get(client, "/api/v1/agreements", cursor="not-a-cursor")
    assert status == 400 and error["error"]["parameter"] == "cursor"
    status, one = await _get(client, f"/api/v1/agreements/{korea['items'][0]['id']}")
    assert status == 200 and one["evidences"][0]["evidence_span"]


async def test_search_finds_the_german_and_the_english_seeds(client: aiohttp.ClientSession) -> None:
    status, german = await _get(client, "/api/v1/search", q="Abkommen")
    assert status == 200 and german["items"] and {i["lang"] for i in german["items"]} == {"de"}
    _, english = await _get(client, "/api/v1/search", q="Shoigu", limit="5")
    assert english["items"] and {i["lang"] for i in english["items"]} == {"en"}
    for item in english["items"]:
        assert {"id", "lang", "title", "published", "snippet"} <= set(item)
        assert "<mark>" in item["snippet"]
    _, none = await _get(client, "/api/v1/search", q="Shoigu", lang="de")
    assert none["items"] == []
    for params, parameter in (({}, "q"), ({"q": "x", "lang": "German"}, "lang"), ({"q": "x", "limit": "0"}, "limit")):
        status, error = await _get(client, "/api/v1/search", **params)
        assert status == 400 and error["error"]["parameter"] == parameter


async def test_the_article_view(client: aiohttp.ClientSession, seeds_dir: Path) -> None:
    tagged = seed_outputs(seeds_dir).tagged[2]
    status, view = await _get(client, f"/api/v1/articles/{tagged['id']}")
    assert status == 200 and view["body"] == tagged["body"] and view["lang"] == tagged["lang"]
    assert view["countries"] == tagged["countries"]
    for agreement in view["agreements"]:
        span = agreement["evidence_span"]
        assert view[span["field"]][span["start"] : span["end"]].strip()
    status, error = await _get(client, "/api/v1/articles/no-such-id")
    assert status == 404 and error["error"]["status"] == 404


async def test_the_exports_have_one_row_or_line_per_agreement(client: aiohttp.ClientSession, seeds_dir: Path) -> None:
    async with client.get("/api/v1/export/agreements.csv") as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/csv")
        assert "attachment" in response.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(await response.text())))
    assert sorted(r["id"] for r in rows) == sorted(_agreement_ids(seeds_dir))
    assert all(r["evidence"] and ";" in r["parties"] for r in rows)
    async with client.get("/api/v1/export/agreements.jsonl", params={"country": "PRK"}) as response:
        lines = (await response.read()).splitlines()
    assert [orjson.loads(line)["parties"] for line in lines] == [["PRK", "RUS"]]


async def test_without_an_archive_the_history_routes_say_so() -> None:
    server, views = build(Settings(http_port=0), Metrics.create())
    await server.start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{server.bound_port}") as session:
            status, error = await _get(session, "/api/v1/search", q="Abkommen")
            assert status == 503 and "archive" in error["error"]["message"]
            status, page = await _get(session, "/api/v1/agreements")  # the live store still answers
            assert status == 200 and page["total"] == 0
    finally:
        views.live.close()
        await server.stop()


def test_the_api_reads_an_archive_only_when_one_is_named(tmp_path: Path) -> None:
    from wirewatch.api.app import _open_archive

    assert _open_archive(Settings(data_dir=str(tmp_path))) is None  # no archiver here: the live views
    archive = _open_archive(Settings(database_url=f"sqlite:///{tmp_path / 'named.sqlite3'}"))
    assert archive is not None and archive.counts().articles == 0
    archive.close()
    assert _open_archive(Settings(database_url="postgresql://nobody@127.0.0.1:1/none")) is None  # logged


async def test_country_counts_come_from_the_archive(archive_url: str, seeds_dir: Path) -> None:
    from wirewatch.contracts.aggregates import format_time

    archive = open_archive(archive_url)
    events = [doc for topic, doc in seed_messages(seeds_dir) if topic is Topic.COUNTRIES]
    recent = format_time(time.time() - 3600)  # an hour ago: inside a 24 h window, after a restart too
    archive.ingest([(Topic.COUNTRIES, {**doc, "event_time": recent}) for doc in events])
    server, views = build(Settings(http_port=0), Metrics.create(), archive)
    await server.start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{server.bound_port}") as session:
            status, body = await _get(session, "/api/v1/countries", window="24h", limit="500")
            _, older = await _get(session, "/api/v1/countries", window="30m")
    finally:
        views.live.close()
        await server.stop()
        archive.close()
    assert status == 200 and len(views.countries) == 0  # not from the live store
    by_code = {row["country"]: row["articles"] for row in body["items"]}
    assert by_code["MMR"] == by_code["RUS"] == 5
    assert older["items"] == []
