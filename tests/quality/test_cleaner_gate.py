"""Quality gate of the cleaner: measured figures must stay at or above pinned floors.

Floors live in ``cleaner_floors.json`` and follow the one mechanism of ``floors.py``: a figure
below its floor fails; ``WIREWATCH_RAISE_FLOORS=1`` ratchets the floors up to the measured
figures (minus a small margin) after a passing run; lowering one needs a commit that says why.

Runs the whole 181-page benchmark through ``clean_article``: a few seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks.bench_clean import clean_body, load_scorer

from tests.quality.floors import below_floors
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.model import ContentKind, RawArticle

FLOORS = Path(__file__).with_name("cleaner_floors.json")
MARGIN = 0.003


@pytest.fixture(scope="module")
def options() -> CleanOptions:
    return CleanOptions()


@pytest.fixture(scope="module")
def measured(shared_dir: Path, seeds_dir: Path, gold: dict[str, Any], options: CleanOptions) -> dict[str, float]:
    scorer = load_scorer(shared_dir)
    truth = scorer.load_ground_truth()
    predictions = {page_id: clean_body(page_id, html, options) for page_id, html in scorer.iter_pages()}
    result = scorer.score(predictions, truth, bootstrap=0)
    figures = {f"benchmark_{k}": float(result[k]) for k in ("f1", "precision", "recall")}
    return figures | _seed_figures(seeds_dir, gold, options)


def _seed_figures(seeds_dir: Path, gold: dict[str, Any], options: CleanOptions) -> dict[str, float]:
    hits = {"boilerplate_removed": [], "body_kept": [], "metadata_out_of_body": [], "title": [], "language": []}
    for name, label in gold.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        article = clean_article(RawArticle(id=name, kind=ContentKind.TEXT, content=text), options)
        hits["boilerplate_removed"] += [line not in article.body for line in label["boilerplate_remove"]]
        hits["body_kept"] += [snippet in article.body for snippet in label["body_keep"]]
        hits["metadata_out_of_body"] += [line not in article.body for line in label["metadata_not_body"]]
        hits["title"].append(article.title == label["title"])
        hits["language"].append(article.lang == label["lang"])
    return {f"seeds_{key}": sum(values) / len(values) for key, values in hits.items()}


def test_every_figure_is_at_or_above_its_floor(measured: dict[str, float]) -> None:
    below = below_floors(FLOORS, "cleaner", measured, margin=MARGIN)
    assert below == {}, f"below floor (measured, floor): {below}"
