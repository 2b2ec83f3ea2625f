"""The supervisor restarts a child that dies and stops every child on request."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from wirewatch.runtime.supervisor import ChildSpec, Supervisor


def _script(tmp_path: Path, name: str, body: str) -> tuple[str, ...]:
    path = tmp_path / f"{name}.py"
    path.write_text(body, encoding="utf-8")
    return (sys.executable, str(path))


async def test_restarts_a_dying_child_and_stops_all(tmp_path: Path) -> None:
    counter = tmp_path / "starts"
    dies = _script(tmp_path, "dies", f"open({str(counter)!r}, 'a').write('x')\nraise SystemExit(3)\n")
    stays = _script(tmp_path, "stays", "import time\nprint('up', flush=True)\ntime.sleep(60)\n")
    supervisor = Supervisor([ChildSpec("dies", dies), ChildSpec("stays", stays)], {}, grace=5, max_restarts=50)
    task = asyncio.create_task(supervisor.run())
    await asyncio.sleep(3.5)  # first start + restarts after 1 s and 2 s of backoff
    supervisor.request_stop()
    await asyncio.wait_for(task, 10)
    assert counter.read_text().count("x") >= 2


async def test_a_child_that_ignores_sigterm_is_killed_after_the_grace(tmp_path: Path) -> None:
    stubborn = _script(
        tmp_path,
        "stubborn",
        "import signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n",
    )
    supervisor = Supervisor([ChildSpec("stubborn", stubborn)], {}, grace=1)
    task = asyncio.create_task(supervisor.run())
    await asyncio.sleep(1.0)
    supervisor.request_stop()
    await asyncio.wait_for(task, 10)  # would hang for 60 s without the SIGKILL


async def test_a_child_that_keeps_failing_stops_everything(tmp_path: Path) -> None:
    fails = _script(tmp_path, "fails", "raise SystemExit(1)\n")
    supervisor = Supervisor([ChildSpec("fails", fails)], {}, grace=1, max_restarts=2)
    await asyncio.wait_for(supervisor.run(), 20)
