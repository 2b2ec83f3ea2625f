"""Quality gate for countries, focus and ``by_place`` on the labelled real news (benchmarks/realnews).

300 articles carry country labels (``data/countries.jsonl``). Those whose text is committed under a
free licence are always scored; the whole set where its other texts are materialised
(``python -m benchmarks.realnews materialise``). Floors are in ``countries_floors.json`` and follow
the one mechanism of ``floors.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.realnews import load_articles
from benchmarks.realnews.places import Scores, evaluate, figures, load_country_labels, table

from tests.quality.floors import below_floors
from wirewatch.offline import OfflineAnalyzer

FLOORS_PATH = Path(__file__).with_name("countries_floors.json")


@pytest.fixture(scope="module")
def scored() -> tuple[bool, Scores, Scores]:
    labelled = set(load_country_labels())
    articles = [a for a in load_articles() if a.id in labelled]
    analyzer = OfflineAnalyzer()
    complete = all(a.text is not None for a in articles)
    free = evaluate([a for a in articles if a.redistributable], analyzer)
    return complete, free, evaluate(articles, analyzer) if complete else Scores()


def test_every_labelled_article_is_in_the_set_with_its_labels_well_formed() -> None:
    known = {a.id: a for a in load_articles()}
    for article_id, label in load_country_labels().items():
        assert article_id in known, article_id
        assert label["lang"] == known[article_id].lang
        assert all(
            len(code) == 3 and code.isupper() for code in label["countries_mentioned"] + label["countries_focus"]
        )
        assert len(label["countries_focus"]) <= 3, article_id
        assert all(p["kind"] in ("city", "region", "other") and len(p["code"]) == 3 for p in label["places"])


@pytest.mark.parametrize("part", ["dev", "test"])
def test_freely_licensed_real_news_meet_the_floors(scored, part: str) -> None:
    _, free, _ = scored
    measured = figures(free, part)
    assert below_floors(FLOORS_PATH, f"realnews_free_{part}", measured) == {}, (measured, table(free))


@pytest.mark.parametrize("part", ["dev", "test"])
def test_all_labelled_real_news_meet_the_floors(scored, part: str) -> None:
    complete, _, whole = scored
    if not complete:
        pytest.skip("texts not materialised (python -m benchmarks.realnews materialise)")
    measured = figures(whole, part)
    assert below_floors(FLOORS_PATH, f"realnews_{part}", measured) == {}, (measured, table(whole))
