"""The routes served from the archive: agreement history, search, the article view and the exports.

Archive calls are synchronous (SQLite or psycopg), so each runs in a worker thread: a slow
query holds up its own request, never the event feed or the live stream. Without an archive
(``wirewatch api`` with no database reachable), ``/api/v1/agreements`` falls back to the live
in-memory store and the other routes answer 503.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import orjson
from aiohttp import web

from wirewatch.api import query
from wirewatch.archive import AgreementQuery, SqlArchive
from wirewatch.archive.export import CSV_COLUMNS, csv_row, jsonl_line

# mypy takes ``SqlArchive | None`` for a value, not a type, in AppKey's second argument (a runtime hint only)
ARCHIVE: web.AppKey[SqlArchive | None] = web.AppKey("archive", SqlArchive | None)  # type: ignore[arg-type]
#: Agreements per page while an export streams (each page is one query).
EXPORT_PAGE = 500


def _json(data: object, status: int = 200) -> web.Response:
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json")


def archive_of(request: web.Request) -> SqlArchive:
    """The app's archive; HTTP 503 when there is none."""
    archive = request.app.get(ARCHIVE)
    if archive is None:
        raise web.HTTPServiceUnavailable(reason="the archive is not available (see WIREWATCH_DATABASE_URL)")
    return archive


async def agreements(request: web.Request) -> web.Response:
    """``GET /api/v1/agreements`` from the archive: every filter, keyset (``cursor``) or offset pages."""
    wanted = query.agreement_query(request.query)
    page = await asyncio.to_thread(archive_of(request).agreements, wanted)
    following = wanted.offset + len(page.items)
    return _json(
        {
            "items": page.items,
            "total": page.total,
            "limit": wanted.limit,
            "offset": wanted.offset,
            "next_offset": following if page.next_cursor is not None and wanted.after is None else None,
            "next_cursor": page.next_cursor.encode() if page.next_cursor is not None else None,
        }
    )


async def archived_agreement(request: web.Request) -> dict[str, Any] | None:
    """The agreement of ``/api/v1/agreements/{id}`` from the archive, if there is one and it holds it."""
    archive = request.app.get(ARCHIVE)
    if archive is None:
        return None
    return await asyncio.to_thread(archive.agreement, request.match_info["id"])


async def search(request: web.Request) -> web.Response:
    """``GET /api/v1/search``: articles matching every word, best first, each with a marked snippet."""
    wanted = query.search_query(request.query)
    hits = await asyncio.to_thread(archive_of(request).search, wanted)
    return _json({"query": wanted.text, "items": [hit.as_dict() for hit in hits]})


async def article(request: web.Request) -> web.Response:
    """``GET /api/v1/articles/{id}``: title, body, countries with spans, agreements with evidence spans."""
    view = await asyncio.to_thread(archive_of(request).article, request.match_info["id"])
    if view is None:
        raise web.HTTPNotFound(reason="no archived article with this id")
    return _json(view)


async def export_csv(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/export/agreements.csv``: one row per matching agreement, streamed page by page."""
    return await _export(request, "text/csv", "agreements.csv", _csv_chunk, _csv_header())


async def export_jsonl(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/export/agreements.jsonl``: one full agreement document per line."""
    return await _export(
        request, "application/x-ndjson", "agreements.jsonl", lambda docs: b"".join(map(jsonl_line, docs)), b""
    )


def _csv_header() -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(CSV_COLUMNS)
    return out.getvalue().encode()


def _csv_chunk(docs: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(csv_row(doc) for doc in docs)
    return out.getvalue().encode()


Chunk = Callable[[list[dict[str, Any]]], bytes]


async def _export(
    request: web.Request, content_type: str, name: str, chunk: Chunk, header: bytes
) -> web.StreamResponse:
    """Stream every matching agreement, newest first; filters as ``/api/v1/agreements``, no paging."""
    archive = archive_of(request)
    wanted = replace(query.agreement_query(request.query), limit=EXPORT_PAGE, offset=0, after=None)
    response = web.StreamResponse(
        headers={
            "Content-Type": f"{content_type}; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{name}"',
        }
    )
    await response.prepare(request)
    await response.write(header)
    page_query: AgreementQuery | None = wanted
    while page_query is not None:
        page = await asyncio.to_thread(archive.agreements, page_query)
        await response.write(chunk(page.items))
        page_query = replace(wanted, after=page.next_cursor) if page.next_cursor is not None else None
    await response.write_eof()
    return response


def add_history_routes(app: web.Application, archive: SqlArchive | None) -> None:
    """Mount the archive's routes (``/api/v1/agreements`` itself is routed in ``routes``)."""
    app[ARCHIVE] = archive
    app.router.add_get("/api/v1/search", search)
    app.router.add_get("/api/v1/articles/{id}", article)
    app.router.add_get("/api/v1/export/agreements.csv", export_csv)
    app.router.add_get("/api/v1/export/agreements.jsonl", export_jsonl)
