"""The pure data model shared by every stage.

Frozen dataclasses rather than dicts or tuples: a stage cannot mutate what another
stage handed it, and mypy can check every field. The wire format (contracts/) turns
these into JSON and back; nothing here knows about Kafka or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ContentKind(StrEnum):
    """What the body of a raw article is."""

    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as it enters the pipeline: a page or a text, plus what the source knew."""

    id: str
    kind: ContentKind
    content: str
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    published: str | None = None
    fetched_at: str | None = None
    feed: str | None = None


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """The article's main text and metadata after extraction and boilerplate removal.

    ``body`` holds paragraphs separated by a blank line; ``paragraphs`` is the same text
    split, kept so later stages need not re-split.
    """

    id: str
    title: str
    body: str
    lang: str
    lang_confidence: float
    published: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    removed: int = 0

    @property
    def paragraphs(self) -> list[str]:
        """The body split into its paragraphs."""
        return [p for p in self.body.split("\n\n") if p]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in the body or the title."""

    start: int
    end: int
    field: str = "body"


@dataclass(frozen=True, slots=True)
class CountryMention:
    """One place in the text where a country or organisation is referred to."""

    code: str
    span: Span
    surface: str
    kind: str  # name | adjective | metonym | person | institution | organisation


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A city, region or dateline in the text and the country it is in (``by_place``)."""

    code: str
    span: Span
    surface: str
    place: str  # the place's own name (GeoNames or ISO 3166-2): "Kharkiv" for "Харькове"
    kind: str  # city | region
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class CountryTag:
    """Everything the article says about one country (or ``ORG:NAME`` organisation)."""

    code: str
    mentions: int
    salience: float
    focus: bool
    spans: tuple[Span, ...] = ()
    surfaces: tuple[str, ...] = ()
    places: int = 0  # places of this country the text names (``by_place``); ``mentions`` may then be 0


@dataclass(frozen=True, slots=True)
class Agreement:
    """One agreement between states (or a state and an organisation) reported by the article."""

    parties: tuple[str, ...]
    type: str
    status: str
    evidence: str
    evidence_span: Span
    confidence: float
    duration: str | None = None
    date: str | None = None
    date_resolved: str | None = None
    signatories: tuple[str, ...] = ()
    venue: str | None = None
    name: str | None = None  # the id of a named agreement of the base ("jcpoa"), when it is one
    instrument: str = "agreement"  # agreement | memorandum | contract | programme | loan | ceasefire


@dataclass(frozen=True, slots=True)
class TaggedArticle:
    """A clean article with the countries, organisations and agreements it reports."""

    article: CleanArticle
    countries: tuple[CountryTag, ...] = ()
    organisations: tuple[CountryTag, ...] = ()
    agreements: tuple[Agreement, ...] = field(default=())
    by_place: tuple[PlaceMention, ...] = ()
