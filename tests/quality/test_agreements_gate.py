"""Quality gate for agreement extraction on the seeds, through the real cleaner and tagger handlers.

Floors are pinned in ``agreements_floors.json``. The gate fails when a figure drops below its
floor, and also when the floors file lowers a floor that ``main`` has, unless the run sets
``WIREWATCH_ALLOW_LOWER_FLOORS=1`` (a deliberate, visible decision, as in trafilatura's gate).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.quality.agreement_scoring import AgreementScore, score_article
from wirewatch.offline import OfflineAnalyzer

FLOORS_PATH = Path(__file__).with_name("agreements_floors.json")
ROOT = Path(__file__).resolve().parents[2]


def _floors(text: str) -> dict[str, float]:
    return {k: float(v) for k, v in json.loads(text).items() if k != "about"}


@pytest.fixture(scope="module")
def seed_score(seeds_dir: Path, gold: dict[str, Any]) -> AgreementScore:
    analyzer = OfflineAnalyzer()
    score = AgreementScore()
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = {"id": path.stem, "text": path.read_text(encoding="utf-8")}  # the cleaner finds the metadata
        doc = analyzer.analyze_bytes(orjson.dumps(raw))
        assert "error" not in doc, doc
        score_article(score, path.name, doc["agreements"], gold[path.name])
    return score


def test_agreements_meet_their_floors(seed_score: AgreementScore) -> None:
    floors = _floors(FLOORS_PATH.read_text(encoding="utf-8"))
    figures = seed_score.figures()
    report = (
        f"{figures}\nfalse positives: {seed_score.false_positives}\nmissed: {seed_score.missed}\n"
        f"wrong status: {seed_score.wrong_status}"
    )
    assert figures["f1"] >= floors["f1"], report
    assert figures["status_accuracy"] >= floors["status_accuracy"], report
    assert figures["duration_accuracy"] >= floors["duration_accuracy"], report
    assert figures["near_misses_reported"] <= floors["max_near_misses_reported"], report


def test_floors_are_not_lowered_without_the_flag() -> None:
    shown = subprocess.run(
        ["git", "show", "main:tests/quality/agreements_floors.json"], cwd=ROOT, capture_output=True, check=False
    )
    if shown.returncode != 0:
        pytest.skip("main has no pinned agreement floors yet (or this is not a git checkout)")
    pinned, current = _floors(shown.stdout.decode()), _floors(FLOORS_PATH.read_text(encoding="utf-8"))
    lowered = [
        k
        for k in pinned
        if (current.get(k, 0.0) > pinned[k] if k.startswith("max_") else current.get(k, 0.0) < pinned[k])
    ]
    if lowered and os.environ.get("WIREWATCH_ALLOW_LOWER_FLOORS") != "1":
        pytest.fail(f"floors lowered against main: {lowered}; set WIREWATCH_ALLOW_LOWER_FLOORS=1 to accept")
