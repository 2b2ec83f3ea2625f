"""Versioned schema migrations: each backend lists its own, in order; the database records which ran.

A migration is a version number, a one-line reason and its statements. ``schema_migrations``
holds one row per version applied; opening an archive applies the missing ones in order, each in
its own transaction, so a failed migration leaves the database at the previous version. Never edit
a migration that has shipped: add the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirewatch.core.errors import ConfigurationError


class MigrationError(ConfigurationError, RuntimeError):
    """The database is at a version this code does not know (it is newer than the code)."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema."""

    version: int
    reason: str
    statements: tuple[str, ...]


CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, reason TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)"
)


def pending(applied: Sequence[int], migrations: Sequence[Migration]) -> list[Migration]:
    """The migrations still to run, in order; ``MigrationError`` if the database knows more than the code."""
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)):
        raise MigrationError(f"migrations out of order or repeated: {versions}")
    unknown = sorted(set(applied) - set(versions))
    if unknown:
        raise MigrationError(f"the database has schema versions {unknown} this code does not know; upgrade Wirewatch")
    done = set(applied)
    return [m for m in migrations if m.version not in done]
