"""The cleaner shell: raw message in, clean message (with duplicate and story ids) or dead letter out.

The duplicate store runs over a plain dict here; in the worker the same ``DedupStore`` code
runs over a Faust table, which is a mutable mapping too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.cleaner.dedup_store import MAX_PER_KEY, DedupStore, day_of
from wirewatch.cleaner.handler import CleanerHandler
from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.schemas import validate
from wirewatch.contracts.topics import Topic
from wirewatch.core.cleaning import CleanOptions
from wirewatch.core.dedup import fingerprint

NOW = "2024-05-06T07:08:09.000Z"
DAY = day_of(NOW)
TEXT = "Harbour plan approved\n" + "\n".join(
    f"Paragraph {i}: the council approved the harbour plan, and the ferry will run every hour from May."
    for i in range(12)
)


@pytest.fixture(scope="module")
def options() -> CleanOptions:
    return CleanOptions()


@pytest.fixture
def table() -> dict[str, object]:
    return {}


@pytest.fixture
def handler(options: CleanOptions, table: dict[str, object]) -> CleanerHandler:
    return CleanerHandler(options, DedupStore(table))


def _message(article_id: str, text: str) -> bytes:
    return encode({"id": article_id, "text": text, "feed": "test"})


def test_a_raw_article_becomes_a_valid_clean_message(handler: CleanerHandler) -> None:
    outcome = handler.handle(_message("a1", TEXT), Origin(), NOW)
    assert not outcome.failed
    (out,) = outcome.outputs
    assert out.topic is Topic.CLEAN
    validate("clean-article.v1", out.document)
    assert out.document["title"] == "Harbour plan approved"
    assert out.document["duplicate_of"] is None
    assert out.document["story_id"] == "a1"
    assert out.document["cleaned_at"] == NOW


def test_a_second_copy_points_to_the_first_and_shares_its_story(handler: CleanerHandler) -> None:
    handler.handle(_message("a1", TEXT), Origin(), NOW)
    copy = handler.handle(_message("a2", TEXT.replace("Paragraph 3:", "Part 3:")), Origin(), NOW)
    assert copy.outputs[0].document["duplicate_of"] == "a1"
    assert copy.outputs[0].document["story_id"] == "a1"


def test_the_store_survives_a_new_handler_over_the_same_table(options: CleanOptions, table) -> None:
    CleanerHandler(options, DedupStore(table)).handle(_message("a1", TEXT), Origin(), NOW)
    restarted = CleanerHandler(options, DedupStore(table))
    assert restarted.handle(_message("a2", TEXT), Origin(), NOW).outputs[0].document["duplicate_of"] == "a1"


def test_a_line_the_site_repeats_in_other_articles_is_dropped(handler: CleanerHandler) -> None:
    slogan = "Harbour Daily brings you the news of the coast every single day"
    topics = ["ferry timetable", "bridge repairs", "school budget", "fishing quotas", "port lighting"]
    bodies = []
    for i, topic in enumerate(topics):
        text = f"News about the {topic}\n" + "\n".join(
            f"Item {i}.{j}: the council discussed the {topic} again, and members disagreed about the cost."
            for j in range(6)
        )
        message = encode({"id": f"s{i}", "text": f"{text}\n{slogan}", "url": f"https://harbour.example/{i}"})
        bodies.append(handler.handle(message, Origin(), NOW).outputs[0].document["body"])
    assert all(slogan in body for body in bodies[:3])
    assert all(slogan not in body for body in bodies[3:])


def test_keys_hold_a_bounded_number_of_ids(table) -> None:
    store = DedupStore(table)
    fp = fingerprint("T", "same body for everyone in this test of the bounded index lists")
    for i in range(MAX_PER_KEY + 5):
        store.apply(store.plan_resolve(f"id{i}", fp, DAY)[1], DAY)
    assert all(len(ids) <= MAX_PER_KEY for key, ids in table.items() if not key.startswith("article:"))


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (b"\x00\x01not json", "not_json"),
        (encode({"id": "b", "text": "\x00\x01\x02" * 100}), "binary"),
        (encode({"id": "e", "text": "   "}), "empty"),
        (encode({"id": "h", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}), "no_text"),
    ],
)
def test_bad_input_becomes_a_dead_letter_with_its_reason(handler: CleanerHandler, value: bytes, kind: str) -> None:
    outcome = handler.handle(value, Origin(), NOW)
    assert outcome.error_kind == kind
    (letter,) = outcome.outputs
    assert letter.topic is Topic.DEADLETTER
    validate("deadletter.v1", letter.document)


def test_every_seed_passes_through_the_shell(handler: CleanerHandler, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        outcome = handler.handle(_message(path.stem, path.read_text(encoding="utf-8")), Origin(), NOW)
        assert not outcome.failed, outcome.error_kind
        validate("clean-article.v1", outcome.outputs[0].document)


def _later(days: int) -> str:
    return f"2024-05-{6 + days:02d}T07:08:09.000Z"


def test_an_article_older_than_the_retention_is_forgotten_and_swept(options: CleanOptions, table) -> None:
    handler = CleanerHandler(options, DedupStore(table, retention_days=2))
    handler.handle(_message("a1", TEXT), Origin(), NOW)
    assert "article:a1" in table
    within = handler.handle(_message("a2", TEXT), Origin(), _later(1))
    assert within.outputs[0].document["duplicate_of"] == "a1"
    late = handler.handle(_message("a3", TEXT), Origin(), _later(5))
    assert late.outputs[0].document["duplicate_of"] is None
    assert "article:a1" not in table
    assert all("a1" not in str(value) for value in table.values())


def test_the_table_stays_bounded_when_every_day_brings_new_articles(options: CleanOptions, table) -> None:
    handler = CleanerHandler(options, DedupStore(table, retention_days=1))
    sizes = []
    for day in range(6):
        for n in range(3):
            text = f"Story {day}-{n} from Tromsø\n" + "\n".join(
                f"Line {j}: the fishery board {day * 10 + n} met about quota {j * 7 + n} and the ice." for j in range(8)
            )
            handler.handle(_message(f"d{day}n{n}", text), Origin(), _later(day))
        sizes.append(len(table))
    assert max(sizes[2:]) <= sizes[0] * 2


def test_planning_writes_nothing_until_the_writes_are_applied(table) -> None:
    store = DedupStore(table)
    fp = fingerprint("Harbour plan approved", TEXT)
    first, writes = store.plan_resolve("a1", fp, DAY)
    assert table == {}
    assert first.duplicate_of is None
    assert store.plan_resolve("a2", fp, DAY)[0].duplicate_of is None
    store.apply(writes, DAY)
    assert store.plan_resolve("a2", fp, DAY)[0].duplicate_of == "a1"


def test_a_dead_letter_leaves_the_index_as_it_was(handler: CleanerHandler, table) -> None:
    handler.handle(_message("a1", TEXT), Origin(), NOW)
    before = dict(table)
    assert handler.handle(encode({"id": "x", "text": TEXT, "fetched_at": 12}), Origin(), NOW).failed
    assert table == before


def test_a_retention_of_minutes_forgets_after_minutes(options: CleanOptions, table) -> None:
    handler = CleanerHandler(options, DedupStore(table, retention_days=10 / (24 * 60)))  # ten minutes
    handler.handle(_message("m1", TEXT), Origin(), "2024-05-06T07:00:00.000Z")
    soon = handler.handle(_message("m2", TEXT), Origin(), "2024-05-06T07:05:00.000Z")
    assert soon.outputs[0].document["duplicate_of"] == "m1"
    later = handler.handle(_message("m3", TEXT), Origin(), "2024-05-06T07:30:00.000Z")
    assert later.outputs[0].document["duplicate_of"] is None
    assert "article:m1" not in table  # swept, not only ignored
