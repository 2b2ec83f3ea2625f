"""`wirewatch run` on its own, as a user starts it: embedded broker, every service, clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import psutil
import pytest

from tests.kafka_helpers import consume_until, free_port, spawn_wirewatch, wait_http, wirewatch


def _wait_for_line(log, text: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = log.read_text(errors="replace")
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in the log after {timeout:.0f}s:\n{log.read_text(errors='replace')[-2000:]}")


@pytest.mark.slow
def test_run_starts_everything_processes_seeds_and_stops_cleanly_on_sigterm(seeds_dir, tmp_path) -> None:
    broker_port, api_port, base = free_port(), free_port(), 20000 + free_port() % 20000
    env = {
        "WIREWATCH_BROKER_PORT": str(broker_port),
        "WIREWATCH_API_PORT": str(api_port),
        "WIREWATCH_METRICS_BASE_PORT": str(base),
        "WIREWATCH_DATA_DIR": str(tmp_path / "state"),
        "KAFKA_BOOTSTRAP_SERVERS": "",
    }
    log = tmp_path / "run.log"
    process = spawn_wirewatch("run", env=env, log=log)
    try:
        _wait_for_line(log, f"broker 127.0.0.1:{broker_port} (embedded", timeout=30)
        children = psutil.Process(process.pid).children(recursive=True)
        assert any("tansu" in c.name() for c in children), [c.name() for c in children]
        for port in (base, base + 1):
            wait_http(f"http://127.0.0.1:{port}/readyz", timeout=90)
        wait_http(f"http://127.0.0.1:{api_port}/healthz")

        bootstrap = f"127.0.0.1:{broker_port}"
        ingest = wirewatch("ingest", str(seeds_dir), env={"KAFKA_BOOTSTRAP_SERVERS": bootstrap})
        assert ingest.returncode == 0, ingest.stderr.decode()
        consume_until(
            bootstrap,
            "events.agreements",
            lambda rs: any({"RUS", "MMR"} == set(r.json()["parties"]) and r.json()["type"] == "military" for r in rs),
            timeout=60,
        )
    finally:
        everyone = [process.pid] + [c.pid for c in psutil.Process(process.pid).children(recursive=True)]
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
    assert code == 0, log.read_text(errors="replace")[-3000:]
    time.sleep(0.5)
    assert [pid for pid in everyone if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"] == []
