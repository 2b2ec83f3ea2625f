"""Agreement extraction: speed of the whole tagger (countries + agreements) and seed quality.

Speed here is the worst case: 4 KB articles made of the cleaned seed bodies (each repeated or
cut to 4,096 characters), dense with agreements; ``bench_tag`` measures the everyday mix
(seeds plus the article-extraction corpus). Single process, single core. The reference is a
plain ``re.findall`` word scan of the same texts in the same process, so the ratio survives a
noisy machine. Quality is the seed gate's figures (``tests/quality/agreement_scoring.py``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import orjson

from wirewatch.contracts.wire import clean_from_wire
from wirewatch.core.agreements import extract_agreements
from wirewatch.core.analysis import Resources, tag_article
from wirewatch.core.countries import tag_countries
from wirewatch.core.model import CleanArticle
from wirewatch.offline import OfflineAnalyzer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SIZE = 4096
_WORD = re.compile(r"\w+")


def _clean_seeds(analyzer: OfflineAnalyzer) -> list[dict[str, Any]]:
    docs = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        doc = analyzer.analyze_bytes(orjson.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}))
        docs.append({**doc, "file": path.name})
    return docs


def _four_kb(docs: list[dict[str, Any]]) -> list[CleanArticle]:
    articles = []
    for doc in docs:
        body = doc["body"]  # repeated, then cut: every article is exactly SIZE characters
        body = (body + "\n\n") * (SIZE // max(len(body), 1) + 1)
        wire = {k: doc.get(k) for k in ("id", "title", "lang", "lang_confidence", "published", "url")}
        wire["title"] = wire["title"] or ""
        articles.append(clean_from_wire({**wire, "body": body[:SIZE], "sources": []}))
    return articles


def _rate(work: Any, articles: list[CleanArticle], seconds: float) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for article in articles:
            work(article)
        done += len(articles)
    return done / (time.perf_counter() - started)


def _agreements_rate(resources: Resources, articles: list[CleanArticle], seconds: float) -> float:
    """Extraction alone: country mentions computed beforehand, as the tagger hands them over."""
    inputs = []
    for article in articles:
        tagging = tag_countries(article.title, article.body, resources.gazetteer)
        mentions = tuple(m for m in tagging.mentions if m.span.field == "body")
        focus = tuple(t.code for t in tagging.countries if t.focus)
        inputs.append((article, mentions, focus, resources.agreement_lexicons.get(article.lang)))
    by_id = {id(a): rest for a, *rest in inputs}

    def extract(article: CleanArticle) -> None:
        mentions, focus, lexicon = by_id[id(article)]
        extract_agreements(article.body, mentions, focus, lexicon, article.published, resources.named_agreements)

    return _rate(extract, articles, seconds)


def _quality(docs: list[dict[str, Any]]) -> dict[str, float]:
    from tests.quality.agreement_scoring import AgreementScore, score_article  # the gate's scorer, not a copy

    gold = {a["file"]: a for a in orjson.loads((SHARED / "gold" / "seeds.json").read_bytes())["articles"]}
    score = AgreementScore()
    for doc in docs:
        score_article(score, doc["file"], doc["agreements"], gold[doc["file"]])
    return score.figures()


def run(quick: bool = False) -> dict[str, Any]:
    """Measure and return the benchmark rows."""
    resources = Resources.load()
    docs = _clean_seeds(OfflineAnalyzer(resources))
    articles = _four_kb(docs)
    seconds = 1.0 if quick else 4.0
    reference = _rate(lambda a: _WORD.findall(a.body), articles, seconds / 2)
    whole = _rate(lambda a: tag_article(a, resources), articles, seconds)
    countries = _rate(lambda a: tag_countries(a.title, a.body, resources.gazetteer), articles, seconds / 2)
    agreements = _agreements_rate(resources, articles, seconds / 2)
    quality = _quality(docs)
    rows = [
        {"name": "tagger (countries+agreements), 4 KB seeds", "value": whole, "unit": "articles/s/core",
         "reference": reference, "ratio": whole / reference},
        {"name": "countries only, 4 KB seeds", "value": countries, "unit": "articles/s/core",
         "reference": reference, "ratio": countries / reference},
        {"name": "agreements only (mentions given), 4 KB seeds", "value": agreements, "unit": "articles/s/core",
         "reference": reference, "ratio": agreements / reference},
        {"name": "seed agreement F1 (parties, type)", "value": quality["f1"], "unit": "F1"},
        {"name": "seed status accuracy (matched)", "value": quality["status_accuracy"], "unit": "accuracy"},
        {"name": "seed duration accuracy (matched)", "value": quality["duration_accuracy"], "unit": "accuracy"},
        {"name": "seed near misses reported", "value": quality["near_misses_reported"], "unit": "count"},
    ]  # fmt: skip
    return {"rows": rows, "article_bytes": SIZE, "reference": "re.findall(r'\\w+') over the same texts"}
