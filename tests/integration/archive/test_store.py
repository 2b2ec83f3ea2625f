"""The archive's contract, on real SQLite and a real PostgreSQL: the same tests, both backends.

Documents come from the real pipeline (``tests.seeded``): the seeds cleaned and tagged in-process.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.seeded import compound_article, seed_messages, seed_outputs
from wirewatch.archive import AgreementQuery, Cursor, SearchQuery, open_archive
from wirewatch.archive.export import CSV_COLUMNS, write_csv
from wirewatch.contracts.topics import Topic


@pytest.fixture
def opened() -> Any:
    """``open_archive``, with every archive it opened closed after the test (even a failing one)."""
    archives: list[Any] = []

    def open_one(url: str) -> Any:
        archives.append(open_archive(url))
        return archives[-1]

    yield open_one
    for archive in archives:
        archive.close()


@pytest.fixture
def seeded(archive_url: str, seeds_dir: Path, opened: Any) -> Any:
    archive = opened(archive_url)
    archive.ingest(seed_messages(seeds_dir))
    return archive


def test_ingesting_twice_changes_no_count(archive_url: str, seeds_dir: Path, opened: Any) -> None:
    archive = opened(archive_url)
    messages = seed_messages(seeds_dir)
    archive.ingest(messages)
    first = archive.counts()
    assert first.articles == 5
    assert first.agreements == len({doc["id"] for topic, doc in messages if topic is Topic.AGREEMENTS})
    assert (
        first.reports > 0
        and first.country_events > 0
        and first.relations == len({d["id"] for t, d in messages if t is Topic.RELATIONS})
    )
    archive.ingest(messages)
    archive.ingest(reversed(messages))  # a replay in another order: an older update must not win
    assert archive.counts() == first
    latest = {doc["id"]: doc for topic, doc in messages if topic is Topic.AGREEMENTS}
    for agreement_id, doc in latest.items():
        stored = archive.agreement(agreement_id)
        assert stored is not None
        assert stored["last_seen"] == max(
            d["last_seen"] for t, d in messages if t is Topic.AGREEMENTS and d["id"] == agreement_id
        ), doc["id"]


def test_a_reopened_archive_keeps_its_data_and_schema(archive_url: str, seeds_dir: Path, opened: Any) -> None:
    archive = opened(archive_url)
    archive.ingest(seed_messages(seeds_dir))
    before, version = archive.counts(), archive.schema_version()  # type: ignore[attr-defined]
    archive.close()
    again = opened(archive_url)  # migrations already applied: nothing runs twice
    assert again.counts() == before
    assert again.schema_version() == version == 2  # type: ignore[attr-defined]
    assert [h.lang for h in again.search(SearchQuery("Shoigu"))]


def test_search_finds_german_words_compounds_and_the_english_seed(seeded: Any) -> None:
    german = seeded.search(SearchQuery("Abkommen"))
    assert german and {h.lang for h in german} == {"de"}
    assert german[0].match == "word" and "<mark>" in german[0].snippet
    shoigu = seeded.search(SearchQuery("Shoigu"))
    assert shoigu and {h.lang for h in shoigu} == {"en"}
    assert all({"id", "lang", "title", "published"} <= set(h.as_dict()) for h in shoigu)
    seeded.ingest([(Topic.TAGGED, compound_article())])
    found = seeded.search(SearchQuery("abkommen", lang="de"))
    assert "compound0000001" in [h.id for h in found]
    (infix,) = [h for h in found if h.id == "compound0000001"]
    assert infix.match == "infix" and "bkommen</mark>" in infix.snippet.lower()
    assert found.index(infix) == len(found) - 1  # whole words rank first
    tiers = [h.match for h in seeded.search(SearchQuery("Abkommen", limit=100))]
    assert tiers == sorted(tiers, key=["word", "prefix", "infix"].index) and {"word", "infix"} <= set(tiers)
    assert seeded.search(SearchQuery("AbKommen", lang="en")) == []


def test_search_folds_diacritics_and_filters(seeded: Any) -> None:
    plain = [h.id for h in seeded.search(SearchQuery("Militarregierung"))]
    accented = [h.id for h in seeded.search(SearchQuery("Militärregierung"))]
    assert plain and plain == accented
    assert seeded.search(SearchQuery("Shoigu", country="PRK")) == []
    assert seeded.search(SearchQuery("Myanmar", country="MMR"))
    assert seeded.search(SearchQuery("Myanmar", since=4_000_000_000.0)) == []
    assert seeded.search(SearchQuery('"; DROP TABLE articles; --')) == []
    assert seeded.search(SearchQuery("Myanmar", limit=2)) and len(seeded.search(SearchQuery("Myanmar", limit=2))) == 2


def test_agreements_filter_and_keyset_pages_cover_everything_once(seeded: Any) -> None:
    everything = seeded.agreements(AgreementQuery(limit=500))
    seen, cursor = [], None
    while True:
        page = seeded.agreements(AgreementQuery(limit=2, after=cursor))
        assert page.total == everything.total
        seen += [item["id"] for item in page.items]
        if page.next_cursor is None:
            break
        cursor = Cursor.decode(page.next_cursor.encode())
    assert seen == [item["id"] for item in everything.items] and len(set(seen)) == everything.total
    korea = seeded.agreements(AgreementQuery(country="PRK"))
    assert korea.total == 1 and "PRK" in korea.items[0]["parties"]
    military = seeded.agreements(AgreementQuery(type="military", status="signed"))
    assert military.total >= 1
    assert all(i["type"] == "military" and i["status"] == "signed" for i in military.items)
    assert seeded.agreements(AgreementQuery(since=4_000_000_000.0)).total == 0
    evidences = military.items[0]["evidences"]
    assert {e["lang"] for e in evidences} >= {"de", "en"}  # one sentence per reporting article
    assert all(e["evidence_span"]["end"] > e["evidence_span"]["start"] for e in evidences)


def test_the_article_view_has_text_spans_and_evidence(seeded: Any, seeds_dir: Path) -> None:
    tagged = seed_outputs(seeds_dir).tagged[0]
    view = seeded.article(tagged["id"])
    assert view["title"] == tagged["title"] and view["body"] == tagged["body"]
    for country in view["countries"]:
        for span in country["spans"]:
            text = view[span["field"]]
            assert text[span["start"] : span["end"]], country
    assert view["agreements"] and all("evidence_span" in a for a in view["agreements"])
    assert seeded.article("no-such-article") is None


def test_the_csv_export_parses_with_one_row_per_agreement(seeded: Any) -> None:
    out = io.StringIO()
    rows = write_csv(seeded.iter_agreements(AgreementQuery()), out)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows == len(parsed) == seeded.counts().agreements
    assert list(parsed[0]) == list(CSV_COLUMNS)
    assert len({r["id"] for r in parsed}) == len(parsed)
    assert all(r["parties"] and r["evidence"] for r in parsed)


def test_a_rewritten_article_is_found_by_its_new_text_only(seeded: Any) -> None:
    article = compound_article()
    seeded.ingest([(Topic.TAGGED, article)])
    assert [h.id for h in seeded.search(SearchQuery("abkommen", lang="de"))][-1] == article["id"]
    seeded.ingest([(Topic.TAGGED, {**article, "body": "Die Zollverhandlungsrunde in Wien geht weiter."})])
    assert article["id"] not in [h.id for h in seeded.search(SearchQuery("abkommen"))]
    assert [h.id for h in seeded.search(SearchQuery("verhandlungsrunde"))] == [article["id"]]  # infix, folded
    assert seeded.counts().articles == 6


def test_retention_deletes_only_what_is_older(seeded: Any) -> None:
    seeded.ingest([(Topic.TAGGED, compound_article())])
    before = seeded.counts()
    assert seeded.prune(0.0) == 0 and seeded.counts() == before
    seeded.prune(1_800_000_000.0)  # 2027: everything archived is older
    assert seeded.counts().as_dict() == dict.fromkeys(before.as_dict(), 0)
    assert seeded.search(SearchQuery("Atomabkommen")) == [] and seeded.search(SearchQuery("abkommen")) == []


def test_words_outside_latin_script_and_with_sharp_s_are_found_as_written(seeded: Any) -> None:
    article = {**compound_article(), "id": "cyrillic0000001", "lang": "ru", "title": "Шойгу в Нейпьидо"}
    article["body"] = "Секретарь Совбеза Шойгу подписал соглашение. Die Straße nach Wien."
    seeded.ingest([(Topic.TAGGED, article)])
    for query in ("Шойгу", "шойгу", "соглашение", "Straße"):
        assert "cyrillic0000001" in [h.id for h in seeded.search(SearchQuery(query))], query


def test_infix_hits_only_in_languages_that_join_compounds(seeded: Any) -> None:
    english = {**compound_article(), "id": "english00000001", "lang": "en", "body": "The reparations were agreed."}
    seeded.ingest([(Topic.TAGGED, english)])
    assert seeded.search(SearchQuery("parations")) == []  # found by both engines' infix index otherwise
    assert [h.id for h in seeded.search(SearchQuery("reparations"))] == ["english00000001"]


def test_words_as_written_come_before_the_longer_words_they_start(seeded: Any) -> None:
    longer = {**compound_article(), "id": "genitive0000001", "body": "Die Bedingungen des Abkommens sind streng."}
    seeded.ingest([(Topic.TAGGED, longer)])
    hits = seeded.search(SearchQuery("Abkommen", lang="de", limit=50))
    (genitive,) = [h for h in hits if h.id == "genitive0000001"]
    assert genitive.match == "prefix"
    assert all(h.match == "word" for h in hits[: hits.index(genitive)])


def test_country_counts_over_a_window(seeded: Any) -> None:
    at = 1767261900.0  # the seeds' fetch time (tests.seeded)
    rows = seeded.country_counts(at - 60, at + 60)
    by_code = {row["country"]: row for row in rows}
    assert by_code["MMR"]["articles"] == 5 and by_code["RUS"]["articles"] == 5
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    assert seeded.country_counts(at + 60, at + 120) == []
