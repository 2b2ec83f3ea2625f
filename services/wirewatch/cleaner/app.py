"""Wire the cleaner handler to Kafka on the stage runner (``wirewatch clean``).

The duplicate/story index is a global changelog (``runtime.changelog.GlobalChangelog``): every
replica loads all of it at start and follows what the others write, so a restarted worker
keeps the index, and a duplicate is found whichever replica gets it.
"""

from __future__ import annotations

from wirewatch.cleaner.dedup_store import DedupStore
from wirewatch.cleaner.handler import CleanerHandler, clean_options
from wirewatch.contracts.topics import Topic
from wirewatch.runtime.changelog import GlobalChangelog, JsonView
from wirewatch.runtime.metrics import Metrics, Stage
from wirewatch.runtime.settings import Settings
from wirewatch.runtime.stage_runner import StageSpec, run_stages

DEDUP_TABLE = "cleaner-dedup"


def changelog_topic(settings: Settings) -> str:
    """The dedup index's changelog (the name Faust gave it, so an index written before carries over)."""
    return f"{settings.group_prefix}-{Stage.CLEANER.value}-{DEDUP_TABLE}-changelog"


def build(settings: Settings) -> StageSpec:
    """The cleaner stage: ``articles.raw`` through the handler, with the dedup index as its state."""
    index = GlobalChangelog(settings, changelog_topic(settings))
    handler = CleanerHandler(clean_options(settings), DedupStore(JsonView(index), settings.dedup_retention_days))
    return StageSpec(Stage.CLEANER, Topic.RAW, handler.handle, index)


def main(settings: Settings) -> None:
    """Run the cleaner until stopped."""
    run_stages(settings, [build(settings)], Metrics.create())
