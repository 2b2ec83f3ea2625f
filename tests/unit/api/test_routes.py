"""The API over a running server on loopback: JSON endpoints, errors, OpenAPI, SSE, dashboard files."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from jsonschema import Draft202012Validator

from tests.seeded import seed_outputs
from wirewatch.api.app import build
from wirewatch.api.feed import Views
from wirewatch.api.openapi import openapi_document
from wirewatch.api.routes import add_routes
from wirewatch.contracts.codec import encode
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings


@dataclass
class Api:
    session: aiohttp.ClientSession
    views: Views
    metrics: Metrics


@pytest.fixture
async def api():
    metrics = Metrics.create()
    server, views = build(Settings(http_port=0), metrics)
    await server.start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{server.bound_port}") as session:
            yield Api(session, views, metrics)
    finally:
        views.live.close()
        await server.stop()


@pytest.fixture(scope="module")
def agreement_values(seeds_dir: Path):
    return [o.value() for o in seed_outputs(seeds_dir).agreement_outputs]


@pytest.fixture(scope="module")
def report_values(seeds_dir: Path):
    return [o.value() for o in seed_outputs(seeds_dir).report_outputs]


async def test_agreements_are_listed_filtered_and_paginated(api, agreement_values, report_values):
    for value in report_values:
        api.views.apply(Topic.AGREEMENT_REPORTS, value)
    for value in agreement_values:
        api.views.apply(Topic.AGREEMENTS, value)
    async with api.session.get("/api/v1/agreements", params={"country": "mmr", "limit": "1"}) as response:
        assert response.status == 200
        page = await response.json()
    assert page["limit"] == 1 and len(page["items"]) == 1
    assert page["total"] >= 2 and page["next_offset"] == 1
    async with api.session.get("/api/v1/agreements", params={"type": "military"}) as response:
        [military] = (await response.json())["items"]
    assert sorted(military["parties"]) == ["MMR", "RUS"]
    assert {e["lang"] for e in military["evidences"]} >= {"de", "en"}
    async with api.session.get(f"/api/v1/agreements/{military['id']}") as response:
        assert (await response.json())["id"] == military["id"]


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/agreements?type=friendship", "type"),
        ("/api/v1/agreements?since=soon", "since"),
        ("/api/v1/agreements?limit=100000", "limit"),
        ("/api/v1/countries?window=forever", "window"),
        ("/api/v1/relations", "country"),
        ("/api/v1/relations?country=RUS&window=PT5M", "window"),
        ("/api/v1/stream?status=maybe", "status"),
    ],
)
async def test_bad_parameters_give_a_json_400_naming_the_parameter(api, path, parameter):
    async with api.session.get(path) as response:
        assert response.status == 400
        assert response.content_type == "application/json"
        error = (await response.json())["error"]
    assert error["parameter"] == parameter
    assert error["status"] == 400 and error["message"]


async def test_unknown_api_paths_and_ids_are_json_404s(api):
    for path in ("/api/v1/nothing", "/api/v1/agreements/unknown"):
        async with api.session.get(path) as response:
            assert response.status == 404
            assert (await response.json())["error"]["status"] == 404


async def test_country_counts_and_relations(api, seeds_dir):
    from wirewatch.aggregator.handler import AggregatorHandler
    from wirewatch.contracts.deadletter import Origin

    handler = AggregatorHandler()
    for article in seed_outputs(seeds_dir).tagged:
        for out in handler.handle(encode(article), Origin(), "2026-01-01T10:06:00Z", 2_000_000_000.0).outcome.outputs:
            api.views.apply(Topic.COUNTRIES, out.value())
    async with api.session.get("/api/v1/countries", params={"window": "30d"}) as response:
        body = await response.json()
    # the seeds were fetched on 2026-01-01, long before "now": a 30-day window ending now is empty or not,
    # depending on the clock, but the shape and order hold
    assert body["window_seconds"] == 30 * 86400
    assert all(a["articles"] >= b["articles"] for a, b in zip(body["items"], body["items"][1:], strict=False))
    api.views.apply(
        Topic.RELATIONS,
        encode(
            {
                "id": "r1",
                "countries": ["MMR", "RUS"],
                "window": "PT1H",
                "window_start": "2026-01-01T10:00:00Z",
                "window_end": "2026-01-01T11:00:00Z",
                "articles": 5,
                "articles_in_focus": 3,
                "agreements": {"military": 1},
                "emitted_at": "2026-01-01T11:01:00Z",
            }
        ),
    )
    async with api.session.get("/api/v1/relations", params={"country": "MMR"}) as response:
        [row] = (await response.json())["items"]
    assert row["articles"] == 5


async def test_openapi_describes_every_route_and_its_schemas_are_valid(api):
    async with api.session.get("/openapi.json") as response:
        document = await response.json()
    assert document["openapi"].startswith("3.1")
    assert {"/api/v1/agreements", "/api/v1/countries", "/api/v1/relations", "/api/v1/stream"} <= set(document["paths"])
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


async def test_the_stream_sends_new_agreements_that_match_its_filter(api, agreement_values):
    async with api.session.get("/api/v1/stream", params={"country": "RUS", "type": "military"}) as response:
        assert response.headers["Content-Type"].startswith("text/event-stream")
        assert (await response.content.readline()).startswith(b"retry:")
        await response.content.readline()  # ": connected"
        assert api.metrics.registry.get_sample_value("wirewatch_sse_subscribers") == 1
        for value in agreement_values:
            api.views.apply(Topic.AGREEMENTS, value)
        lines = []
        while len(lines) < 4:
            lines.append((await asyncio.wait_for(response.content.readline(), 10)).decode().strip())
    assert lines[1] == "event: agreement"
    assert lines[2].startswith("id: ")
    assert '"military"' in lines[3] and '"RUS"' in lines[3]


async def test_the_dashboard_and_its_files_are_served(api):
    async with api.session.get("/") as response:
        html = await response.text()
    assert response.status == 200 and "/static/app.js" in html
    for name in ("app.js", "search.js", "map.js", "world-110m.json", "style.css"):
        async with api.session.get(f"/static/{name}") as response:
            assert response.status == 200


async def test_health_and_metrics_stay_available(api):
    async with api.session.get("/readyz") as response:
        assert response.status == 200
    async with api.session.get("/metrics") as response:
        assert "wirewatch_sse_subscribers" in await response.text()


def test_every_api_route_is_described_in_the_openapi_document():
    app = web.Application()
    add_routes(app, Views())
    routes = {r.canonical for r in app.router.resources() if r.canonical.startswith("/api/")}
    assert routes == set(openapi_document()["paths"])
