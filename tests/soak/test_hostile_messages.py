"""Hostile messages through a running cleaner and tagger: each becomes output or a dead letter, and the
workers keep processing (a valid article sent after them is tagged; both processes are still alive)."""

from __future__ import annotations

import asyncio
import uuid

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from benchmarks.harness import Collected, Run, collect

from tests.fuzz.hostile import FULL, HOSTILE_MESSAGES, HOSTILE_TEXTS
from wirewatch.contracts.topics import Topic

pytestmark = [pytest.mark.broker, pytest.mark.slow]


def _expected(key: str, data: bytes) -> str:
    """The id an output would carry: the document's own id when it has one, else the message key."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return key
    return doc["id"] if isinstance(doc, dict) and isinstance(doc.get("id"), str) and doc["id"] else key


#: Bodies are cut to this many characters unless WIREWATCH_FUZZ_FULL=1 (``make soak``): at full size
#: a 2.4 MB page of one repeated line keeps the tagger busy ~90 s (reported in the README).
BODY_CHARS = None if FULL else 100_000


def _texts() -> list[tuple[str, str]]:
    return [(name, text[:BODY_CHARS]) for name, text in HOSTILE_TEXTS]


def _raw_messages() -> list[tuple[str, bytes]]:
    out = [(f"msg-{name}", data) for name, data in HOSTILE_MESSAGES]
    for name, text in _texts():
        for key in ("text", "html"):
            article_id = f"body-{key}-{name}"
            out.append((article_id, orjson.dumps({"id": article_id, key: text})))
    return out


def _clean_messages() -> list[tuple[str, bytes]]:
    """Straight onto articles.clean: what a buggy or hostile upstream might write there."""
    base = {"id": "", "title": "t", "body": "", "lang": "en", "lang_confidence": 0.5, "authors": [], "sources": []}
    out = [(f"clean-msg-{name}", data) for name, data in HOSTILE_MESSAGES]
    for name, text in _texts():
        article_id = f"clean-body-{name}"
        out.append((article_id, orjson.dumps({**base, "id": article_id, "body": text})))
    return out


async def _send(bootstrap: str, topic: str, messages: list[tuple[str, bytes]]) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, max_request_size=8 << 20
    )
    await producer.start()
    try:
        await asyncio.gather(*[await producer.send(topic, value, key=key.encode()) for key, value in messages])
    finally:
        await producer.stop()


def test_running_workers_survive_hostile_messages_and_keep_processing(broker, tmp_path) -> None:
    with Run(broker, tmp_path) as run:
        workers = [run.worker("clean"), run.worker("tag")]
        for w in workers:
            w.start()
        for w in workers:
            w.wait_ready()
        sentinel = f"sentinel-{uuid.uuid4().hex[:8]}"
        raw, clean = _raw_messages(), _clean_messages()

        def unanswered(collected: Collected) -> set[str]:
            """Messages with neither an output (under the id they carry) nor a dead letter (under their key)."""
            return {k for k, v in raw + clean if k not in collected.dead and _expected(k, v) not in collected.tagged_at}

        async def main() -> Collected:
            collected, stop = Collected(), asyncio.Event()
            collector = asyncio.create_task(collect(run.bootstrap, run.topics, collected, stop))
            await _send(run.bootstrap, run.topics.name(Topic.RAW), raw)
            await _send(run.bootstrap, run.topics.name(Topic.CLEAN), clean)
            text = "Chile und Norwegen unterzeichneten in Oslo ein Fischereiabkommen."
            valid = [(sentinel, orjson.dumps({"id": sentinel, "text": text}))]
            await _send(run.bootstrap, run.topics.name(Topic.RAW), valid)
            for _ in range(480):
                if sentinel in collected.tagged_at and not unanswered(collected):
                    break
                await asyncio.sleep(0.5)
            stop.set()
            await collector
            return collected

        collected = asyncio.run(main())
        for w in workers:
            assert w.process is not None and w.process.poll() is None, w.log_tail()

    assert sentinel in collected.tagged_at  # still processing after everything hostile
    missing = unanswered(collected)
    assert not missing, f"no output and no dead letter for {sorted(missing)}"
    assert "internal_error" not in set(collected.dead.values()), collected.dead
    print(f"hostile: {len(raw) + len(clean)} messages; dead-lettered by kind: {sorted(set(collected.dead.values()))}")
