"""The supervisor restarts a child that dies and stops every child on request."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from wirewatch.runtime.supervisor import ChildSpec, Supervisor


def _script(tmp_path: Path, name: str, body: str) -> tuple[str, ...]:
    path = tmp_path / f"{name}.py"
    path.write_text(body, encoding="utf-8")
    return (sys.executable, str(path))


def _marks(path: Path) -> str:
    return path.read_text() if path.exists() else ""


async def _wait_for(path: Path, count: int = 1, timeout: float = 30.0) -> str:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        text = await asyncio.to_thread(_marks, path)
        if text.count("x") >= count:
            return text
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} did not reach {count} mark(s) in {timeout}s")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_restarts_a_dying_child_and_stops_all(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    dies = _script(tmp_path, "dies", f"open({str(starts)!r}, 'a').write('x')\nraise SystemExit(3)\n")
    stays = _script(tmp_path, "stays", "import time\ntime.sleep(60)\n")
    supervisor = Supervisor([ChildSpec("dies", dies), ChildSpec("stays", stays)], {}, grace=5, max_restarts=50)
    task = asyncio.create_task(supervisor.run())
    await _wait_for(starts, count=2)  # started, died, restarted after the backoff
    supervisor.request_stop()
    await asyncio.wait_for(task, 10)


async def test_a_child_that_ignores_sigterm_is_killed_after_the_grace(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    stubborn = _script(
        tmp_path,
        "stubborn",
        "import os, signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"open({str(ready)!r}, 'w').write('x' + str(os.getpid()))\n"
        "time.sleep(60)\n",
    )
    supervisor = Supervisor([ChildSpec("stubborn", stubborn)], {}, grace=1)
    task = asyncio.create_task(supervisor.run())
    pid = int((await _wait_for(ready))[1:])
    supervisor.request_stop()
    await asyncio.wait_for(task, 10)  # would take 60 s without the SIGKILL
    assert not _alive(pid)


async def test_a_very_long_output_line_does_not_stop_supervision(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    noisy = _script(
        tmp_path,
        "noisy",
        f"print('y' * 300_000, flush=True)\nopen({str(starts)!r}, 'a').write('x')\nraise SystemExit(1)\n",
    )
    supervisor = Supervisor([ChildSpec("noisy", noisy)], {}, grace=1, max_restarts=50)
    task = asyncio.create_task(supervisor.run())
    await _wait_for(starts, count=2)  # the keeper survived the 300 kB line and restarted the child
    supervisor.request_stop()
    await asyncio.wait_for(task, 10)


async def test_a_child_that_keeps_failing_stops_everything(tmp_path: Path) -> None:
    fails = _script(tmp_path, "fails", "raise SystemExit(1)\n")
    supervisor = Supervisor([ChildSpec("fails", fails)], {}, grace=1, max_restarts=2)
    await asyncio.wait_for(supervisor.run(), 20)
