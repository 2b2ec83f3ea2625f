"""The archive: articles and events kept in a database, searchable, for history the topics do not keep.

A store layer without Kafka or asyncio: ``open_archive(url)`` gives an archive over SQLite (the
default, a file in ``WIREWATCH_DATA_DIR``) or PostgreSQL (``WIREWATCH_DATABASE_URL=postgresql://…``);
both answer the same calls (``ingest``, ``agreements``, ``search``, ``article``, ``prune``, …), and one
test suite runs on both. The ``wirewatch archive`` service feeds it; the API reads it.
"""

from __future__ import annotations

from wirewatch.archive.base import ARCHIVED_TOPICS, SqlArchive
from wirewatch.archive.model import (
    AgreementPage,
    AgreementQuery,
    Counts,
    Cursor,
    CursorError,
    SearchHit,
    SearchQuery,
    Written,
)

__all__ = [
    "ARCHIVED_TOPICS",
    "AgreementPage",
    "AgreementQuery",
    "Counts",
    "Cursor",
    "CursorError",
    "SearchHit",
    "SearchQuery",
    "SqlArchive",
    "Written",
    "open_archive",
]


def open_archive(url: str) -> SqlArchive:
    """Open (creating and migrating as needed) the archive at ``url``: ``sqlite:///path`` or ``postgresql://…``."""
    if url.startswith(("postgresql://", "postgres://")):
        from wirewatch.archive.postgres import PostgresArchive  # psycopg is imported only when used

        return PostgresArchive(url)
    if url.startswith("sqlite:///"):
        from wirewatch.archive.sqlite import SQLiteArchive

        return SQLiteArchive(url.removeprefix("sqlite:///") or ":memory:")
    raise ValueError(f"unsupported archive URL {url!r}: use sqlite:///path or postgresql://…")
