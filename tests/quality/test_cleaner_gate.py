"""Quality gate of the cleaner: measured figures must stay at or above pinned floors.

Floors live in ``cleaner_floors.json``. The gate fails when a figure drops below its floor,
and when a floor is lower than in the last commit unless ``WIREWATCH_ALLOW_LOWER_FLOORS=1``
(lowering a floor is a decision, not an accident). ``WIREWATCH_RAISE_FLOORS=1`` ratchets the
floors up to the measured figures (minus a small margin) after a run where the gate passes.

Runs the whole 181-page benchmark through ``clean_article``: a few seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bench_clean import clean_body, load_scorer

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


def _committed_floors() -> dict[str, float] | None:
    try:
        shown = subprocess.run(
            ["git", "show", f"HEAD:{FLOORS.relative_to(FLOORS.parents[2]).as_posix()}"],
            cwd=FLOORS.parent,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout, or the file is new
    return json.loads(shown.stdout)


def test_every_figure_is_at_or_above_its_floor(measured: dict[str, float]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = {k: (round(measured[k], 4), floor) for k, floor in floors.items() if measured[k] < floor}
    assert below == {}, f"below floor (measured, floor): {below}"
    if os.environ.get("WIREWATCH_RAISE_FLOORS") == "1":
        raised = {k: max(floor, round(measured[k] - MARGIN, 3)) for k, floor in floors.items()}
        FLOORS.write_text(json.dumps(raised, indent=2) + "\n", encoding="utf-8")


def test_floors_are_not_lowered_without_the_flag() -> None:
    committed = _committed_floors()
    if committed is None or os.environ.get("WIREWATCH_ALLOW_LOWER_FLOORS") == "1":
        pytest.skip("no committed floors to compare with, or lowering allowed explicitly")
    current = json.loads(FLOORS.read_text(encoding="utf-8"))
    lowered = {k: (committed[k], v) for k, v in current.items() if k in committed and v < committed[k]}
    assert lowered == {}, f"floors lowered (was, now); set WIREWATCH_ALLOW_LOWER_FLOORS=1 if meant: {lowered}"
    assert set(committed) <= set(current), "a floor was removed"
