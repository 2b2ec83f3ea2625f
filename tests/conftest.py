"""Fixtures shared by every test layer.

``shared_dir`` finds the project's shared material (seeds, gold labels, benchmark) beside
the checkout; ``WIREWATCH_SHARED`` overrides it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder; tests that need it fail loudly when it is missing."""
    path = _shared()
    if not (path / "seeds").is_dir():
        pytest.fail(f"shared material not found at {path}; set WIREWATCH_SHARED")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five seed articles."""
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold(shared_dir: Path) -> dict[str, Any]:
    """Gold labels of the seeds, keyed by file name."""
    data = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    return {a["file"]: a for a in data["articles"]}


@pytest.fixture(scope="session")
def postgres_server() -> Any:
    """One PostgreSQL server for the session (``tests.postgres_server``); skips when it is not installed."""
    from tests.postgres_server import running_postgres

    server = running_postgres()
    first = next(server)
    if isinstance(first, str):
        pytest.skip(first)
    yield first
    next(server, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty archive on each backend: the archive's contract suite runs on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    server = request.getfixturevalue("postgres_server")
    return str(server.new_database())
