"""Score the agreement extractor on the real-news set, per part and language, lenient and strict.

``evaluate`` runs each article through ``wirewatch analyze``'s handlers (cleaner and tagger, as a
user would) and scores it with the quality gate's scorer. ``python -m benchmarks.realnews.evaluate``
prints the table, and with ``--errors`` the development part's false positives, misses and
wrong statuses: never the test part's, which no fix is tuned on.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import orjson
from tests.quality.agreement_scoring import AgreementScore, score_article

from benchmarks.realnews import LANGUAGES, PARTS, Article, load_articles, load_labels
from wirewatch.offline import OfflineAnalyzer

MODES = ("lenient", "strict")


@dataclass
class Evaluation:
    """Scores by (part, language or "all", mode), and how many articles each part had."""

    scores: dict[tuple[str, str, str], AgreementScore] = field(default_factory=lambda: defaultdict(AgreementScore))
    articles: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def figures(self, part: str, lang: str = "all", mode: str = "lenient") -> dict[str, float]:
        """The scorer's figures of one cell."""
        return self.scores[part, lang, mode].figures()


def evaluate(articles: list[Article], analyzer: OfflineAnalyzer | None = None) -> Evaluation:
    """Analyse and score every labelled article that has its text (an unlabelled one is never analysed)."""
    analyzer = analyzer or OfflineAnalyzer()
    labels = load_labels()
    result = Evaluation()
    for article in articles:
        if article.text is None or article.id not in labels:
            continue
        doc = analyzer.analyze_bytes(orjson.dumps(article.raw()))
        predicted: list[dict[str, Any]] = doc.get("agreements", [])  # an article the cleaner refuses predicts none
        if article.part == "dev":  # per source too: a rule that helps one corpus only is suspect
            for mode in MODES:
                score_article(
                    result.scores[f"dev:{article.source}", article.lang, mode], article.id, predicted,
                    labels[article.id], lenient=mode == "lenient",
                )  # fmt: skip
            result.articles[f"dev:{article.source}", article.lang] += 1
        for lang in (article.lang, "all"):
            result.articles[article.part, lang] += 1
            for mode in MODES:
                score_article(
                    result.scores[article.part, lang, mode], article.id, predicted, labels[article.id],
                    lenient=mode == "lenient",
                )  # fmt: skip
    return result


def table(result: Evaluation) -> str:
    """A per-language table of both parts (lenient F1, precision, recall, status; strict F1)."""
    lines = ["part  lang  articles  labelled  F1     P      R      status  strict-F1"]
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            score = result.scores[part, lang, "lenient"]
            strict = result.scores[part, lang, "strict"]
            lines.append(
                f"{part:<5} {lang:<5} {result.articles[part, lang]:>8}  {score.gold:>8}  {score.f1:.3f}  "
                f"{score.precision:.3f}  {score.recall:.3f}  {score.status_accuracy:.3f}   {strict.f1:.3f}"
            )
    return "\n".join(lines)


def markdown(result: Evaluation) -> str:
    """The same table in Markdown, as the README shows it (totals in bold)."""
    lines = [
        "| part | lang | articles | agreements | F1 | precision | recall | status | strict F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            score = result.scores[part, lang, "lenient"]
            strict = result.scores[part, lang, "strict"]
            bold = "**" if lang == "all" else ""
            lines.append(
                f"| {bold}{part}{bold} | {bold}{lang}{bold} | {result.articles[part, lang]} | {score.gold} | "
                f"{bold}{score.f1:.2f}{bold} | {score.precision:.2f} | {score.recall:.2f} | "
                f"{score.status_accuracy:.2f} | {strict.f1:.2f} |"
            )
    return "\n".join(lines)


def by_source(result: Evaluation) -> str:
    """The development part per language and source repository (lenient F1, P, R)."""
    lines = ["lang  source                                  articles  labelled  F1     P      R"]
    cells = sorted(
        (lang, part[4:]) for part, lang, mode in result.scores if part.startswith("dev:") and mode == "lenient"
    )
    for lang, source in cells:
        score = result.scores[f"dev:{source}", lang, "lenient"]
        lines.append(
            f"{lang:<5} {source:<40} {result.articles[f'dev:{source}', lang]:>8}  {score.gold:>8}  "
            f"{score.f1:.3f}  {score.precision:.3f}  {score.recall:.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realnews.evaluate", description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list the development part's errors")
    parser.add_argument("--lang", help="only this language's errors")
    parser.add_argument("--by-source", action="store_true", help="the development part per source repository")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown, as in the README")
    args = parser.parse_args()
    result = evaluate(load_articles())
    print(markdown(result) if args.markdown else table(result))
    if args.by_source:
        print()
        print(by_source(result))
    if args.errors:
        lang = args.lang or "all"
        score = result.scores["dev", lang, "lenient"]
        for title, rows in (("false positives", score.false_positives), ("missed", score.missed),
                            ("wrong status", score.wrong_status)):  # fmt: skip
            print(f"\n== dev {lang}: {title} ({len(rows)})")
            print("\n".join(rows))


if __name__ == "__main__":
    main()
