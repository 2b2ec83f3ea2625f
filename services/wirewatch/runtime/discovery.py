"""Where the running ``wirewatch run`` serves its broker: a file in the data directory.

``wirewatch run`` writes ``broker.json`` (the bootstrap address and its process id) once its
topics exist, and removes it when it stops. ``ingest``, ``tail``, ``topics`` and the single-service
commands read it when ``KAFKA_BOOTSTRAP_SERVERS`` is unset, so a new user need not copy the address
by hand. A file whose process is gone (a run killed with SIGKILL) is ignored, not trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

FILE_NAME = "broker.json"


def address_file(data_dir: str) -> Path:
    """The file ``wirewatch run`` writes in ``data_dir``."""
    return Path(data_dir) / FILE_NAME


def write_address(data_dir: str, bootstrap: str, pid: int) -> Path:
    """Record ``bootstrap`` for process ``pid`` (written whole, then renamed: a reader never sees half)."""
    path = address_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps({"bootstrap": bootstrap, "pid": pid}), encoding="utf-8")
    partial.replace(path)
    return path


def read_address(data_dir: str) -> str | None:
    """The address a live ``wirewatch run`` recorded in ``data_dir``; None if none, unreadable or stale."""
    try:
        recorded = json.loads(address_file(data_dir).read_text(encoding="utf-8"))
        bootstrap, pid = str(recorded["bootstrap"]), int(recorded["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return bootstrap if _alive(pid) else None


def remove_address(data_dir: str, pid: int) -> None:
    """Remove the file if process ``pid`` wrote it (another run may have replaced it since)."""
    path = address_file(data_dir)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if int(json.loads(path.read_text(encoding="utf-8"))["pid"]) == pid:
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True
