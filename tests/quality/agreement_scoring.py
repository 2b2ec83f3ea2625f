"""Score predicted agreements against gold labels, by the rules of ``gold/LABELLING.md``.

Two ways to match a prediction to a label (one to one, the most pairs possible):

- **strict**: the party set and the type are equal (``LABELLING.md``'s own rule);
- **lenient** (the real-news figures): the type equals the label's or one of its
  ``type_alternatives``, and the party set equals the label's ``parties`` (what a reader knows),
  or its ``parties_in_text`` (what the text itself names), or lies between the two, or shares at
  least two parties with ``parties`` at a Jaccard index of 0.5 or more.

Among several candidates a label with the same written year is preferred. Status and duration
are accuracies over the matched pairs (a status in ``status_alternatives`` is right too).
Unmatched predictions whose party set matches a near miss's (by the same party rule) are counted
apart (``near_misses_reported``): neither rewarded nor penalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_YEAR = re.compile(r"(?:19|20)\d\d")
Label = dict[str, Any]
Prediction = dict[str, Any]


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

    def add(self, other: AgreementScore) -> None:
        """Add ``other``'s counts and lists to this score."""
        for name in ("gold", "predicted", "matched", "status_right", "duration_right", "near_misses_reported"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_positives += other.false_positives
        self.missed += other.missed
        self.wrong_status += other.wrong_status


def strict_parties(predicted: frozenset[str], label: Label) -> bool:
    """The party set equals the label's."""
    return predicted == frozenset(label["parties"])


def lenient_parties(predicted: frozenset[str], label: Label) -> bool:
    """The party set equals, or lies between, the text's and the reader's sets, or overlaps enough."""
    known = frozenset(label["parties"])
    named = frozenset(label.get("parties_in_text") or label["parties"])
    if predicted in (known, named) or (named <= predicted <= known):
        return True
    shared = len(predicted & known)
    return shared >= 2 and shared / len(predicted | known) >= 0.5


def _types(label: Label, lenient: bool) -> set[str]:
    return {label["type"], *label.get("type_alternatives", ())} if lenient else {label["type"]}


def _pairs_ok(pred: Prediction, label: Label, lenient: bool) -> bool:
    parties = frozenset(pred["parties"])
    rule: Callable[[frozenset[str], Label], bool] = lenient_parties if lenient else strict_parties
    return pred["type"] in _types(label, lenient) and rule(parties, label)


def _match(predicted: list[Prediction], labels: list[Label], lenient: bool) -> dict[int, int]:
    """A maximum one-to-one matching (prediction index -> label index); strict pairs and equal years first."""
    edges: dict[int, list[int]] = {}
    for i, pred in enumerate(predicted):
        candidates = [j for j, label in enumerate(labels) if _pairs_ok(pred, label, lenient)]
        candidates.sort(
            key=lambda j: (
                not _pairs_ok(pred, labels[j], False),
                _year(labels[j].get("date")) != _year(pred.get("date")),
            )
        )
        edges[i] = candidates
    owner: dict[int, int] = {}  # label -> prediction

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_article(
    score: AgreementScore, name: str, predicted: list[Prediction], gold: Label, *, lenient: bool = False
) -> None:
    """Add one article's predictions (wire ``agreements``) and labels to ``score``."""
    labels: list[Label] = list(gold["agreements"])
    near = [frozenset(n["parties"]) for n in gold.get("near_misses", [])]
    score.gold += len(labels)
    score.predicted += len(predicted)
    pairs = _match(predicted, labels, lenient)
    for i, pred in enumerate(predicted):
        parties = frozenset(pred["parties"])
        if i not in pairs:
            if any(parties == n or (lenient and lenient_parties(parties, {"parties": sorted(n)})) for n in near):
                score.near_misses_reported += 1
            else:
                score.false_positives.append(f"{name}: {sorted(parties)} {pred['type']} {pred['status']}")
            continue
        label = labels[pairs[i]]
        score.matched += 1
        right = pred["status"] == label["status"] or pred["status"] in label.get("status_alternatives", ())
        score.status_right += right
        score.duration_right += pred.get("duration") == label.get("duration")
        if not right:
            score.wrong_status.append(f"{name}: {label['evidence'][:60]} -> {pred['status']} != {label['status']}")
    matched = set(pairs.values())
    score.missed.extend(
        f"{name}: {sorted(g['parties'])} {g['type']}: {g['evidence'][:70]}"
        for j, g in enumerate(labels)
        if j not in matched
    )
