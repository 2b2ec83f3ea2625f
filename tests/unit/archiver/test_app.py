"""The archiver's sink and wiring (``archiver/app.py``), on a real SQLite file, without a broker."""

from __future__ import annotations

from pathlib import Path

from prometheus_client import generate_latest

from tests.seeded import compound_article
from wirewatch.archive import ARCHIVED_TOPICS, open_archive
from wirewatch.archiver.app import PRUNE_EVERY, ArchiveSink, build
from wirewatch.archiver.handler import ArchiveHandler
from wirewatch.contracts.codec import encode
from wirewatch.contracts.deadletter import Origin
from wirewatch.contracts.outcome import Output
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings


def test_the_sink_writes_and_prunes_at_most_once_per_interval(tmp_path: Path) -> None:
    archive = open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    now = [1_900_000_000.0]  # 2030: the article (2026) is older than a one-day retention
    metrics = Metrics.create()
    sink = ArchiveSink(archive, metrics, retention_days=1.0, clock=lambda: now[0])
    sink.write([])  # the first write sweeps
    sink.write([Output(Topic.TAGGED, b"k", compound_article())])
    assert archive.counts().articles == 1  # the sweep ran before this article: not again so soon
    now[0] += PRUNE_EVERY
    assert sink.prune_if_due() == 2 and archive.counts().articles == 0  # the article and its country row
    assert b"wirewatch_archive_pruned_rows_total 2.0" in generate_latest(metrics.registry)
    archive.close()


def test_without_retention_nothing_is_ever_pruned(tmp_path: Path) -> None:
    archive = open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    sink = ArchiveSink(archive, Metrics.create(), retention_days=0.0, clock=lambda: 4_000_000_000.0)
    sink.write([Output(Topic.TAGGED, b"k", compound_article())])
    assert sink.prune_if_due() == 0 and archive.counts().articles == 1
    archive.close()


def test_one_stage_part_per_archived_topic_sharing_one_sink(tmp_path: Path) -> None:
    archive = open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    specs = build(Settings(), archive, Metrics.create())
    assert [s.source for s in specs] == list(ARCHIVED_TOPICS)
    assert len({s.group(Settings()) for s in specs}) == len(specs)
    assert len({id(s.sink) for s in specs}) == 1
    archive.close()


def test_a_message_breaking_its_schema_is_a_dead_letter_not_an_archive_row() -> None:
    handler = ArchiveHandler(Topic.AGREEMENTS)
    outcome = handler.handle(encode({"id": "x"}), Origin(Topic.AGREEMENTS.value, 0, 1, b"x"), "2026-01-01T00:00:00Z")
    assert outcome.failed and outcome.outputs[0].topic is Topic.DEADLETTER
    good = ArchiveHandler(Topic.TAGGED).handle(encode(compound_article()), Origin(), "2026-01-01T00:00:00Z")
    assert not good.failed and good.outputs[0].topic is Topic.TAGGED
