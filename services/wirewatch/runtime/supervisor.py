"""Run several service processes under one supervisor (``wirewatch run``).

Each service is a child process (``wirewatch clean``, ``wirewatch tag``, …), so the stages
use both cores and behave exactly as they do when scaled out one per host. The supervisor
prefixes their output with the service name, restarts a child that dies (with backoff, at
most ``max_restarts`` times a minute), and on SIGINT or SIGTERM stops them all: SIGTERM
first, SIGKILL after ``grace`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChildSpec:
    """A service to run: its name, command line and extra environment."""

    name: str
    argv: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)


class Supervisor:
    """Start children, keep them running, stop them all on request."""

    def __init__(
        self, children: list[ChildSpec], base_env: dict[str, str], grace: float = 15.0, max_restarts: int = 5
    ) -> None:
        self._children = children
        self._base_env = base_env
        self._grace = grace
        self._max_restarts = max_restarts
        self._procs: dict[str, asyncio.subprocess.Process] = {}
        self._stopping = asyncio.Event()

    def request_stop(self) -> None:
        """Ask every child to stop (idempotent)."""
        self._stopping.set()

    async def _pump(self, name: str, stream: asyncio.StreamReader | None) -> None:
        """Copy a child's output, prefixed, line by line; lines of any length (a traceback with a
        huge message must not kill the pump, or the child blocks on a full pipe)."""
        if stream is None:
            return
        width = max(len(c.name) for c in self._children)
        pending = b""
        while chunk := await stream.read(1 << 16):
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                self._write(name, width, line)
        if pending:
            self._write(name, width, pending)

    @staticmethod
    def _write(name: str, width: int, line: bytes) -> None:
        sys.stdout.write(f"{name:<{width}} | {line.decode('utf-8', 'replace').rstrip()}\n")
        sys.stdout.flush()

    async def _keep_running(self, spec: ChildSpec) -> None:
        restarts: deque[float] = deque(maxlen=self._max_restarts)
        delay = 1.0
        while not self._stopping.is_set():
            proc = await asyncio.create_subprocess_exec(
                *spec.argv,
                env={**self._base_env, **spec.env},
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
                stdin=asyncio.subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C reaches the supervisor only; it stops the children in order
            )
            self._procs[spec.name] = proc
            if self._stopping.is_set():  # stop was requested while this child was starting
                proc.send_signal(signal.SIGTERM)
            pump = asyncio.create_task(self._pump(spec.name, proc.stdout))
            code = await proc.wait()
            await pump
            if self._stopping.is_set():
                return
            now = time.monotonic()
            restarts.append(now)
            if len(restarts) == self._max_restarts and now - restarts[0] < 60:
                log.error("%s exited %s and keeps failing; stopping everything", spec.name, code)
                self.request_stop()
                return
            log.warning("%s exited with %s; restarting in %.0fs", spec.name, code, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)
            delay = min(delay * 2, 30.0)

    async def _terminate_all(self) -> None:
        await asyncio.sleep(0)  # let a keeper that is spawning right now register its child
        alive = [p for p in self._procs.values() if p.returncode is None]
        for proc in alive:
            proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.gather(*(p.wait() for p in alive)), self._grace)
        except TimeoutError:
            for proc in alive:
                if proc.returncode is None:
                    log.warning("pid %s did not stop in %.0fs; killing it", proc.pid, self._grace)
                    proc.kill()
            await asyncio.gather(*(p.wait() for p in alive))

    async def run(self) -> None:
        """Run until ``request_stop`` (or a signal); returns when every child has exited."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_stop)
        keepers = [asyncio.create_task(self._keep_running(spec)) for spec in self._children]
        await self._stopping.wait()
        await self._terminate_all()
        await asyncio.gather(*keepers, return_exceptions=True)
