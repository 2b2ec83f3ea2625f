"""A throwaway PostgreSQL server for tests, from Debian's ``postgresql`` package (no service manager).

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port, one fresh database per test.
PostgreSQL refuses to run as root, so under root the server runs as the ``postgres`` user the
package creates. Tests skip (with the reason) only when the binaries are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.kafka_helpers import free_port


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<n>/bin`` holding initdb, or the folder of ``initdb`` on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


@dataclass
class PostgresServer:
    """A running server; ``url(name)`` of a database on it."""

    bin_dir: Path
    root: Path
    port: int
    _counter: int = 0

    def _run(self, *argv: str) -> None:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        data = self.root / "data"
        self._run("initdb", "-D", str(data), "-U", "wirewatch", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://wirewatch@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh empty database's URL."""
        import psycopg

        self._counter += 1
        name = f"test_{os.getpid()}_{self._counter}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def running_postgres() -> Iterator[PostgresServer | str]:
    """Yield a started server, or the reason there is none (for ``pytest.skip``)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        yield "PostgreSQL binaries not found (apt-get install postgresql, or `make system-deps` as root)"
        return
    root = Path(tempfile.mkdtemp(prefix="wirewatch-pg-"))  # under /tmp: the postgres user must reach it
    server = PostgresServer(bin_dir, root, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
