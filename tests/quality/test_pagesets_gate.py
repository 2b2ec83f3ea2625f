"""Quality gate of the extractor on the public page sets of ``benchmarks/pagesets``.

Runs only where the sets' bare clones are (``$WIREWATCH_MIRROR``, default ``/work/.mirror``) and
skips, saying which clone is missing, elsewhere: the pages are not committed. Floors live in
``pagesets_floors.json`` and follow the one mechanism of ``floors.py``. Two kinds of figure, kept
apart on purpose: ``*_dev_*`` are regression pins on the part the extractor's rules were tuned
on; ``*_test_*`` are quality figures on the frozen third no rule was tuned on.

The cleaner alone, no trafilatura: about ten seconds for Readability's 130 pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.bench_clean import load_scorer
from benchmarks.pagesets import PARTS, Page, load_pages, load_sources
from benchmarks.pagesets.evaluate import cleaner, run_extractor
from benchmarks.pagesets.readers import Unavailable

from tests.quality.floors import below_floors
from wirewatch.core.cleaning import CleanOptions

FLOORS = Path(__file__).with_name("pagesets_floors.json")
MARGIN = 0.003


def _figures(pages: list[Page], texts: dict[str, str], shared_dir: Path) -> dict[str, float]:
    scorer = load_scorer(shared_dir)
    figures: dict[str, float] = {}
    for part in PARTS:
        group = [page for page in pages if page.part == part]
        result = scorer.score({p.key: texts[p.key] for p in group}, {p.key: p.gold for p in group}, bootstrap=0)
        figures |= {f"{pages[0].set}_{part}_{k}": float(result[k]) for k in ("f1", "precision", "recall")}
    return figures


@pytest.mark.parametrize("source", load_sources(), ids=lambda source: source.set)
def test_every_figure_of_a_set_is_at_or_above_its_floor(source, shared_dir: Path) -> None:
    try:
        pages = load_pages(source)
    except Unavailable as why:
        pytest.skip(f"page set {source.set} not available here: {why}")
    run = run_extractor("cleaner", pages, cleaner(CleanOptions()))
    below = below_floors(FLOORS, source.set, _figures(pages, run.texts, shared_dir), margin=MARGIN)
    assert below == {}, f"below floor (measured, floor): {below}"
