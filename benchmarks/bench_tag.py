"""Tagging-stage throughput: articles of 4 KB per second on one core, against a reference.

Corpus: the seed articles and the ground-truth texts of the article-extraction benchmark
(``../shared``), cut into 4 KB articles and repeated to ``ARTICLES`` (fewer with ``--quick``).

Each row set is a function ``rows_<name>(corpus, quick) -> list[row]`` registered in
``ROW_SETS``; add a stage (agreements, …) by adding a function there. Every figure is the best
of ``REPEATS`` timed passes, printed beside a reference measured in the same process on the
same corpus (a plain ``str.lower()`` plus one regex alternation of country names), so the
ratio holds on a busy machine where absolute figures do not.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE_CHARS = 4096
ARTICLES = 2000
REPEATS = 5
_REFERENCE = re.compile(r"\b(?:russia|china|france|germany|ukraine|myanmar|moscow|beijing|kremlin|united states)\b")

Row = dict[str, Any]


def load_corpus(articles: int) -> list[str]:
    """4 KB articles cut from the seeds and the extraction benchmark's texts, repeated to ``articles``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    truth = json.loads((SHARED / "benchmarks" / "article-extraction" / "ground-truth.json").read_text("utf-8"))
    texts += [v["articleBody"] for v in truth.values() if v.get("articleBody")]
    chunks = [t[i : i + ARTICLE_CHARS] for t in texts for i in range(0, len(t), ARTICLE_CHARS)]
    chunks = [c for c in chunks if len(c) >= ARTICLE_CHARS // 2]
    return [chunks[i % len(chunks)] for i in range(articles)]


def best_rate(work: Callable[[str], object], corpus: list[str], repeats: int = REPEATS) -> float:
    """Articles per second of the fastest of ``repeats`` passes over ``corpus``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text in corpus:
            work(text)
        best = min(best, time.perf_counter() - started)
    return len(corpus) / best


def reference_rate(corpus: list[str]) -> float:
    """The reference: lower-case the article and run one regex alternation over it."""
    return best_rate(lambda text: _REFERENCE.findall(text.lower()), corpus)


def rows_countries(corpus: list[str], quick: bool) -> list[Row]:
    """Country tagging (``tag_countries``) on the corpus; gazetteer built once, outside the timing."""
    from wirewatch.core.countries import load_gazetteer, tag_countries
    from wirewatch.core.countries.places import load_places

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    build = time.perf_counter() - started
    reference = reference_rate(corpus)
    rate = best_rate(lambda text: tag_countries("", text, gazetteer, lang="en"), corpus)
    undeclared = best_rate(lambda text: tag_countries("", text, gazetteer), corpus)
    places = load_places()
    placed = best_rate(lambda text: tag_countries("", text, gazetteer, lang="en", places=places), corpus)
    per_article = {"unit": "articles/s/core", "reference": round(reference, 1)}
    return [
        {"name": "countries: 4 KB articles, lang given", "value": round(rate, 1), **per_article,
         "ratio": round(rate / reference, 3)},
        {"name": "countries: 4 KB articles, lang unknown", "value": round(undeclared, 1), **per_article,
         "ratio": round(undeclared / reference, 3)},
        {"name": "countries + places (by_place): 4 KB articles, lang given", "value": round(placed, 1),
         **per_article, "ratio": round(placed / reference, 3)},
        {"name": "countries: gazetteer build (once per process)", "value": round(build, 2), "unit": "s",
         "reference": None, "ratio": None},
    ]  # fmt: skip


def rows_agreements(corpus: list[str], quick: bool) -> list[Row]:
    """The whole tagger (countries + agreements, ``tag_article``) and agreement extraction alone.

    Extraction alone gets the country mentions computed beforehand, as ``tag_article`` hands them
    over; lexicons and gazetteer are built once, outside the timing.
    """
    from wirewatch.core.agreements import extract_agreements
    from wirewatch.core.analysis import Resources, tag_article
    from wirewatch.core.countries import tag_countries
    from wirewatch.core.model import CleanArticle

    resources = Resources.load()
    lexicon = resources.agreement_lexicons.get("en")
    articles = {text: CleanArticle(id="b", title="", body=text, lang="en", lang_confidence=1.0) for text in corpus}
    prepared = {}
    for text in set(corpus):
        tagging = tag_countries("", text, resources.gazetteer, lang="en")
        mentions = tuple(m for m in tagging.mentions if m.span.field == "body")
        prepared[text] = (mentions, tuple(t.code for t in tagging.countries if t.focus))
    reference = reference_rate(corpus)
    whole = best_rate(lambda text: tag_article(articles[text], resources), corpus)
    named = resources.named_agreements
    alone = best_rate(lambda text: extract_agreements(text, *prepared[text], lexicon, None, named), corpus)
    per_article = {"unit": "articles/s/core", "reference": round(reference, 1)}
    return [
        {"name": "tagger (countries + agreements): 4 KB articles", "value": round(whole, 1), **per_article,
         "ratio": round(whole / reference, 3)},
        {"name": "agreements alone (mentions given): 4 KB articles", "value": round(alone, 1), **per_article,
         "ratio": round(alone / reference, 3)},
    ]  # fmt: skip


# Row sets of this module, in the order they are printed; other stages add theirs here.
ROW_SETS: dict[str, Callable[[list[str], bool], list[Row]]] = {
    "countries": rows_countries,
    "agreements": rows_agreements,
}


def run(quick: bool = False) -> dict[str, Any]:
    """Every row set on one corpus (``python -m benchmarks tag [--quick]``)."""
    corpus = load_corpus(ARTICLES // 10 if quick else ARTICLES)
    rows: list[Row] = []
    for rows_of in ROW_SETS.values():
        rows.extend(rows_of(corpus, quick))
    return {"rows": rows, "corpus": {"articles": len(corpus), "chars_each": ARTICLE_CHARS}}
