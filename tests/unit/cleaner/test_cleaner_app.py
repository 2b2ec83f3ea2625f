"""The cleaner's and the tagger's stages are declared as the runner needs them (built, not started)."""

from __future__ import annotations

from wirewatch.cleaner.app import build as build_cleaner
from wirewatch.contracts.topics import Topic
from wirewatch.core.analysis import Resources
from wirewatch.runtime.changelog import GlobalChangelog, PartitionedChangelog
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.tagger.app import build as build_tagger

SETTINGS = Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1", "WIREWATCH_CONSUMER_GROUP": "ww"})


def test_the_cleaner_reads_raw_articles_with_its_dedup_index_as_a_global_changelog() -> None:
    spec = build_cleaner(SETTINGS)
    assert (spec.stage, spec.source, spec.group(SETTINGS)) == (Stage.CLEANER, Topic.RAW, "ww-cleaner")
    assert isinstance(spec.state, GlobalChangelog)
    assert spec.state.topic == "ww-cleaner-cleaner-dedup-changelog"  # the name Faust gave it before


def test_the_tagger_tags_then_folds_with_the_events_as_a_partitioned_changelog() -> None:
    tag, fold = build_tagger(SETTINGS, Metrics.create(), Resources.load())
    assert (tag.source, tag.group(SETTINGS), tag.state, tag.counted) == (Topic.CLEAN, "ww-tagger", None, True)
    assert (fold.source, fold.group(SETTINGS), fold.counted) == (Topic.AGREEMENT_REPORTS, "ww-tagger-fold", False)
    assert isinstance(fold.state, PartitionedChangelog)
    assert fold.state.topic == "ww-tagger-agreement-events-changelog"
