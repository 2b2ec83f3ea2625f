"""Topic names. Every module takes its topic names from here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    """The pipeline's topics, without the deployment prefix."""

    RAW = "articles.raw"
    CLEAN = "articles.clean"
    TAGGED = "articles.tagged"
    AGREEMENTS = "events.agreements"
    AGREEMENT_REPORTS = "events.agreement-reports"  # internal: the tagger's per-article reports, keyed by event id
    COUNTRIES = "events.countries"
    RELATIONS = "events.relations"
    DEADLETTER = "deadletter"
    SCRAPER_SEEN = "scraper.seen"  # compacted: article id -> version and content hash already published


@dataclass(frozen=True, slots=True)
class TopicNames:
    """Topic names with the configured prefix applied (``WIREWATCH_TOPIC_PREFIX``)."""

    prefix: str = ""

    def name(self, topic: Topic) -> str:
        """The full name of ``topic`` on the broker."""
        return f"{self.prefix}{topic.value}"

    def all(self) -> list[str]:
        """Every topic's full name, in pipeline order."""
        return [self.name(t) for t in Topic]

    def parse(self, full_name: str) -> Topic:
        """The ``Topic`` a full broker name stands for; ValueError if it is none of ours."""
        if not full_name.startswith(self.prefix):
            raise ValueError(f"{full_name!r} does not start with the prefix {self.prefix!r}")
        return Topic(full_name[len(self.prefix) :])
