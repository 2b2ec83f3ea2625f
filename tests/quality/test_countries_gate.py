"""Quality gate for the country tagger on the seeds, with pinned floors.

Measured twice: on the raw seed files (first line as title, the rest as body) and through
``wirewatch analyze`` (cleaner + tagger handlers, the quality contract). Figures:
micro precision, recall and F1 over (article, code) pairs of ``countries_mentioned``,
precision and recall of the focus flags against ``countries_focus``, and the same micro
figures for organisations.

A third gate reads ``countries_heldout.jsonl``: short articles of our own in en, de, fr, es, it
(and a few pt, nl, pl, ru, no), labelled by the rules of ``LABELLING.md``, covering people,
rivers, combining forms, compounds and ordinary news, so the gate does not rest on five seeds
alone. Its floor ("heldout") is pinned by hand a point below the measured figure.

The floors live in ``countries_floors.json``. A run below a floor fails. To pin new floors
after an improvement run with ``WIREWATCH_UPDATE_FLOORS=1``; the file is then rewritten with
the measured figures, but a floor only goes down when ``WIREWATCH_ALLOW_LOWER_FLOORS=1`` is set
too. A floors file whose figures are below those ``main`` pins fails the same way (the flag
name is the one the agreements gate uses).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from wirewatch.core.countries import Gazetteer, load_gazetteer, tag_countries
from wirewatch.offline import OfflineAnalyzer

FLOORS = Path(__file__).with_name("countries_floors.json")
HELDOUT = Path(__file__).with_name("countries_heldout.jsonl")
ROOT = Path(__file__).resolve().parents[2]
ALLOW_LOWER = "WIREWATCH_ALLOW_LOWER_FLOORS"
Pairs = set[tuple[str, str]]


def _micro(predicted: Pairs, expected: Pairs) -> tuple[float, float, float]:
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _pairs(name: str, codes: Iterable[str]) -> Pairs:
    return {(name, code) for code in codes}


def score(results: dict[str, dict[str, list[str]]], gold: dict[str, Any]) -> dict[str, float]:
    """Figures for per-file results ``{"countries": [...], "focus": [...], "organisations": [...]}``."""
    got, want, focus_got, focus_want, org_got, org_want = set(), set(), set(), set(), set(), set()
    for name, result in results.items():
        got |= _pairs(name, result["countries"])
        want |= _pairs(name, gold[name]["countries_mentioned"])
        focus_got |= _pairs(name, result["focus"])
        focus_want |= _pairs(name, gold[name]["countries_focus"])
        org_got |= _pairs(name, result["organisations"])
        org_want |= _pairs(name, gold[name]["organisations"])
    p, r, f1 = _micro(got, want)
    fp, fr, _ = _micro(focus_got, focus_want)
    op, orr, _ = _micro(org_got, org_want)
    figures = {"precision": p, "recall": r, "f1": f1, "focus_precision": fp, "focus_recall": fr}
    figures |= {"org_precision": op, "org_recall": orr}
    return {k: round(v, 4) for k, v in figures.items()}


def _raw_results(seeds_dir: Path, gold: dict[str, Any], gazetteer: Gazetteer) -> dict[str, dict[str, list[str]]]:
    results = {}
    for name, labels in gold.items():
        title, _, body = (seeds_dir / name).read_text(encoding="utf-8").partition("\n")
        tagging = tag_countries(title, body, gazetteer, lang=labels["lang"], published=labels.get("published"))
        results[name] = {
            "countries": [t.code for t in tagging.countries],
            "focus": [t.code for t in tagging.countries if t.focus],
            "organisations": [t.code for t in tagging.organisations],
        }
    return results


def _analyze_results(seeds_dir: Path, gold: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    docs = [{"id": name, "text": (seeds_dir / name).read_text(encoding="utf-8")} for name in gold]
    results = {}
    for doc in OfflineAnalyzer().analyze_documents(docs):
        results[doc["id"]] = {
            "countries": [c["code"] for c in doc["countries"]],
            "focus": [c["code"] for c in doc["countries"] if c["focus"]],
            "organisations": [o["code"] for o in doc["organisations"]],
        }
    return results


def _check(mode: str, figures: dict[str, float]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    if os.environ.get("WIREWATCH_UPDATE_FLOORS") == "1":
        lowered = {k: v for k, v in figures.items() if v < floors[mode].get(k, 0.0)}
        if lowered and os.environ.get(ALLOW_LOWER) != "1":
            pytest.fail(f"refusing to lower floors {lowered} without {ALLOW_LOWER}=1")
        floors[mode] = figures
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    below = {k: (v, floors[mode][k]) for k, v in figures.items() if v < floors[mode][k]}
    assert below == {}, f"{mode}: below the pinned floors (measured, floor): {below}"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_raw_seed_text_meets_the_floors(seeds_dir, gold, gazetteer) -> None:
    _check("raw", score(_raw_results(seeds_dir, gold, gazetteer), gold))


def test_wirewatch_analyze_meets_the_floors(seeds_dir, gold) -> None:
    _check("analyze", score(_analyze_results(seeds_dir, gold), gold))


def _heldout() -> list[dict[str, Any]]:
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def heldout_figures(gazetteer: Gazetteer) -> dict[str, float]:
    """Micro precision, recall and F1 of ``countries_mentioned``, and focus precision, on the held-out set."""
    results, gold = {}, {}
    for item in _heldout():
        tagging = tag_countries(item["title"], item["body"], gazetteer, lang=item["lang"])
        results[item["id"]] = {
            "countries": [t.code for t in tagging.countries],
            "focus": [t.code for t in tagging.countries if t.focus],
            "organisations": [],
        }
        gold[item["id"]] = {**item, "organisations": []}
    figures = score(results, gold)
    return {k: figures[k] for k in ("precision", "recall", "f1", "focus_precision", "focus_recall")}


def test_the_heldout_set_is_labelled_in_several_languages() -> None:
    items = _heldout()
    assert len(items) >= 60 and len({i["id"] for i in items}) == len(items)
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"} <= {i["lang"] for i in items}
    for item in items:
        assert set(item["countries_focus"]) <= set(item["countries_mentioned"]), item["id"]


def test_heldout_sentences_meet_the_floors(gazetteer) -> None:
    figures = heldout_figures(gazetteer)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["heldout"]
    below = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    assert below == {}, f"heldout: below the pinned floors (measured, floor): {below}"


def test_every_seed_country_is_found_with_no_extra_one_and_every_focus_flagged(seeds_dir, gold, gazetteer) -> None:
    """The issue's acceptance criterion, per article, on the raw text."""
    for name, result in _raw_results(seeds_dir, gold, gazetteer).items():
        assert sorted(result["countries"]) == sorted(gold[name]["countries_mentioned"]), name
        assert set(gold[name]["countries_focus"]) <= set(result["focus"]), name


def test_the_scorer_counts_pairs_not_articles() -> None:
    gold = {"a": {"countries_mentioned": ["RUS", "MMR"], "countries_focus": ["RUS"], "organisations": []}}
    figures = score({"a": {"countries": ["RUS", "CHN"], "focus": ["RUS", "CHN"], "organisations": []}}, gold)
    assert (figures["precision"], figures["recall"], figures["focus_precision"]) == (0.5, 0.5, 0.5)


def test_updating_the_floors_never_lowers_them_without_the_explicit_flag(tmp_path, monkeypatch) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"raw": {"f1": 0.9}}), encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.FLOORS", floors)
    monkeypatch.setenv("WIREWATCH_UPDATE_FLOORS", "1")
    with pytest.raises(pytest.fail.Exception, match="refusing to lower"):
        _check("raw", {"f1": 0.8})
    _check("raw", {"f1": 0.95})  # raising is always allowed
    assert json.loads(floors.read_text(encoding="utf-8"))["raw"]["f1"] == 0.95
    monkeypatch.setenv(ALLOW_LOWER, "1")
    _check("raw", {"f1": 0.5})
    assert json.loads(floors.read_text(encoding="utf-8"))["raw"]["f1"] == 0.5


def test_floors_are_not_lowered_against_main_without_the_flag() -> None:
    shown = subprocess.run(
        ["git", "show", "main:tests/quality/countries_floors.json"], cwd=ROOT, capture_output=True, check=False
    )
    if shown.returncode != 0:
        pytest.skip("main has no pinned country floors yet (or this is not a git checkout)")
    pinned, current = json.loads(shown.stdout), json.loads(FLOORS.read_text(encoding="utf-8"))
    lowered = [f"{mode}.{k}" for mode in pinned for k, v in pinned[mode].items() if current[mode].get(k, 0.0) < v]
    if lowered and os.environ.get(ALLOW_LOWER) != "1":
        pytest.fail(f"floors lowered against main: {lowered}; set {ALLOW_LOWER}=1 to accept")
