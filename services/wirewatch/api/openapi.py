"""The OpenAPI 3.1 description of the API, served at ``/openapi.json``.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the topic schemas in ``schemas/`` are reused as
they are for the event documents.
"""

from __future__ import annotations

import functools
from typing import Any

from wirewatch.api.query import MAX_LIMIT, RELATION_WINDOWS
from wirewatch.contracts.aggregates import AGREEMENT_STATUSES, AGREEMENT_TYPES
from wirewatch.contracts.schemas import validator


def _param(name: str, description: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


_COUNTRY = {"type": "string", "pattern": "^(?:[A-Za-z]{3}|ORG:[A-Za-z0-9_-]+)$", "examples": ["RUS"]}
_LIMIT = _param("limit", "Page size", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50})
_ERRORS = {"400": {"$ref": "#/components/responses/BadRequest"}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def _agreement_filters() -> list[dict[str, Any]]:
    return [
        _param("country", "ISO 3166-1 alpha-3 code (any case) or ORG:NAME among the parties", _COUNTRY),
        _param("type", "Agreement type", {"enum": list(AGREEMENT_TYPES)}),
        _param("status", "Agreement status", {"enum": list(AGREEMENT_STATUSES)}),
        _param("since", "Only agreements last seen at or after this RFC 3339 time", {"type": "string"}),
    ]


def _agreements_paths() -> dict[str, Any]:
    agreement = {"$ref": "#/components/schemas/Agreement"}
    offset = _param("offset", "Items to skip", {"type": "integer", "minimum": 0, "default": 0})
    cursor = _param("cursor", "The next_cursor of the previous page (keyset: stable at any depth)", {"type": "string"})
    until = _param("until", "Only agreements last seen before this RFC 3339 time", {"type": "string"})
    page = _object(
        items={"type": "array", "items": agreement},
        total={"type": "integer"},
        limit={"type": "integer"},
        offset={"type": "integer"},
        next_offset={"type": ["integer", "null"]},
        next_cursor={"type": ["string", "null"], "description": "Pass as cursor for the next page (archive only)"},
    )
    by_id = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        "/api/v1/agreements": {
            "get": {
                "summary": "Agreements, most recently seen first: the archive's whole history (else the live store)",
                "parameters": [*_agreement_filters(), until, _LIMIT, offset, cursor],
                "responses": {"200": _ok("One page", page), **_ERRORS},
            }
        },
        "/api/v1/agreements/{id}": {
            "get": {
                "summary": "One agreement",
                "parameters": by_id,
                "responses": {"200": _ok("The agreement", agreement), "404": {"$ref": "#/components/responses/Error"}},
            }
        },
    }


def _archive_paths() -> dict[str, Any]:
    hit = _object(
        id={"type": "string"},
        lang={"type": ["string", "null"]},
        title={"type": "string"},
        published={"type": ["string", "null"]},
        url={"type": ["string", "null"]},
        snippet={"type": "string", "description": "HTML-escaped text, matches in <mark>"},
        score={"type": "number"},
        match={
            "enum": ["word", "prefix", "infix"],
            "description": "Best first: the words as written; words they start; inside a longer word (a compound)",
        },
    )
    search = [
        _param("q", "Words to find (all of them; case and diacritics ignored)", {"type": "string"}, required=True),
        _param("lang", "ISO 639-1 language of the article", {"type": "string", "examples": ["de"]}),
        _param("country", "Only articles mentioning this country", _COUNTRY),
        _param("since", "Only articles published (else fetched) at or after this RFC 3339 time", {"type": "string"}),
        _param("limit", "How many", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
    ]
    unavailable = {"503": {"$ref": "#/components/responses/Error"}}
    export = {"get": {"parameters": [*_agreement_filters()], "responses": {**_ERRORS, **unavailable}}}
    by_id = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        "/api/v1/search": {
            "get": {
                "summary": "Full-text search over archived articles, best first",
                "parameters": search,
                "responses": {
                    "200": _ok("Hits", _object(query={"type": "string"}, items={"type": "array", "items": hit})),
                    **_ERRORS,
                    **unavailable,
                },
            }
        },
        "/api/v1/articles/{id}": {
            "get": {
                "summary": "One archived article: text, countries with spans, agreements with evidence spans",
                "parameters": by_id,
                "responses": {
                    "200": _ok("The article", {"$ref": "#/components/schemas/Article"}),
                    "404": {"$ref": "#/components/responses/Error"},
                    **unavailable,
                },
            }
        },
        "/api/v1/export/agreements.csv": _export(export, "text/csv", "One row per agreement, with a header"),
        "/api/v1/export/agreements.jsonl": _export(export, "application/x-ndjson", "One agreement document a line"),
    }


def _export(base: dict[str, Any], media: str, description: str) -> dict[str, Any]:
    get = dict(base["get"])
    get["summary"] = f"Every matching agreement as {media}, newest first"
    get["responses"] = {"200": {"description": description, "content": {media: {}}}, **get["responses"]}
    return {"get": get}


def _article_schema() -> dict[str, Any]:
    """The article view: the tagged article's text and its tags (spans index into title or body)."""
    tagged = validator("tagged-article.v1").schema
    properties = {k: tagged["properties"][k] for k in ("id", "title", "body", "lang", "published", "url")}
    for name in ("countries", "organisations", "agreements"):
        properties[name] = tagged["properties"][name]
    schema: dict[str, Any] = {"type": "object", "required": ["id", "title", "body"], "properties": properties}
    if "$defs" in tagged:
        schema["$defs"] = tagged["$defs"]
    return schema


def _countries_path() -> dict[str, Any]:
    row = _object(country={"type": "string"}, articles={"type": "integer"}, in_focus={"type": "integer"})
    counts = _object(
        window_seconds={"type": "number"}, total={"type": "integer"}, items={"type": "array", "items": row}
    )
    window = _param("window", "Duration: 90m, 24h, 7d (at most 30d)", {"type": "string", "default": "24h"})
    return {
        "get": {
            "summary": "Articles per country over a window ending now",
            "parameters": [window, _LIMIT],
            "responses": {"200": _ok("Counts, most articles first", counts), **_ERRORS},
        }
    }


def _relations_path() -> dict[str, Any]:
    events = {"type": "array", "items": {"$ref": "#/components/schemas/RelationEvent"}}
    return {
        "get": {
            "summary": "Closed relation windows involving a country, newest first",
            "parameters": [
                _param("country", "ISO 3166-1 alpha-3 code", _COUNTRY, required=True),
                _param("window", "Window size", {"enum": list(RELATION_WINDOWS)}),
                _LIMIT,
            ],
            "responses": {"200": _ok("Relation events", _object(country={"type": "string"}, items=events)), **_ERRORS},
        }
    }


def _pairs_path() -> dict[str, Any]:
    row = _object(
        countries={"type": "array", "items": {"type": "string"}},
        agreements={"type": "integer"},
        articles={"type": "integer"},
    )
    return {
        "get": {
            "summary": "Top country pairs by agreements, then by articles in daily windows",
            "parameters": [_param("limit", "How many", {"type": "integer", "minimum": 1, "maximum": 100})],
            "responses": {"200": _ok("Pairs", _object(items={"type": "array", "items": row})), **_ERRORS},
        }
    }


def _stream_path() -> dict[str, Any]:
    return {
        "get": {
            "summary": "Server-Sent Events: `event: agreement` with the merged agreement as data",
            "parameters": _agreement_filters(),
            "responses": {
                "200": {"description": "An endless event stream", "content": {"text/event-stream": {}}},
                **_ERRORS,
            },
        }
    }


def _paths() -> dict[str, Any]:
    return {
        **_agreements_paths(),
        **_archive_paths(),
        "/api/v1/countries": _countries_path(),
        "/api/v1/relations": _relations_path(),
        "/api/v1/pairs": _pairs_path(),
        "/api/v1/stream": _stream_path(),
    }


def _agreement_schema() -> dict[str, Any]:
    """The agreement event schema, plus what the API merges in (evidence per report)."""
    schema = dict(validator("agreement-event.v1").schema)
    properties = dict(schema["properties"])
    properties["evidences"] = {
        "type": "array",
        "description": "One evidence sentence per reporting article, in its language",
        "items": {"type": "object"},
    }
    schema["properties"] = properties
    schema.pop("$id", None)
    schema.pop("$schema", None)
    return schema


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI document (built once)."""
    relation = {k: v for k, v in validator("relation-event.v1").schema.items() if not k.startswith("$")}
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {
                    "status": {"type": "integer"},
                    "message": {"type": "string"},
                    "parameter": {"type": "string"},
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wirewatch API",
            "version": "1",
            "description": (
                "Agreements between states, country counts and country-pair relations, live from Kafka; "
                "their history, full-text search over articles and exports from the archive."
            ),
        },
        "paths": _paths(),
        "components": {
            "schemas": {
                "Agreement": _agreement_schema(),
                "Article": _article_schema(),
                "RelationEvent": relation,
                "Error": error,
            },
            "responses": {
                "BadRequest": _ok("A parameter is missing or invalid", {"$ref": "#/components/schemas/Error"}),
                "Error": _ok("An error", {"$ref": "#/components/schemas/Error"}),
            },
        },
    }
