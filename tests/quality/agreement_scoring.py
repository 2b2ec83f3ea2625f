"""Score predicted agreements against gold labels, by the rules of ``gold/LABELLING.md``.

A prediction matches a label when party set and type are equal (one-to-one; among several
candidates, the one with the same written year first). Status and duration are accuracies over
matched pairs. Unmatched predictions whose party set equals a near miss's are counted apart
(``near_misses_reported``) and are not false positives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_YEAR = re.compile(r"(?:19|20)\d\d")


def _year(date: str | None) -> str | None:
    m = _YEAR.search(date or "")
    return m.group(0) if m else None


@dataclass
class AgreementScore:
    """Counts over a set of articles; the figures are properties."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    status_right: int = 0
    duration_right: int = 0
    near_misses_reported: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        counted = self.predicted - self.near_misses_reported
        return self.matched / counted if counted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.matched if self.matched else 1.0

    @property
    def duration_accuracy(self) -> float:
        return self.duration_right / self.matched if self.matched else 1.0

    def figures(self) -> dict[str, float]:
        return {
            "f1": round(self.f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "status_accuracy": round(self.status_accuracy, 4),
            "duration_accuracy": round(self.duration_accuracy, 4),
            "near_misses_reported": self.near_misses_reported,
        }


def score_article(score: AgreementScore, name: str, predicted: list[dict[str, Any]], gold: dict[str, Any]) -> None:
    """Add one article's predictions (wire ``agreements``) and labels to ``score``."""
    labels = list(gold["agreements"])
    near = [frozenset(n["parties"]) for n in gold.get("near_misses", [])]
    score.gold += len(labels)
    score.predicted += len(predicted)
    for pred in predicted:
        key = (frozenset(pred["parties"]), pred["type"])
        candidates = [g for g in labels if (frozenset(g["parties"]), g["type"]) == key]
        if not candidates:
            if key[0] in near:
                score.near_misses_reported += 1
            else:
                score.false_positives.append(f"{name}: {sorted(key[0])} {key[1]} {pred['status']}")
            continue
        label = next((g for g in candidates if _year(g["date"]) == _year(pred.get("date"))), candidates[0])
        labels.remove(label)
        score.matched += 1
        score.status_right += pred["status"] == label["status"]
        score.duration_right += pred.get("duration") == label["duration"]
        if pred["status"] != label["status"]:
            score.wrong_status.append(f"{name}: {label['evidence'][:60]} -> {pred['status']} != {label['status']}")
    score.missed.extend(f"{name}: {g['evidence'][:70]}" for g in labels)
