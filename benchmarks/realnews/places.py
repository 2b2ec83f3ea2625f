"""Countries, focus and ``by_place`` on the real-news set: ``python -m benchmarks.realnews.places``.

``data/countries.jsonl`` labels 300 of the articles (60 per language, both parts) by
``LABELLING.md``'s country rules, read before any tagger ran on them: the countries mentioned, the
one to three in focus, and every city and region named with the country it is in. This scores
``wirewatch analyze`` against them, per part and language:

- countries: micro precision, recall and F1 of the codes with a mention (a place is not one);
- focus: micro precision, recall and F1 of the focus flags against ``countries_focus``;
- ``by_place``: precision of the places found (same place, as written or inflected, and same
  country as labelled) and their recall over the labelled places.

With ``--errors`` it lists the development part's focus and place errors (never the test part's).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from benchmarks.realnews import DATA, LANGUAGES, PARTS, Article, load_articles
from wirewatch.core.analysis import Resources
from wirewatch.core.countries.places import PlaceIndex
from wirewatch.offline import OfflineAnalyzer

LABELS = DATA / "countries.jsonl"


@dataclass
class Counts:
    """True positives, predictions and labels of one figure."""

    hit: int = 0
    predicted: int = 0
    gold: int = 0

    def figures(self) -> tuple[float, float, float]:
        """Precision, recall, F1 (1.0 for an empty side)."""
        p = self.hit / self.predicted if self.predicted else 1.0
        r = self.hit / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    """Counts by (part, language or "all", figure), and the development part's errors."""

    counts: dict[tuple[str, str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)

    def add(self, part: str, lang: str, name: str, hit: int, predicted: int, gold: int) -> None:
        for key in ((part, lang, name), (part, "all", name)):
            c = self.counts[key]
            c.hit, c.predicted, c.gold = c.hit + hit, c.predicted + predicted, c.gold + gold


def load_country_labels(path: Path = LABELS) -> dict[str, dict[str, Any]]:
    """The country labels by article id."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def _same_place(a: str, b: str) -> bool:
    """The same place name, allowing an inflected ending (Харькове ~ Харьков, Münchens ~ München)."""
    a, b = a.casefold().strip(), b.casefold().strip()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1]) and len(long_) - len(short) <= 3


def score_article(scores: Scores, part: str, lang: str, doc: dict[str, Any], label: dict[str, Any]) -> None:
    """Add one article's countries, focus and places to ``scores``."""
    got = {c["code"] for c in doc.get("countries", []) if c["mentions"]}
    want = set(label["countries_mentioned"])
    scores.add(part, lang, "countries", len(got & want), len(got), len(want))
    focus = {c["code"] for c in doc.get("countries", []) if c["focus"]}
    want_focus = set(label["countries_focus"])
    scores.add(part, lang, "focus", len(focus & want_focus), len(focus), len(want_focus))
    places = doc.get("by_place", [])
    gold = label.get("places", [])
    right = [p for p in places if any(_same_place(p["surface"], g["surface"]) and p["code"] == g["code"] for g in gold)]
    found = [g for g in gold if any(_same_place(p["surface"], g["surface"]) and p["code"] == g["code"] for p in places)]
    # one place named twice is one labelled place: count predictions by distinct surface
    distinct = {(p["surface"].casefold(), p["code"]) for p in places}
    distinct_right = {(p["surface"].casefold(), p["code"]) for p in right}
    scores.add(part, lang, "by_place", len(distinct_right), len(distinct), 0)
    scores.add(part, lang, "by_place_recall", len(found), 0, len(gold))
    if part == "dev":
        for code in sorted(focus ^ want_focus):
            scores.errors.append(f"{doc['id']} focus {'extra' if code in focus else 'missed'} {code}")
        for surface, code in sorted(distinct - distinct_right):
            scores.errors.append(f"{doc['id']} place wrong {surface!r} -> {code}")


def evaluate(
    articles: list[Article] | None = None, analyzer: OfflineAnalyzer | None = None, path: Path = LABELS
) -> Scores:
    """Analyse every labelled article (of ``articles``, default all) and score it."""
    analyzer = analyzer or OfflineAnalyzer()
    labels = load_country_labels(path)
    scores = Scores()
    for article in load_articles() if articles is None else articles:
        label = labels.get(article.id)
        if label is None or article.text is None:
            continue
        doc = analyzer.analyze_bytes(orjson.dumps(article.raw()))
        if "error" not in doc:
            score_article(scores, article.part, article.lang, doc, label)
    return scores


def table(scores: Scores) -> str:
    """Per part and language: countries F1, focus P/R/F1, by_place precision and recall."""
    lines = ["part  lang  countries-F1  focus-P  focus-R  focus-F1  by_place-P  by_place-R  places"]
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            c = scores.counts[part, lang, "countries"].figures()
            f = scores.counts[part, lang, "focus"].figures()
            bp = scores.counts[part, lang, "by_place"]
            br = scores.counts[part, lang, "by_place_recall"]
            lines.append(
                f"{part:<5} {lang:<5} {c[2]:>12.3f}  {f[0]:.3f}    {f[1]:.3f}    {f[2]:.3f}     "
                f"{bp.figures()[0]:.3f}       {br.figures()[1]:.3f}       {bp.predicted}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realnews.places", description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--errors", action="store_true", help="list the development part's errors")
    parser.add_argument("--no-places", action="store_true", help="tag without the place index")
    args = parser.parse_args()
    analyzer = None
    if args.no_places:
        resources = Resources.load()
        analyzer = OfflineAnalyzer(replace(resources, places=PlaceIndex({}, {}, {})))
    scores = evaluate(analyzer=analyzer, path=args.labels)
    print(table(scores))
    if args.errors:
        print("\n".join(scores.errors))


if __name__ == "__main__":
    main()


def figures(scores: Scores, part: str) -> dict[str, float]:
    """The gate's figures of one part: countries F1, focus F1, ``by_place`` precision, and per language."""
    result: dict[str, float] = {}
    for lang in ("all", *LANGUAGES):
        suffix = "" if lang == "all" else f"_{lang}"
        if scores.counts[part, lang, "countries"].gold == 0:
            continue
        result[f"countries_f1{suffix}"] = round(scores.counts[part, lang, "countries"].figures()[2], 4)
        result[f"focus_f1{suffix}"] = round(scores.counts[part, lang, "focus"].figures()[2], 4)
        result[f"by_place_precision{suffix}"] = round(scores.counts[part, lang, "by_place"].figures()[0], 4)
    return result
