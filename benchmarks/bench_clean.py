"""Cleaner quality and speed on the article-extraction benchmark, beside trafilatura.

Rows: F1, precision and recall of ``clean_article`` (HTML in, body out) and of trafilatura's
default ``extract`` on the same pages, scored by the benchmark's own scorer
(``../shared/benchmarks/score_extraction.py``, imported by path); pages per CPU-second on one
core for both (process time, so other load on the machine does not count) and the ratio;
language identification agreement with each page's declared ``<html lang>`` on gold texts over
300 characters, and its speed.

Run: ``python -m benchmarks clean`` (``--quick`` uses every third page).
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.cleaning.extract import parse_html
from wirewatch.core.cleaning.htmlmeta import read_page_meta
from wirewatch.core.errors import Rejected
from wirewatch.core.language import identify_language
from wirewatch.core.model import ContentKind, RawArticle

ROOT = Path(__file__).resolve().parents[1]
LANG_MIN_CHARS = 300


def shared_dir() -> Path:
    """The shared folder beside the checkout (``WIREWATCH_SHARED`` overrides)."""
    return Path(os.environ.get("WIREWATCH_SHARED", ROOT.parent / "shared")).resolve()


def load_scorer(shared: Path | None = None) -> ModuleType:
    """The benchmark's scorer module, imported from its file."""
    path = (shared or shared_dir()) / "benchmarks" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_body(page_id: str, html: str, options: CleanOptions) -> str:
    """The cleaner's body for one page ("" when it rejects the page)."""
    try:
        return clean_article(RawArticle(id=page_id, kind=ContentKind.HTML, content=html), options).body
    except Rejected:
        return ""


def predict(pages: Iterable[tuple[str, str]], extract: Callable[[str, str], str]) -> tuple[dict[str, str], float]:
    """Predictions for every page and the CPU seconds it took."""
    started = time.process_time()
    predictions = {page_id: extract(page_id, html) for page_id, html in pages}
    return predictions, time.process_time() - started


def predict_side_by_side(
    pages: Iterable[tuple[str, str]], extractors: tuple[Callable[[str, str], str], ...]
) -> list[tuple[dict[str, str], float]]:
    """Predictions and CPU seconds of each extractor, the extractors taking turns page by page.

    Run one after the other, the second met a machine loaded differently from the first (other
    sessions come and go on the shared cores), and the ratio moved by a third between runs;
    taking turns on every page gives both the same conditions.
    """
    results: list[tuple[dict[str, str], float]] = [({}, 0.0) for _ in extractors]
    for page_id, html in pages:
        for index, extract in enumerate(extractors):
            started = time.process_time()
            text = extract(page_id, html)
            texts, seconds = results[index]
            texts[page_id] = text
            results[index] = (texts, seconds + time.process_time() - started)
    return results


def _trafilatura() -> Callable[[str, str], str]:
    import trafilatura  # the reference is a dev dependency, imported only here

    return lambda _page_id, html: trafilatura.extract(html) or ""


def _quality_rows(name: str, result: dict[str, Any], reference: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for metric in ("f1", "precision", "recall"):
        ours, ref = float(result[metric]), float(reference[metric])
        rows.append({"name": f"{name} {metric}", "value": ours, "unit": "", "reference": ref, "ratio": ours / ref})
    return rows


def _language_rows(pages: list[tuple[str, str]], truth: dict[str, str], options: CleanOptions) -> list[dict[str, Any]]:
    labelled = []
    for page_id, html in pages:
        declared = read_page_meta(parse_html(html)).lang
        if declared and len(truth[page_id]) > LANG_MIN_CHARS:
            labelled.append((declared, truth[page_id]))
    started = time.process_time()
    guesses = [identify_language(text, options.language).lang for _, text in labelled]
    seconds = time.process_time() - started
    agree = sum(g == lang for g, (lang, _) in zip(guesses, labelled, strict=True))
    return [
        {"name": f"language agrees with <html lang> ({len(labelled)} texts)", "value": agree / len(labelled)},
        {"name": "language ms per text", "value": 1000 * seconds / len(labelled), "unit": "ms"},
    ]


def run(quick: bool) -> dict[str, Any]:
    """Score and time the cleaner and trafilatura on the benchmark pages."""
    scorer = load_scorer()
    truth_all = scorer.load_ground_truth()
    pages = list(scorer.iter_pages())[:: 3 if quick else 1]
    truth = {page_id: truth_all[page_id] for page_id, _ in pages}
    options = CleanOptions()
    cleaner = lambda page_id, html: clean_body(page_id, html, options)  # noqa: E731
    (ours, ours_cpu), (ref, ref_cpu) = predict_side_by_side(pages, (cleaner, _trafilatura()))
    ours_score, ref_score = scorer.score(ours, truth, bootstrap=0), scorer.score(ref, truth, bootstrap=0)
    ours_rate, ref_rate = len(pages) / ours_cpu, len(pages) / ref_cpu
    rows = _quality_rows("extraction", ours_score, ref_score)
    rows.append(
        {"name": "pages per CPU-second", "value": ours_rate, "unit": "pages/s", "reference": ref_rate}
        | {"ratio": ours_rate / ref_rate}
    )
    rows.extend(_language_rows(pages, truth, options))
    return {"rows": rows, "pages": len(pages), "reference": "trafilatura.extract (defaults)"}
