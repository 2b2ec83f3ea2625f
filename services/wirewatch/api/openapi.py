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
    page = _object(
        items={"type": "array", "items": agreement},
        total={"type": "integer"},
        limit={"type": "integer"},
        offset={"type": "integer"},
        next_offset={"type": ["integer", "null"]},
    )
    by_id = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        "/api/v1/agreements": {
            "get": {
                "summary": "Recent agreements, most recently seen first",
                "parameters": [*_agreement_filters(), _LIMIT, offset],
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
            "description": "Agreements between states, country counts and country-pair relations, live from Kafka.",
        },
        "paths": _paths(),
        "components": {
            "schemas": {"Agreement": _agreement_schema(), "RelationEvent": relation, "Error": error},
            "responses": {
                "BadRequest": _ok("A parameter is missing or invalid", {"$ref": "#/components/schemas/Error"}),
                "Error": _ok("An error", {"$ref": "#/components/schemas/Error"}),
            },
        },
    }
