"""The Faust helpers the aggregator runs on: a fresh data directory, batches finished before an ack."""

from __future__ import annotations

import pytest

from wirewatch.runtime.faust_app import ensure_datadir, make_faust_app
from wirewatch.runtime.metrics import Stage
from wirewatch.runtime.settings import Settings


def test_a_worker_in_a_fresh_directory_gets_the_parents_of_its_data_directory(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the data directory is relative to the working directory, as in a container
    app = make_faust_app(Settings(bootstrap_servers="127.0.0.1:1"), Stage.CLEANER)
    datadir = ensure_datadir(app)
    assert not datadir.is_absolute() and (tmp_path / datadir).parent.is_dir()
    (tmp_path / datadir).mkdir(exist_ok=True)  # what Faust does next: no FileNotFoundError any more


async def test_a_cancelled_batch_is_finished_before_the_cancellation_propagates() -> None:
    import asyncio

    from wirewatch.runtime.faust_app import complete_batch

    done: list[str] = []

    async def batch() -> None:
        await asyncio.sleep(0.2)
        done.append("delivered")

    agent = asyncio.create_task(complete_batch(batch()))
    await asyncio.sleep(0.05)
    agent.cancel()
    with pytest.raises(asyncio.CancelledError):
        await agent
    assert done == ["delivered"]  # Faust acks the batch only after this point


def test_a_batch_that_cannot_be_delivered_ends_the_process_before_any_ack(tmp_path) -> None:
    import subprocess
    import sys

    from wirewatch.runtime.fatal import EXIT_UNDELIVERED

    script = tmp_path / "fail.py"
    script.write_text(
        "import asyncio\n"
        "from wirewatch.runtime.faust_app import complete_batch\n"
        "async def batch():\n"
        "    raise ConnectionError('broker gone')\n"
        "async def agent():\n"
        "    await complete_batch(batch())\n"
        "    print('acked', flush=True)\n"
        "asyncio.run(agent())\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=60, check=False)
    assert result.returncode == EXIT_UNDELIVERED
    assert b"acked" not in result.stdout
    assert b"broker gone" in result.stderr
