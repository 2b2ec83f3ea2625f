"""The Faust app factory's side effects on disk: a worker must start in a fresh directory."""

from __future__ import annotations

import pytest

from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Outcome, Output
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.faust_app import MAX_MESSAGE_BYTES, ensure_datadir, make_faust_app, sized_outputs
from wirewatch.runtime.metrics import Stage
from wirewatch.runtime.settings import Settings

NOW = "2026-01-01T00:00:00.000Z"


def test_a_worker_in_a_fresh_directory_gets_the_parents_of_its_data_directory(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the data directory is relative to the working directory, as in a container
    app = make_faust_app(Settings(bootstrap_servers="127.0.0.1:1"), Stage.CLEANER)
    datadir = ensure_datadir(app)
    assert not datadir.is_absolute() and (tmp_path / datadir).parent.is_dir()
    (tmp_path / datadir).mkdir(exist_ok=True)  # what Faust does next: no FileNotFoundError any more


def _outcome(body_chars: int) -> Outcome:
    doc = {"id": "a", "body": "x" * body_chars}
    return Outcome((Output(Topic.TAGGED, b"a", doc),))


def test_outputs_the_broker_takes_are_sent_as_they_are() -> None:
    kind, records = sized_outputs(_outcome(10), Stage.TAGGER, b"{}", Origin("articles.clean", 0, 7, b"a"), "now")
    assert kind is None
    assert [(out.topic, data) for out, data in records] == [(Topic.TAGGED, b'{"id":"a","body":"xxxxxxxxxx"}')]


def test_an_output_larger_than_the_broker_takes_becomes_one_dead_letter() -> None:
    """Found by the running-worker fuzz test: a 12 MB tagged document crashed the tagger's agent."""
    original = b"y" * (3 * 1024 * 1024)
    kind, records = sized_outputs(
        _outcome(MAX_MESSAGE_BYTES), Stage.TAGGER, original, Origin("articles.clean", 0, 7, b"a"), NOW
    )
    assert kind == "output_too_large"
    [(letter, data)] = records
    assert letter.topic is Topic.DEADLETTER and letter.key == b"a"
    validate("deadletter.v1", letter.document)
    assert letter.document["error_kind"] == "output_too_large" and letter.document["truncated"] is True
    assert len(data) < MAX_MESSAGE_BYTES


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

    from wirewatch.runtime.faust_app import EXIT_UNDELIVERED

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
