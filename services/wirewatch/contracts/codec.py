"""JSON codec on orjson: bytes on the wire, plain dicts in memory."""

from __future__ import annotations

from typing import Any

import orjson

from wirewatch.core.errors import ErrorKind, WirewatchError


class DecodeError(WirewatchError, ValueError):
    """The bytes are not a JSON object."""

    kind = ErrorKind.NOT_JSON


def encode(document: dict[str, Any]) -> bytes:
    """Serialise a document to compact UTF-8 JSON (keys in insertion order)."""
    return orjson.dumps(document)


def decode(data: bytes | None) -> dict[str, Any]:
    """Parse bytes into a JSON object; ``DecodeError`` for anything else."""
    if data is None:
        raise DecodeError("the message has no value")
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise DecodeError(f"expected a JSON object, got {type(value).__name__}")
    return value
