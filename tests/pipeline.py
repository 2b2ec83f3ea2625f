"""Run the whole pipeline (``wirewatch run``) as a subprocess on free loopback ports, for downstream tests.

The supervisor gets SIGTERM at the end and stops its children and the embedded broker itself;
a pipeline that does not stop in time is killed, and the test says so.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

SERVICES = ("clean", "tag", "scrape", "aggregate", "archive")  # offsets 0..4 from the metrics base port


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port_run(count: int) -> int:
    """The first of ``count`` consecutive ports that are free right now."""
    for _ in range(200):
        base = random.randint(20_000, 60_000 - count)
        if all(_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no run of free ports found")


@dataclass
class Pipeline:
    """A running ``wirewatch run`` and where to reach it."""

    process: subprocess.Popen[bytes]
    broker_port: int
    api_port: int
    metrics_base_port: int
    log: Path

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.broker_port}"

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def metrics_port(self, service: str) -> int:
        return self.api_port if service == "api" else self.metrics_base_port + SERVICES.index(service)

    def targets(self) -> list[str]:
        return [f"127.0.0.1:{self.metrics_port(s)}" for s in (*SERVICES, "api")]

    def wait_ready(self, timeout: float = 90.0) -> None:
        """Wait until every service answers /readyz with 200 (Faust workers: partitions assigned)."""
        deadline = time.monotonic() + timeout
        pending = {*SERVICES, "api"}
        while pending and time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"wirewatch run exited: {self.log.read_text()[-3000:]}")
            for service in sorted(pending):
                try:
                    if httpx.get(f"http://127.0.0.1:{self.metrics_port(service)}/readyz", timeout=1).status_code == 200:
                        pending.discard(service)
                except httpx.HTTPError:
                    pass
            time.sleep(0.3)
        if pending:
            raise TimeoutError(f"not ready: {pending}\n{self.log.read_text()[-3000:]}")

    def ingest(self, *paths: Path) -> str:
        """``wirewatch ingest`` the paths; returns its summary line."""
        result = subprocess.run(
            [sys.executable, "-m", "wirewatch.cli", "ingest", *map(str, paths)],
            env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stderr.strip().splitlines()[-1]


@contextmanager
def running_pipeline(tmp_path: Path, **env: str) -> Iterator[Pipeline]:
    """Start ``wirewatch run`` with free ports and ``env``; stop it (and check it stopped) afterwards."""
    base = free_port_run(len(SERVICES))
    broker_port, api_port = free_port_run(1), free_port_run(1)
    log = tmp_path / "wirewatch-run.log"
    environment = {
        **{k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"},
        "WIREWATCH_BROKER_PORT": str(broker_port),
        "WIREWATCH_API_PORT": str(api_port),
        "WIREWATCH_METRICS_BASE_PORT": str(base),
        "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
        "PYTHONUNBUFFERED": "1",
        **env,
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "wirewatch.cli", "run"],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            yield Pipeline(process, broker_port, api_port, base, log)
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(40)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise AssertionError("wirewatch run did not stop within 40 s of SIGTERM") from None
