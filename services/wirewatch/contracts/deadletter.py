"""Dead-letter records: what failed, where, why, and the original bytes."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from wirewatch.core.errors import ErrorKind

#: Originals longer than this are truncated in the dead letter (1 MiB).
ORIGINAL_LIMIT = 1 << 20


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a failed message came from (all optional: ingest has no topic)."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: bytes | None = None


def dead_letter(
    stage: str,
    error_kind: ErrorKind,
    message: str,
    original: bytes,
    origin: Origin,
    at: str,
    article_id: str | None = None,
) -> dict[str, Any]:
    """Build a dead-letter document; the original is base64 and cut at ``ORIGINAL_LIMIT`` bytes."""
    kept = original[:ORIGINAL_LIMIT]
    return {
        "stage": stage,
        "error_kind": error_kind,
        "message": message[:2000],
        "topic": origin.topic,
        "partition": origin.partition,
        "offset": origin.offset,
        "key_b64": base64.b64encode(origin.key).decode() if origin.key is not None else None,
        "original_b64": base64.b64encode(kept).decode(),
        "original_size": len(original),
        "truncated": len(original) > ORIGINAL_LIMIT,
        "at": at,
        "article_id": article_id,
    }
