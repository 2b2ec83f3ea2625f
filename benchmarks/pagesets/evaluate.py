"""Score the cleaner and trafilatura on the page sets, per set, part and language.

Both extractors run in this one process on the same pages, so their pages per CPU-second compare
on equal terms (process time, so other load on the shared machine counts little). Scoring is the
ScrapingHub benchmark's own ``score_extraction.score`` (4-gram shingles of ``\\w+`` tokens,
per-page normalised, macro-averaged P/R), imported from ``../shared/benchmarks``. A page's language
is what the project's language module says of its gold text (``und`` when it is too short).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from benchmarks.bench_clean import clean_body, load_scorer, predict_side_by_side
from benchmarks.pagesets import Page
from wirewatch.core.cleaning import CleanOptions
from wirewatch.core.language import identify_language

ALL = "all"
Extractor = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class Run:
    """One extractor's output on a list of pages and the CPU seconds it took."""

    name: str
    texts: dict[str, str]
    cpu_seconds: float

    def rate(self) -> float:
        """Pages per CPU-second."""
        return len(self.texts) / self.cpu_seconds if self.cpu_seconds else 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """Precision, recall and F1 of both extractors on one group of pages."""

    set: str
    part: str
    lang: str
    pages: int
    ours: tuple[float, float, float]
    reference: tuple[float, float, float]


def run_extractor(name: str, pages: Iterable[Page], extract: Extractor) -> Run:
    """Run ``extract`` on every page, timing it in CPU seconds."""
    started = time.process_time()
    texts = {page.key: extract(page.key, page.html) for page in pages}
    return Run(name, texts, time.process_time() - started)


def run_side_by_side(
    pages: list[Page], ours: tuple[str, Extractor], reference: tuple[str, Extractor]
) -> tuple[Run, Run]:
    """Both extractors on every page, taking turns page by page (same machine load for both)."""
    keyed = [(page.key, page.html) for page in pages]
    (mine, mine_cpu), (theirs, theirs_cpu) = predict_side_by_side(keyed, (ours[1], reference[1]))
    return Run(ours[0], mine, mine_cpu), Run(reference[0], theirs, theirs_cpu)


def cleaner(options: CleanOptions) -> Extractor:
    """The cleaner's body extractor (``""`` for a rejected page)."""
    return lambda page_id, html: clean_body(page_id, html, options)


def trafilatura_extractor() -> Extractor:
    """trafilatura's ``extract`` with its defaults, the reference (a dev dependency)."""
    import trafilatura

    return lambda _page_id, html: trafilatura.extract(html) or ""


def languages(pages: Iterable[Page], options: CleanOptions) -> dict[str, str]:
    """Page key -> language of its gold text."""
    return {page.key: identify_language(page.gold, options.language).lang for page in pages}


def _triple(result: dict[str, object]) -> tuple[float, float, float]:
    return float(result["precision"]), float(result["recall"]), float(result["f1"])  # type: ignore[arg-type]


def score_rows(
    pages: list[Page], langs: dict[str, str], ours: Run, reference: Run, scorer: ModuleType | None = None
) -> list[Row]:
    """One row per set x part x language, with ``all`` rows for each level and for the union of sets."""
    scorer = scorer or load_scorer()
    groups: dict[tuple[str, str, str], list[Page]] = {}
    union = (ALL,) if len({page.set for page in pages}) > 1 else ()
    for page in pages:
        for set_name in (page.set, *union):
            for part in (page.part, ALL):
                for lang in (langs[page.key], ALL):
                    groups.setdefault((set_name, part, lang), []).append(page)
    rows = []
    for (set_name, part, lang), group in sorted(groups.items(), key=lambda item: _order(item[0], len(item[1]))):
        truth = {page.key: page.gold for page in group}
        mine = scorer.score({k: ours.texts[k] for k in truth}, truth, bootstrap=0)
        theirs = scorer.score({k: reference.texts[k] for k in truth}, truth, bootstrap=0)
        rows.append(Row(set_name, part, lang, len(group), _triple(mine), _triple(theirs)))
    return rows


def _order(key: tuple[str, str, str], size: int) -> tuple[bool, str, int, bool, int, str]:
    set_name, part, lang = key
    return set_name == ALL, set_name, ("dev", "test", ALL).index(part), lang != ALL, -size, lang


def markdown(rows: list[Row], min_pages: int = 3) -> str:
    """The rows as a Markdown table (languages with fewer than ``min_pages`` pages left out)."""
    lines = [
        "| set | part | language | pages | cleaner P / R / F1 | trafilatura P / R / F1 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        if row.lang != ALL and row.pages < min_pages:
            continue
        ours, ref = (" / ".join(f"{v:.3f}" for v in t) for t in (row.ours, row.reference))
        lines.append(f"| {row.set} | {row.part} | {row.lang} | {row.pages} | {ours} | {ref} |")
    return "\n".join(lines)
