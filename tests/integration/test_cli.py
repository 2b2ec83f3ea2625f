"""The CLI commands against a real broker: broker, topics, ingest, tail."""

from __future__ import annotations

import os
import signal
import time
import uuid

import orjson

from tests.kafka_helpers import consume_until, free_port, produce, spawn_wirewatch, wirewatch


def test_topics_lists_prefixed_names_and_creates_them(broker) -> None:
    prefix = f"t{uuid.uuid4().hex[:6]}."
    env = {"KAFKA_BOOTSTRAP_SERVERS": broker, "WIREWATCH_TOPIC_PREFIX": prefix}
    result = wirewatch("topics", "--create", env=env)
    assert result.returncode == 0, result.stderr.decode()
    names = result.stdout.decode().split()
    assert names[0] == f"{prefix}articles.raw" and f"{prefix}deadletter" in names
    assert b"created 9 topic(s)" in result.stderr  # seven pipeline topics, agreement reports, scraper.seen
    again = wirewatch("topics", "--create", env=env)
    assert b"created 0 topic(s)" in again.stderr


def _private_topics(broker: str) -> dict[str, str]:
    """An environment with a fresh topic prefix, its topics created: tests can write anything there."""
    env = {"KAFKA_BOOTSTRAP_SERVERS": broker, "WIREWATCH_TOPIC_PREFIX": f"p{uuid.uuid4().hex[:8]}."}
    assert wirewatch("topics", "--create", env=env).returncode == 0
    return env


def test_tail_prints_json_lines_and_honours_max(broker) -> None:
    env = _private_topics(broker)
    topic = env["WIREWATCH_TOPIC_PREFIX"] + "articles.clean"
    produce(broker, topic, [(b"k", orjson.dumps({"n": i})) for i in range(3)])
    # The prefix is applied to the name given, as for every other command.
    result = wirewatch("tail", "articles.clean", "--from-beginning", "--timeout", "5", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert [orjson.loads(line)["n"] for line in result.stdout.splitlines()] == [0, 1, 2]

    limited = wirewatch("tail", "articles.clean", "--from-beginning", "--max", "2", env=env)
    assert len(limited.stdout.splitlines()) == 2
    assert b"2 message(s)" in limited.stderr


def test_tail_shows_non_json_values_as_base64(broker) -> None:
    env = _private_topics(broker)
    produce(broker, env["WIREWATCH_TOPIC_PREFIX"] + "deadletter", [(b"raw", b"\x00\x01binary")])
    result = wirewatch("tail", "deadletter", "--from-beginning", "--timeout", "3", env=env)
    assert [orjson.loads(line) for line in result.stdout.splitlines()] == [{"_raw_b64": "AAFiaW5hcnk="}]


def test_tail_of_an_unknown_topic_fails_clearly(broker) -> None:
    result = wirewatch("tail", "no.such.topic", "--timeout", "2", env={"KAFKA_BOOTSTRAP_SERVERS": broker})
    assert result.returncode != 0
    assert b"does not exist" in result.stderr


def test_ingest_reads_folders_and_jsonl_and_dead_letters_bad_lines(broker, tmp_path) -> None:
    run = uuid.uuid4().hex[:8]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"Text article {run}.", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>HTML article {run}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        f'{{"id": "{run}-j1", "text": "one"}}\nnot json\n{{"id": "{run}-j2", "html": "<p>two</p>"}}\n', encoding="utf-8"
    )
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    result = wirewatch("ingest", str(tmp_path), env={"KAFKA_BOOTSTRAP_SERVERS": broker})
    assert result.returncode == 0, result.stderr.decode()
    assert b"published 4 article(s)" in result.stderr and b"1 dead-lettered" in result.stderr
    raw = consume_until(
        broker, "articles.raw", lambda rs: sum(run in (r.value or b"").decode("utf-8", "replace") for r in rs) >= 2
    )
    kinds = {next(k for k in ("text", "html") if k in r.json()) for r in raw if run.encode() in (r.value or b"")}
    assert kinds == {"text", "html"}
    letters = consume_until(broker, "deadletter", lambda rs: any(b"c.jsonl:2" in (r.value or b"") for r in rs))
    assert any(r.json().get("stage") == "ingest" for r in letters if b"c.jsonl:2" in (r.value or b""))


def test_ingest_without_a_broker_says_how_to_get_one(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    # A data directory no `wirewatch run` serves from, so a run in the checkout cannot be found either.
    env = {"KAFKA_BOOTSTRAP_SERVERS": "", "WIREWATCH_DATA_DIR": str(tmp_path / "state")}
    result = wirewatch("ingest", str(tmp_path), env=env)
    assert result.returncode == 2
    assert b"KAFKA_BOOTSTRAP_SERVERS" in result.stderr and b"wirewatch run" in result.stderr


def test_broker_command_runs_the_embedded_broker_until_interrupted(tmp_path) -> None:
    port = free_port()
    log = tmp_path / "broker.log"
    process = spawn_wirewatch("broker", "--port", str(port), env={}, log=log)
    try:
        deadline = time.monotonic() + 30
        while b"embedded broker ready" not in log.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:{port}".encode() in log.read_bytes()
        listed = wirewatch(
            "tail", "articles.raw", "--timeout", "1", env={"KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{port}"}
        )
        assert listed.returncode == 0, listed.stderr.decode()
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(30)
    assert code == 0
    assert process.pid and not _alive(process.pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
