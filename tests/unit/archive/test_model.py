"""Cursors and migration ordering (``archive/model.py``, ``archive/migrations.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.archive import postgres, sqlite
from wirewatch.archive.migrations import Migration, MigrationError, pending
from wirewatch.archive.model import Cursor, CursorError


@given(st.floats(allow_nan=False, allow_infinity=False), st.text())
def test_a_cursor_survives_its_token(seen: float, agreement_id: str) -> None:
    assert Cursor.decode(Cursor(seen, agreement_id).encode()) == Cursor(seen, agreement_id)


@pytest.mark.parametrize("token", ["", "!!!", "bm90IGEgY3Vyc29y"])
def test_a_foreign_token_is_refused(token: str) -> None:
    with pytest.raises(CursorError):
        Cursor.decode(token)


def test_pending_runs_what_is_missing_in_order_and_refuses_a_newer_database() -> None:
    steps = [Migration(1, "a", ()), Migration(2, "b", ())]
    assert [m.version for m in pending([], steps)] == [1, 2]
    assert [m.version for m in pending([1], steps)] == [2]
    with pytest.raises(MigrationError, match="upgrade"):
        pending([1, 2, 3], steps)
    with pytest.raises(MigrationError, match="order"):
        pending([], [Migration(2, "b", ()), Migration(1, "a", ())])


def test_both_backends_have_the_same_schema_versions() -> None:
    assert [m.version for m in sqlite.MIGRATIONS] == [m.version for m in postgres.MIGRATIONS]
