"""Quality gate for agreement extraction on the seeds and on real news, through the real handlers.

Floors are pinned in ``agreements_floors.json`` and follow the one mechanism of ``floors.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from benchmarks.realnews import LANGUAGES, Article, load_articles
from benchmarks.realnews.evaluate import Evaluation, evaluate, table

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


# The real-news set (benchmarks/realnews): texts committed under a free licence are always
# scored; the whole set only where its other texts have been materialised from their sources.


@pytest.fixture(scope="module")
def realnews() -> tuple[list[Article], Evaluation, Evaluation]:
    articles = load_articles()
    free = [a for a in articles if a.redistributable]
    analyzer = OfflineAnalyzer()
    return articles, evaluate(free, analyzer), evaluate(articles, analyzer)


def _figures(result: Evaluation, part: str, languages: tuple[str, ...] = ()) -> dict[str, float]:
    figures = result.figures(part)
    figures["strict_f1"] = result.figures(part, mode="strict")["f1"]
    for lang in languages:
        figures[f"f1_{lang}"] = result.figures(part, lang)["f1"]
    return figures


@pytest.mark.parametrize("part", ["dev", "test"])
def test_agreements_on_freely_licensed_real_news_meet_their_floors(realnews, part: str) -> None:
    _, free, _ = realnews
    figures = _figures(free, part)
    assert below_floors(FLOORS_PATH, f"realnews_free_{part}", figures) == {}, (figures, table(free))


@pytest.mark.parametrize("part", ["dev", "test"])
def test_agreements_on_all_real_news_meet_their_floors(realnews, part: str) -> None:
    articles, _, whole = realnews
    missing = sum(a.text is None for a in articles)
    if missing:
        pytest.skip(f"{missing} texts not materialised (python -m benchmarks.realnews materialise)")
    figures = _figures(whole, part, LANGUAGES)
    assert below_floors(FLOORS_PATH, f"realnews_{part}", figures) == {}, (figures, table(whole))
