"""A pipeline under test: stage workers as real subprocesses, a paced producer and a collector.

Shared by ``benchmarks/bench_pipeline.py`` and the soak, scaling and memory tests in
``tests/soak/``. Every run gets its own topic prefix and consumer-group prefix, so runs can
share one broker without seeing each other's messages.

Nothing here is mocked: workers are ``wirewatch clean`` / ``wirewatch tag`` processes,
killed with real signals; the producer and collector are plain aiokafka clients.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from wirewatch.contracts.topics import Topic, TopicNames
from wirewatch.runtime.kafka import assign_all, ensure_topics
from wirewatch.runtime.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIREWATCH_SHARED", ROOT.parent / "shared")).resolve()

#: Fields of an agreement event that legitimately change when the same article is replayed.
VOLATILE_EVENT_FIELDS = ("first_seen", "last_seen")


def env_int(name: str, default: int) -> int:
    """An integer knob from the environment (``make soak`` sets the long values)."""
    return int(os.environ.get(name) or default)


def free_port() -> int:
    """A loopback TCP port that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- corpus -------------------------------------------------------------------------------------


def load_documents(shared: Path = SHARED, html_pages: int | None = None) -> list[dict[str, Any]]:
    """Raw-article bodies (without ids): the seeds as text and the benchmark pages as HTML."""
    docs: list[dict[str, Any]] = [
        {"text": p.read_text(encoding="utf-8"), "lang": None} for p in sorted((shared / "seeds").glob("*.txt"))
    ]
    pages = sorted((shared / "benchmarks" / "article-extraction" / "html").glob("*.html.gz"))
    for page in pages[:html_pages] if html_pages is not None else pages:
        docs.append({"html": gzip.decompress(page.read_bytes()).decode("utf-8", "replace")})
    return docs


def make_articles(docs: list[dict[str, Any]], count: int, run: str) -> list[tuple[str, bytes]]:
    """``count`` distinct raw articles (id, encoded value), cycling through ``docs`` with varied ids."""
    out = []
    for i in range(count):
        article_id = f"{run}-{i:07d}"
        doc = {"id": article_id, **docs[i % len(docs)], "url": f"https://example.org/{run}/{i}"}
        out.append((article_id, orjson.dumps(doc)))
    return out


# --- workers ------------------------------------------------------------------------------------


@dataclass
class Worker:
    """One ``wirewatch <command>`` process with its own HTTP port; restartable after a kill."""

    command: str
    env: dict[str, str]
    log_dir: Path
    name: str
    module: str = "wirewatch.cli"  # another module runs as ``python -m module`` without the command
    process: subprocess.Popen[bytes] | None = None
    port: int = 0
    starts: int = 0

    def start(self) -> None:
        """Spawn the process (in its own session, so a kill reaches its children too)."""
        self.port = free_port()
        self.starts += 1
        log = self.log_dir / f"{self.name}.{self.starts}.log"
        env = {**os.environ, **self.env, "WIREWATCH_HTTP_PORT": str(self.port), "PYTHONUNBUFFERED": "1"}
        with log.open("wb") as handle:
            self.process = subprocess.Popen(
                [sys.executable, "-m", self.module, *([self.command] if self.module == "wirewatch.cli" else [])],
                env=env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                start_new_session=True,
            )

    @property
    def url(self) -> str:
        """Base URL of the worker's health and metrics server."""
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 90.0) -> None:
        """Block until ``/readyz`` answers 200 (partitions assigned)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: {self.log_tail()}")
            with (
                contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError, OSError),
                urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} not ready within {timeout:.0f}s: {self.log_tail()}")

    def metric(self, name: str, timeout: float = 15.0) -> float:
        """Sum of a metric's samples on the worker's ``/metrics`` (0 when absent); retries while it is busy."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/metrics", timeout=5) as response:
                    text = response.read().decode()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                if time.monotonic() > deadline:
                    alive = self.process is not None and self.process.poll() is None
                    raise RuntimeError(f"{self.name} (alive: {alive}) metrics: {exc!r}; {self.log_tail()}") from exc
                time.sleep(0.5)
        return sum(float(ln.rsplit(" ", 1)[1]) for ln in text.splitlines() if ln.startswith((f"{name}{{", f"{name} ")))

    def rss_bytes(self) -> int:
        """Resident memory of the worker process (Linux ``/proc``)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/statm").read_text().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")

    def cpu_seconds(self) -> float:
        """User and system CPU the worker process has used so far."""
        assert self.process is not None
        return cpu_seconds(self.process.pid)

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no final commit — the fault a crash or an OOM kill is."""
        self._signal(signal.SIGKILL)
        assert self.process is not None
        self.process.wait(10)

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM and wait (SIGKILL after ``timeout``); returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self._signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            return self.process.wait(10)

    def _signal(self, sig: signal.Signals) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def log_tail(self, chars: int = 2000) -> str:
        """The end of the current log file."""
        log = self.log_dir / f"{self.name}.{self.starts}.log"
        return log.read_text(errors="replace")[-chars:] if log.exists() else ""


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid`` (Linux ``/proc/<pid>/stat``, fields 14 and 15)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces: cut after it
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    """One isolated pipeline run on a broker: its topic prefix, group prefix and workers."""

    bootstrap: str
    log_dir: Path
    partitions: int = 4
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    workers: list[Worker] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        """The topic prefix of this run."""
        return f"r{self.run_id}."

    @property
    def topics(self) -> TopicNames:
        """This run's topic names."""
        return TopicNames(self.prefix)

    @property
    def env(self) -> dict[str, str]:
        """Environment for this run's workers."""
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "WIREWATCH_TOPIC_PREFIX": self.prefix,
            "WIREWATCH_CONSUMER_GROUP": f"g{self.run_id}",
            "WIREWATCH_PARTITIONS": str(self.partitions),
            "WIREWATCH_LOG_LEVEL": "warn",
        }

    def create_topics(self) -> None:
        """Create this run's topics."""
        settings = Settings(bootstrap_servers=self.bootstrap, topic_prefix=self.prefix, partitions=self.partitions)
        asyncio.run(ensure_topics(settings))

    def worker(self, command: str, extra_env: dict[str, str] | None = None, module: str = "wirewatch.cli") -> Worker:
        """A new (not yet started) worker for ``command`` (or ``python -m module``) in this run."""
        count = sum(w.command == command for w in self.workers)
        w = Worker(command, {**self.env, **(extra_env or {})}, self.log_dir, f"{command}{count}", module)
        self.workers.append(w)
        return w

    def stop_all(self) -> None:
        """Stop every worker of the run (SIGTERM, then SIGKILL)."""
        for w in self.workers:
            w.stop()

    def __enter__(self) -> Run:
        self.create_topics()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop_all()


# --- producing and collecting -------------------------------------------------------------------


async def produce_paced(
    bootstrap: str, topic: str, articles: list[tuple[str, bytes]], rate: float | None, sent_at: dict[str, float]
) -> None:
    """Send ``articles`` at ``rate`` per second (``None``: as fast as acks allow); record each send time."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, linger_ms=2, max_request_size=8 << 20
    )
    await producer.start()
    try:
        started = time.monotonic()
        pending = []
        for i, (article_id, value) in enumerate(articles):
            if rate is not None:
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            sent_at[article_id] = time.time()
            pending.append(await producer.send(topic, value, key=article_id.encode()))
            if len(pending) >= 500:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


@dataclass
class Collected:
    """What a run wrote downstream, keyed by article id."""

    tagged_at: dict[str, float] = field(default_factory=dict)  # first tagged record's timestamp (s)
    tagged_count: int = 0  # records, duplicates included
    dead: dict[str, str] = field(default_factory=dict)  # article id -> error kind
    events: dict[tuple[str, str], set[bytes]] = field(default_factory=dict)  # (event id, article id) -> contents
    event_count: int = 0

    def done_ids(self) -> set[str]:
        """Ids that reached ``articles.tagged`` or ``deadletter``."""
        return set(self.tagged_at) | set(self.dead)

    def conflicting_events(self) -> dict[tuple[str, str], int]:
        """(event id, article id) pairs seen with more than one content (volatile fields aside)."""
        return {k: len(v) for k, v in self.events.items() if len(v) > 1}

    def add(self, topic: Topic, key: bytes | None, value: bytes | None, timestamp_ms: int) -> None:
        """Account one record of ``topic``."""
        doc = orjson.loads(value or b"null")
        if topic is Topic.TAGGED:
            self.tagged_count += 1
            self.tagged_at.setdefault(doc["id"], timestamp_ms / 1000)
        elif topic is Topic.DEADLETTER:
            self.dead[(key or b"").decode("utf-8", "replace")] = str(doc.get("error_kind"))
        elif topic is Topic.AGREEMENTS:
            self.event_count += 1
            stable = {k: v for k, v in doc.items() if k not in VOLATILE_EVENT_FIELDS}
            content = orjson.dumps(stable, option=orjson.OPT_SORT_KEYS)
            self.events.setdefault((doc["id"], doc["article_id"]), set()).add(content)


async def collect(
    bootstrap: str,
    topics: TopicNames,
    collected: Collected,
    stop: asyncio.Event,
    wanted: set[str] | None = None,
) -> None:
    """Read tagged, dead-letter and agreement records from the start until ``stop`` (or all ``wanted`` done)."""
    names = {topics.name(t): t for t in (Topic.TAGGED, Topic.DEADLETTER, Topic.AGREEMENTS)}
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        await assign_from_start(consumer, list(names))
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=2000)
            for tp, records in batch.items():
                for r in records:
                    collected.add(names[tp.topic], r.key, r.value, r.timestamp)
            if wanted is not None and wanted <= collected.done_ids():
                return
    finally:
        await consumer.stop()


async def assign_from_start(consumer: AIOKafkaConsumer, topics: list[str]) -> None:
    """Assign every partition of ``topics`` to ``consumer``, positioned at the start.

    Waits up to ~10 s per topic for its metadata (a topic just created may not be known yet);
    a topic still unknown then contributes no partition.
    """
    try:
        await assign_all(consumer, *topics, wait=10.0)
    except TimeoutError:
        await assign_all(consumer, *topics)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by nearest rank; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


async def record_timestamps(bootstrap: str, topics: list[str], wanted: int, timeout: float) -> list[float]:
    """Broker-side timestamps (s) of the first ``wanted`` records across ``topics``, read from the start."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    stamps: list[float] = []
    try:
        await assign_from_start(consumer, topics)
        deadline = time.monotonic() + timeout
        while len(stamps) < wanted and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200, max_records=5000)
            stamps += [r.timestamp / 1000 for records in batch.values() for r in records]
    finally:
        await consumer.stop()
    return sorted(stamps)[:wanted]
