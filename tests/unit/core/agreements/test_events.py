"""Folding reports into events: one id per agreement, idempotent per article, status only moves forward."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.agreements import STATUS_RANK, Report, agreement_key, fold_report, is_stale
from wirewatch.core.model import Agreement, Span


def agreement(status: str = "planned", **changes: object) -> Agreement:
    base = Agreement(("NOR", "CHL"), "energy", status, "Norway and Chile …", Span(0, 10), 0.6)
    return replace(base, **changes)  # type: ignore[arg-type]  # test helper: fields by name


def report(article: str, seen: str, status: str = "planned", **changes: object) -> Report:
    return Report(agreement(status, **changes), article, seen, url=f"https://n.example/{article}", lang="en")


def test_same_parties_and_type_in_any_language_give_one_id() -> None:
    english = agreement("signed", parties=("MMR", "RUS"), type="military", duration="P4Y")
    german = agreement("signed", parties=("RUS", "MMR"), type="military", evidence="Russland hat …")
    assert agreement_key(english) == agreement_key(german)


def test_a_written_year_separates_agreements_but_a_relative_date_does_not() -> None:
    assert agreement_key(agreement(date="2015")) != agreement_key(agreement(date="2016"))
    assert agreement_key(agreement(date="April 2021")) == agreement_key(agreement(date="2021"))
    assert agreement_key(agreement(date="on Wednesday", date_resolved="2024-03-13")) == agreement_key(agreement())


def test_first_report_creates_the_event() -> None:
    event = fold_report(None, report("a", "2024-03-13T10:00:00Z"))
    assert event.reports == 1 and event.first_seen == event.last_seen == "2024-03-13T10:00:00Z"
    assert [c.status for c in event.status_history] == ["planned"]
    assert event.codes.cameo.startswith("03") and event.codes.plover_type == "AGREE"


def test_a_second_article_updates_sources_times_and_status() -> None:
    first = fold_report(None, report("a", "2024-03-13T10:00:00Z"))
    second = fold_report(first, report("b", "2024-03-14T08:00:00Z", "signed", duration="P10Y", venue="Oslo"))
    assert second.id == first.id
    assert [s.article_id for s in second.sources] == ["a", "b"] and second.reports == 2
    assert (second.first_seen, second.last_seen) == ("2024-03-13T10:00:00Z", "2024-03-14T08:00:00Z")
    assert second.agreement.status == "signed"
    assert [c.status for c in second.status_history] == ["planned", "signed"]
    assert (second.agreement.duration, second.agreement.venue) == ("P10Y", "Oslo")
    assert second.codes.cameo == "057" and second.codes.plover_type == "SUPPORT"
    assert second.latest.article_id == "b"


def test_the_same_article_twice_changes_nothing() -> None:
    first = fold_report(None, report("a", "2024-03-13T10:00:00Z"))
    assert fold_report(first, report("a", "2024-03-15T10:00:00Z", "signed")) is first


def test_status_does_not_move_back_and_cancellation_is_final() -> None:
    signed = fold_report(None, report("a", "t1", "signed"))
    assert fold_report(signed, report("b", "t2", "planned")).agreement.status == "signed"
    cancelled = fold_report(signed, report("c", "t3", "suspended_or_cancelled"))
    assert fold_report(cancelled, report("d", "t4", "signed")).agreement.status == "suspended_or_cancelled"


def test_more_confident_evidence_replaces_the_old() -> None:
    first = fold_report(None, report("a", "t1", confidence=0.4, evidence="weak"))
    second = fold_report(first, report("b", "t2", confidence=0.9, evidence="strong"))
    assert second.agreement.evidence == "strong" and second.agreement.confidence == 0.9


STATUSES = sorted(STATUS_RANK)


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(STATUSES)), min_size=1, max_size=12))
def test_folding_any_sequence_keeps_each_article_once_and_the_furthest_status(
    reports: list[tuple[str, str]],
) -> None:
    event = None
    for i, (article, status) in enumerate(reports):
        event = fold_report(event, report(article, f"2024-01-01T00:00:{i:02d}Z", status))
    assert event is not None
    firsts = {}
    for article, status in reports:
        firsts.setdefault(article, status)
    assert [s.article_id for s in event.sources] == list(firsts)
    assert STATUS_RANK[event.agreement.status] == max(STATUS_RANK[s] for s in firsts.values())
    ranks = [STATUS_RANK[c.status] for c in event.status_history]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_sources_are_capped_but_every_report_counts() -> None:
    from dataclasses import replace as _replace

    from wirewatch.core.agreements.events import MAX_SOURCES, fold_report, new_event

    first = report("a0", "2024-01-01T00:00:00Z")
    state = new_event(first)
    for i in range(1, MAX_SOURCES + 20):
        state = fold_report(state, _replace(first, article_id=f"a{i}"))
    assert len(state.sources) == MAX_SOURCES
    assert state.reports == MAX_SOURCES + 20


def test_an_event_is_stale_only_once_its_retention_has_passed() -> None:
    assert not is_stale("2024-03-01T00:00:00Z", "2024-03-08T00:00:00Z", retention_days=7)
    assert is_stale("2024-03-01T00:00:00Z", "2024-03-08T00:00:01Z", retention_days=7)
    assert is_stale("2024-03-01T00:00:00.000Z", "2024-03-01T00:00:10.000Z", retention_days=5 / 86_400)


def test_a_time_that_cannot_be_read_or_compared_is_never_stale() -> None:
    assert not is_stale("last week", "2024-03-08T00:00:00Z", retention_days=1)
    assert not is_stale("2020-01-01T00:00:00", "2024-03-08T00:00:00Z", retention_days=1)  # naive vs aware
