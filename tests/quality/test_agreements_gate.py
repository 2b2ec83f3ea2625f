"""Quality gate for agreement extraction on the seeds, through the real cleaner and tagger handlers.

Floors are pinned in ``agreements_floors.json`` and follow the one mechanism of ``floors.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.quality.agreement_scoring import AgreementScore, score_article
from tests.quality.floors import below_floors
from wirewatch.offline import OfflineAnalyzer

FLOORS_PATH = Path(__file__).with_name("agreements_floors.json")


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
    figures = seed_score.figures()
    report = (
        f"{figures}\nfalse positives: {seed_score.false_positives}\nmissed: {seed_score.missed}\n"
        f"wrong status: {seed_score.wrong_status}"
    )
    assert below_floors(FLOORS_PATH, "seeds", figures) == {}, report
