"""Small, synchronous helpers for tests that talk to a real broker.

Each helper runs its own short asyncio loop, so tests stay plain functions and can mix
subprocesses, HTTP calls and Kafka reads freely.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from wirewatch.runtime.kafka import assign_all

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, str]

    def json(self) -> Any:
        return orjson.loads(self.value or b"null")


def produce(bootstrap: str, topic: str, messages: Iterable[tuple[bytes | None, bytes | None]]) -> None:
    """Send (key, value) pairs and wait for every acknowledgement."""

    async def go() -> None:
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, max_request_size=8 * 1024 * 1024
        )
        await producer.start()
        try:
            futures = [await producer.send(topic, value, key=key) for key, value in messages]
            await asyncio.gather(*futures)
        finally:
            await producer.stop()

    asyncio.run(go())


def consume_until(
    bootstrap: str, topic: str, done: Callable[[list[Record]], bool], timeout: float = 60.0
) -> list[Record]:
    """Read ``topic`` from the beginning until ``done(records)`` holds; AssertionError after ``timeout``."""

    async def go() -> list[Record]:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest", group_id=None
        )
        await consumer.start()
        records: list[Record] = []
        try:
            deadline = time.monotonic() + timeout
            await assign_all(consumer, topic, wait=timeout)
            while time.monotonic() < deadline:
                batch = await consumer.getmany(timeout_ms=250)
                for tp_records in batch.values():
                    records.extend(
                        Record(
                            r.topic,
                            r.partition,
                            r.offset,
                            r.key,
                            r.value,
                            {k: v.decode("utf-8", "replace") for k, v in r.headers or ()},
                        )
                        for r in tp_records
                    )
                if done(records):
                    return records
        finally:
            await consumer.stop()
        raise AssertionError(f"{topic}: condition not met within {timeout:.0f}s; {len(records)} record(s) read")

    return asyncio.run(go())


def wirewatch(
    *args: str,
    env: dict[str, str],
    timeout: float = 120.0,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the ``wirewatch`` CLI (this interpreter's) and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "wirewatch.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        timeout=timeout,
        input=input,
        cwd=ROOT,
        check=False,
    )


def spawn_wirewatch(*args: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a long-running ``wirewatch`` command in its own session, output to ``log``.

    It runs in the log's folder and keeps its local state there (``WIREWATCH_DATA_DIR``), so
    tests never write into the checkout.
    """
    state = {"WIREWATCH_DATA_DIR": str(log.parent / "state")}
    with log.open("wb") as handle:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "wirewatch.cli", *args],
            env={**os.environ, **state, **env},
            stdout=handle,
            stderr=subprocess.STDOUT,
            cwd=log.parent,
            start_new_session=True,
        )


def wait_http(url: str, timeout: float = 60.0, status: int = 200) -> bytes:
    """Poll ``url`` until it answers ``status``; return the body."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == status:
                    return bytes(response.read())
                last = response.status
        except urllib.error.HTTPError as exc:
            last = exc.code
            exc.close()  # an HTTPError holds the open response
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = exc
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer {status} within {timeout:.0f}s (last: {last!r})")
