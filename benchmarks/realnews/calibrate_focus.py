"""Calibrate the focus rule on the development part: ``python -m benchmarks.realnews.calibrate_focus``.

Cleans each labelled development article once, then scores the focus flags over a grid of the
rule's constants (``core.countries.salience``: the share of the most named country that puts a
second one in focus, the share for a country the title names, a place's weight beside a
mention) and prints the best settings by focus F1, the current ones marked. Never reads the
test part. The constants in ``salience.py`` are set by hand from its output.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import orjson

from benchmarks.realnews import load_articles
from benchmarks.realnews.places import Counts, load_country_labels
from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.wire import clean_from_wire
from wirewatch.core.analysis import Resources
from wirewatch.core.countries import salience, tag_countries

GRID = {
    "FOCUS_SHARE": (0.3, 0.35, 0.4, 0.45, 0.5, 0.6),
    "TITLE_SHARE": (0.0, 0.1, 0.15, 0.25),
    "PLACE_WEIGHT": (0.25, 0.5, 1.0),
}


def main() -> None:
    resources = Resources.load()
    cleaner = CleanerHandler(resources.clean_options)
    labels = load_country_labels()
    dev = []
    for article in load_articles():
        if article.part != "dev" or article.id not in labels or article.text is None:
            continue
        outcome = cleaner.handle(orjson.dumps(article.raw()), Origin(), "2026-01-01T00:00:00Z")
        if not outcome.failed:
            dev.append((clean_from_wire(outcome.outputs[0].document), labels[article.id]))
    current = {name: getattr(salience, name) for name in GRID}
    results = []
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values, strict=True):
            setattr(salience, name, value)
        counts: dict[str, Counts] = defaultdict(Counts)
        for clean, label in dev:
            tagging = tag_countries(clean.title, clean.body, resources.gazetteer, lang=clean.lang,
                                    published=clean.published, places=resources.places)  # fmt: skip
            got = {t.code for t in tagging.countries if t.focus}
            want = set(label["countries_focus"])
            for key in ("all", clean.lang or "?"):
                c = counts[key]
                c.hit, c.predicted, c.gold = c.hit + len(got & want), c.predicted + len(got), c.gold + len(want)
        results.append((counts["all"].figures()[2], dict(zip(GRID, values, strict=True)), counts))
    for name, value in current.items():
        setattr(salience, name, value)
    results.sort(key=lambda r: -r[0])
    for f1, setting, counts in results[:12]:
        mark = " (current)" if setting == current else ""
        langs = " ".join(f"{k}={v.figures()[2]:.3f}" for k, v in sorted(counts.items()) if k != "all")
        print(f"F1 {f1:.3f}  {setting}  {langs}{mark}")
    now = next(r for r in results if r[1] == current)
    print(f"current: F1 {now[0]:.3f}  {current}")


if __name__ == "__main__":
    main()
