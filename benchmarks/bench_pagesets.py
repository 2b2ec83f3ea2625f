"""The cleaner beside trafilatura on the public page sets of ``benchmarks/pagesets``.

Rows: F1 of both extractors on each set's dev part, its frozen test part and the whole set (with
precision and recall in the row's name), then pages per CPU-second of both. Sets whose clone is not
on this machine are left out, and the row ``<set> not available`` says why. The per-language table
is ``python -m benchmarks.pagesets table``.

Run: ``python -m benchmarks pagesets`` (``--quick`` uses every third page).
"""

from __future__ import annotations

from typing import Any

from benchmarks.pagesets import Page, load_pages, load_sources
from benchmarks.pagesets.evaluate import ALL, cleaner, languages, run_side_by_side, score_rows, trafilatura_extractor
from benchmarks.pagesets.readers import Unavailable
from wirewatch.core.cleaning import CleanOptions


def _pages(quick: bool) -> tuple[list[Page], list[dict[str, Any]]]:
    pages: list[Page] = []
    missing: list[dict[str, Any]] = []
    for source in load_sources():
        try:
            pages.extend(load_pages(source)[:: 3 if quick else 1])
        except Unavailable as why:
            missing.append({"name": f"{source.set} not available: {why}", "value": None})
    return pages, missing


def run(quick: bool) -> dict[str, Any]:
    """Score and time the cleaner and trafilatura on every page set that can be read here."""
    pages, rows = _pages(quick)
    if not pages:
        return {"rows": rows, "pages": 0}
    options = CleanOptions()
    ours, reference = run_side_by_side(pages, ("cleaner", cleaner(options)), ("trafilatura", trafilatura_extractor()))
    for row in score_rows(pages, languages(pages, options), ours, reference):
        if row.lang != ALL:
            continue
        p, r, f1 = row.ours
        rp, rr, rf1 = row.reference
        name = f"{row.set}/{row.part} F1 ({row.pages} pages; P/R {p:.3f}/{r:.3f} vs {rp:.3f}/{rr:.3f})"
        rows.append({"name": name, "value": f1, "unit": "", "reference": rf1, "ratio": f1 / rf1 if rf1 else None})
    rate, ref_rate = ours.rate(), reference.rate()
    rows.append({"name": "pages per CPU-second", "value": rate, "unit": "pages/s", "reference": ref_rate})
    rows[-1]["ratio"] = rate / ref_rate
    return {"rows": rows, "pages": len(pages), "reference": "trafilatura.extract (defaults)"}
