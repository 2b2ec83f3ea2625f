"""The API's routes: JSON endpoints, the Server-Sent Events stream, OpenAPI and the dashboard.

Every JSON error has the shape ``{"error": {"status", "message", "parameter"?}}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web

from wirewatch.api import history, query
from wirewatch.api.feed import Views
from wirewatch.api.openapi import openapi_document
from wirewatch.api.stores import top_pairs
from wirewatch.archive import SqlArchive

STATIC = Path(__file__).parent / "static"
#: Seconds between SSE keep-alive comments, so proxies keep an idle stream open.
KEEPALIVE = 15.0

VIEWS: web.AppKey[Views] = web.AppKey("views", Views)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(data: object, status: int = 200) -> web.Response:
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json")


def error_response(status: int, message: str, parameter: str | None = None) -> web.Response:
    """A JSON error body."""
    error: dict[str, object] = {"status": status, "message": message}
    if parameter is not None:
        error["parameter"] = parameter
    return _json({"error": error}, status)


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Bad parameters become 400s that name the parameter; HTTP errors under /api become JSON."""
    try:
        return await handler(request)
    except query.ParamError as exc:
        return error_response(400, exc.message, exc.parameter)
    except web.HTTPException as exc:
        if request.path.startswith("/api/") and exc.status >= 400:
            return error_response(exc.status, exc.reason)
        raise


async def agreements(request: web.Request) -> web.Response:
    """``GET /api/v1/agreements``: filtered, newest first, paginated; from the archive when there is one."""
    if request.app.get(history.ARCHIVE) is not None:
        return await history.agreements(request)
    wanted = query.agreement_filter(request.query)
    page = query.page(request.query)
    items, total = request.app[VIEWS].agreements.query(wanted, page.limit, page.offset)
    following = page.offset + len(items)
    return _json(
        {
            "items": items,
            "total": total,
            "limit": page.limit,
            "offset": page.offset,
            "next_offset": following if following < total else None,
        }
    )


async def agreement(request: web.Request) -> web.Response:
    """``GET /api/v1/agreements/{id}``: from the archive, else the live store (not archived yet)."""
    doc = await history.archived_agreement(request) or request.app[VIEWS].agreements.get(request.match_info["id"])
    if doc is None:
        return error_response(404, "no agreement with this id")
    return _json(doc)


async def countries(request: web.Request) -> web.Response:
    """``GET /api/v1/countries``: articles per country over a window ending now (the archive's, when there is one)."""
    seconds = query.window(request.query)
    limit = query.integer(request.query, "limit", 50, 1, query.MAX_LIMIT)
    archive, now = request.app.get(history.ARCHIVE), time.time()
    if archive is not None:  # the archive keeps every window, across restarts
        rows = await asyncio.to_thread(archive.country_counts, now - seconds, now)
    else:
        rows = request.app[VIEWS].countries.counts(seconds, now)
    return _json({"window_seconds": seconds, "items": rows[:limit], "total": len(rows)})


async def relations(request: web.Request) -> web.Response:
    """``GET /api/v1/relations``: closed windows that involve one country."""
    code = query.country(request.query, required=True)
    assert code is not None
    size = query.choice(request.query, "window", query.RELATION_WINDOWS)
    limit = query.integer(request.query, "limit", 100, 1, query.MAX_LIMIT)
    return _json({"country": code, "items": request.app[VIEWS].relations.for_country(code, size, limit)})


async def pairs(request: web.Request) -> web.Response:
    """``GET /api/v1/pairs``: the top country pairs by agreements, then articles."""
    limit = query.integer(request.query, "limit", 10, 1, 100)
    views = request.app[VIEWS]
    return _json({"items": top_pairs(views.agreements, views.relations, limit)})


def sse_frame(name: str, doc: dict[str, Any]) -> bytes:
    """One Server-Sent Event: its name, the document's id (for Last-Event-ID) and the JSON data."""
    return b"event: %s\nid: %s\ndata: %s\n\n" % (name.encode(), str(doc["id"]).encode(), orjson.dumps(doc))


async def stream(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/stream``: Server-Sent Events, one ``agreement`` event per new or updated agreement."""
    wanted = query.agreement_filter(request.query)
    live = request.app[VIEWS].live
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    subscriber = live.subscribe(wanted)
    try:
        await response.write(b"retry: 3000\n: connected\n\n")
        while True:
            try:
                item = await asyncio.wait_for(subscriber.queue.get(), KEEPALIVE)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            if item is None:
                break
            await response.write(sse_frame(*item))
    except ConnectionResetError:
        pass  # the client went away
    finally:
        live.unsubscribe(subscriber)
    with contextlib.suppress(ConnectionResetError):
        await response.write_eof()
    return response


async def openapi(_: web.Request) -> web.Response:
    """``GET /openapi.json``."""
    return _json(openapi_document())


async def dashboard(_: web.Request) -> web.FileResponse:
    """``GET /``: the live dashboard (static files, no build step)."""
    return web.FileResponse(STATIC / "index.html")


def add_routes(app: web.Application, views: Views, archive: SqlArchive | None = None) -> None:
    """Mount the API, the stream, the OpenAPI document and the dashboard on ``app``."""
    app[VIEWS] = views
    history.add_history_routes(app, archive)
    app.middlewares.append(json_errors)
    app.router.add_get("/api/v1/agreements", agreements)
    app.router.add_get("/api/v1/agreements/{id}", agreement)
    app.router.add_get("/api/v1/countries", countries)
    app.router.add_get("/api/v1/relations", relations)
    app.router.add_get("/api/v1/pairs", pairs)
    app.router.add_get("/api/v1/stream", stream)
    app.router.add_get("/openapi.json", openapi)
    app.router.add_get("/", dashboard)
    app.router.add_static("/static/", STATIC)
