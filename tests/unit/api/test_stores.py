"""The API's bounded stores and parameter parsing, on real agreement events from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seeded import seed_outputs
from wirewatch.api import query
from wirewatch.api.stores import AgreementFilter, AgreementStore, CountryStore, RelationStore, top_pairs
from wirewatch.contracts.aggregates import parse_time


@pytest.fixture(scope="module")
def agreements(seeds_dir: Path):
    return seed_outputs(seeds_dir).agreements


@pytest.fixture(scope="module")
def reports(seeds_dir: Path):
    return seed_outputs(seeds_dir).reports


def relation(pair, start, articles, window="P1D"):
    return {
        "id": f"{window}-{start}-{pair}",
        "countries": list(pair),
        "window": window,
        "window_start": start,
        "window_end": start,
        "articles": articles,
        "articles_in_focus": 0,
        "agreements": {},
        "emitted_at": start,
    }


def test_reports_of_one_agreement_merge_into_one_view_with_every_source(agreements, reports):
    store = AgreementStore()
    for event in agreements:
        store.add(event)
    for report in reports:
        store.add_report(report)
    military, _ = store.query(AgreementFilter(type="military"), 50, 0)
    assert len(military) == 1
    [merged] = military
    assert sorted(merged["parties"]) == ["MMR", "RUS"]
    assert merged["reports"] == len(merged["sources"]) >= 2
    assert {e["lang"] for e in merged["evidences"]} >= {"de", "en"}
    assert all(e["evidence"] for e in merged["evidences"])
    assert len(merged["evidences"]) == merged["reports"]


def test_a_report_before_its_event_is_kept_and_shown_once_the_event_arrives(agreements, reports):
    store = AgreementStore()
    assert store.add_report(reports[0]) is None
    event = next(e for e in agreements if e["id"] == reports[0]["id"])
    view = store.add(event)
    assert [e["evidence"] for e in view["evidences"]] == [reports[0]["evidence"]]
    assert store.add_report(reports[0])["evidences"] == view["evidences"]  # a replayed report adds nothing


def test_without_reports_the_event_shows_its_own_evidence(agreements):
    store = AgreementStore()
    view = store.add(agreements[0])
    assert view["evidences"] == [{"article_id": None, "evidence": agreements[0]["evidence"], "lang": None}]


def test_filters_and_pages(agreements):
    store = AgreementStore()
    for event in agreements:
        store.add(event)
    everything, total = store.query(AgreementFilter(), 50, 0)
    assert total == len(everything) == len({e["id"] for e in agreements})
    assert store.query(AgreementFilter(country="FRA"), 50, 0) == ([], 0)
    assert store.query(AgreementFilter(status="planned", country="RUS"), 50, 0)[1] == sum(
        1 for d in everything if d["status"] == "planned"
    )
    first, _ = store.query(AgreementFilter(), 1, 0)
    second, _ = store.query(AgreementFilter(), 1, 1)
    assert first and second and first[0]["id"] != second[0]["id"]
    later = parse_time(everything[0]["last_seen"]) + 1
    assert store.query(AgreementFilter(since=later), 50, 0) == ([], 0)


def test_the_agreement_store_forgets_the_least_recently_seen_first(agreements):
    store = AgreementStore(limit=1)
    for event in agreements:
        store.add(event)
    assert len(store) == 1
    assert store.get(agreements[-1]["id"]) is not None


def test_country_counts_cover_only_the_window_and_count_articles_once():
    store = CountryStore(limit=10)
    store.add({"id": "1", "country": "RUS", "article_id": "a", "focus": True, "event_time": "2026-01-01T10:00:00Z"})
    store.add({"id": "1", "country": "RUS", "article_id": "a", "focus": True, "event_time": "2026-01-01T10:00:00Z"})
    store.add({"id": "2", "country": "MMR", "article_id": "a", "focus": False, "event_time": "2026-01-01T10:00:00Z"})
    store.add({"id": "3", "country": "RUS", "article_id": "b", "focus": False, "event_time": "2026-01-01T08:00:00Z"})
    now = parse_time("2026-01-01T10:30:00Z")
    assert store.counts(3600, now) == [
        {"country": "MMR", "articles": 1, "in_focus": 0},
        {"country": "RUS", "articles": 1, "in_focus": 1},
    ]
    assert store.counts(86400, now)[0] == {"country": "RUS", "articles": 2, "in_focus": 1}


def test_the_country_store_is_bounded():
    store = CountryStore(limit=3)
    for i in range(10):
        store.add({"id": str(i), "country": "RUS", "article_id": str(i), "focus": False, "event_time": "2026-01-01"})
    assert len(store) == 3


def test_relations_for_a_country_newest_first_and_top_pairs(agreements):
    relations = RelationStore(limit=10)
    relations.add(relation(("MMR", "RUS"), "2026-01-01T00:00:00Z", 3))
    relations.add(relation(("MMR", "RUS"), "2026-01-02T00:00:00Z", 4))
    relations.add(relation(("CHN", "USA"), "2026-01-02T00:00:00Z", 9))
    relations.add(relation(("MMR", "RUS"), "2026-01-02T10:00:00Z", 1, window="PT1H"))
    days = relations.for_country("RUS", "P1D", 10)
    assert [d["window_start"] for d in days] == ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"]
    assert len(relations.for_country("RUS", None, 10)) == 3
    store = AgreementStore()
    for event in agreements:
        store.add(event)
    pairs = top_pairs(store, relations, 50)
    assert pairs[0]["countries"] == ["MMR", "RUS"]  # the most agreements
    assert pairs[0]["articles"] == 7
    assert {"countries": ["CHN", "USA"], "agreements": 0, "articles": 9} in pairs
    assert pairs[-1]["agreements"] == 0  # pairs with agreements come first
    assert [p["agreements"] for p in pairs] == sorted((p["agreements"] for p in pairs), reverse=True)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"country": "Russia"}, "country"),
        ({"type": "friendship"}, "type"),
        ({"status": "done"}, "status"),
        ({"since": "last week"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_bad_agreement_parameters_name_themselves(params, parameter):
    with pytest.raises(query.ParamError) as caught:
        query.agreement_filter(params)
        query.page(params)
    assert caught.value.parameter == parameter


def test_good_parameters_are_normalised():
    wanted = query.agreement_filter({"country": "rus", "type": "military", "since": "2026-01-01"})
    assert (wanted.country, wanted.type, wanted.since) == ("RUS", "military", parse_time("2026-01-01"))
    assert query.window({"window": "90m"}) == 5400
    assert query.window({}) == 86400
    with pytest.raises(query.ParamError):
        query.window({"window": "31d"})
