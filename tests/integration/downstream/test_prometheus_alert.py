"""A real Prometheus server scrapes a running Wirewatch and sees a news alert go pending, then firing.

The rule files are the ones in deploy/prometheus/rules/, with one change: the watch-list alert's
``for: 1m`` becomes ``for: 4s`` so the test needs seconds, not minutes. Everything else — the
expression, the metrics, the watch list from WIREWATCH_WATCHLIST — is what production runs.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest
import yaml

from tests.pipeline import SERVICES, Pipeline, free_port_run, running_pipeline

ROOT = Path(__file__).resolve().parents[3]
PROMETHEUS = shutil.which("prometheus")
ALERT = "WirewatchWatchlistAgreement"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.broker,
    pytest.mark.skipif(PROMETHEUS is None, reason="prometheus missing: run scripts/install-system-deps"),
]


def _rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in (ROOT / "deploy" / "prometheus" / "rules").glob("*.yml"):
        doc = yaml.safe_load(path.read_text())
        for group in doc["groups"]:
            for rule in group["rules"]:
                if rule.get("alert") == ALERT:
                    assert rule["for"] == "1m"
                    rule["for"] = "4s"
        (folder / path.name).write_text(yaml.safe_dump(doc))
    return folder


def _start_prometheus(tmp_path: Path, pipeline: Pipeline) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port_run(1)
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(_rules(tmp_path) / "*.yml")],
        "scrape_configs": [{"job_name": "wirewatch", "static_configs": [{"targets": pipeline.targets()}]}],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    assert PROMETHEUS is not None
    with (tmp_path / "prometheus.log").open("wb") as log:
        process = subprocess.Popen(
            [
                PROMETHEUS,
                f"--config.file={tmp_path / 'prometheus.yml'}",
                f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{port}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    return process, f"http://127.0.0.1:{port}"


def _query(base: str, promql: str) -> list[dict]:
    response = httpx.get(f"{base}/api/v1/query", params={"query": promql}, timeout=5)
    response.raise_for_status()
    return response.json()["data"]["result"]


def _alert_states(base: str) -> set[str]:
    response = httpx.get(f"{base}/api/v1/alerts", timeout=5)
    response.raise_for_status()
    return {
        a["state"]
        for a in response.json()["data"]["alerts"]
        if a["labels"]["alertname"] == ALERT and a["labels"].get("country") == "MMR"
    }


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(0.25)
    raise TimeoutError(what)


def test_the_watchlist_alert_goes_pending_then_firing_after_the_seeds(tmp_path, seeds_dir):
    with running_pipeline(tmp_path, WIREWATCH_WATCHLIST="MMR") as pipeline:
        pipeline.wait_ready()
        prometheus, base = _start_prometheus(tmp_path, pipeline)
        try:
            _wait(lambda: httpx.get(f"{base}/-/ready", timeout=2).status_code == 200, 30, "prometheus ready")
            # The watched counters start at 0: Prometheus must see that 0 before the first report.
            _wait(
                lambda: _query(base, 'wirewatch_agreement_events_total{country="MMR", type="military"}'),
                30,
                "the watched counters scraped at 0",
            )
            assert _alert_states(base) == set()
            assert "published 5 article(s)" in pipeline.ingest(seeds_dir)
            seen: list[str] = []

            def firing() -> bool:
                states = _alert_states(base)
                seen.extend(sorted(states - set(seen)))
                return "firing" in states

            _wait(firing, 90, f"the alert firing (states seen: {seen})")
            assert seen[0] == "pending", seen
            assert "firing" in seen
            [up] = _query(base, 'sum(up{job="wirewatch"})')
            assert float(up["value"][1]) == len(SERVICES) + 1  # every service and the API
        finally:
            prometheus.terminate()
            try:
                prometheus.wait(20)
            except subprocess.TimeoutExpired:  # leave no server behind
                prometheus.kill()
                prometheus.wait()
