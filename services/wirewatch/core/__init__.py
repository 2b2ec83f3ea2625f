"""The pure core: text in, data out. No Kafka, no asyncio, no environment, no global state."""

from wirewatch.core.agreements import extract_agreements
from wirewatch.core.analysis import Resources, analyze, tag_article
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.countries import CountryTagging, Gazetteer, load_gazetteer, tag_countries
from wirewatch.core.dedup import Fingerprint, fingerprint
from wirewatch.core.errors import ErrorKind, Rejected, WirewatchError
from wirewatch.core.ids import agreement_id, article_id, canonical_url, event_id
from wirewatch.core.language import LanguageGuess, LanguageModel, identify_language, load_language_model
from wirewatch.core.model import (
    Agreement,
    CleanArticle,
    ContentKind,
    CountryMention,
    CountryTag,
    RawArticle,
    Span,
    TaggedArticle,
)
from wirewatch.core.relations import (
    Contribution,
    RelationWindows,
    WindowCounts,
    WindowKey,
    pair_contributions,
    window_keys,
    window_start,
)

__all__ = [
    "Agreement",
    "CleanArticle",
    "CleanOptions",
    "ContentKind",
    "Contribution",
    "CountryMention",
    "CountryTag",
    "CountryTagging",
    "ErrorKind",
    "Fingerprint",
    "Gazetteer",
    "LanguageGuess",
    "LanguageModel",
    "RawArticle",
    "Rejected",
    "RelationWindows",
    "Resources",
    "Span",
    "TaggedArticle",
    "WindowCounts",
    "WindowKey",
    "WirewatchError",
    "agreement_id",
    "analyze",
    "article_id",
    "canonical_url",
    "clean_article",
    "event_id",
    "extract_agreements",
    "fingerprint",
    "identify_language",
    "load_gazetteer",
    "load_language_model",
    "pair_contributions",
    "tag_article",
    "tag_countries",
    "window_keys",
    "window_start",
]
