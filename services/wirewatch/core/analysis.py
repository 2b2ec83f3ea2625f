"""The whole core in one call: raw article in, tagged article out.

``Resources`` holds what is expensive to build (the gazetteer's automaton, lexicons);
build it once per process with ``Resources.load()`` and pass it to every call.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.core.agreements import Lexicons, NamedBase, extract_agreements, load_lexicons, load_named
from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.countries import Gazetteer, load_gazetteer, tag_countries
from wirewatch.core.countries.places import PlaceIndex, load_places
from wirewatch.core.model import CleanArticle, RawArticle, TaggedArticle


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the core needs that is built once per process."""

    gazetteer: Gazetteer
    clean_options: CleanOptions
    agreement_lexicons: Lexicons = field(default_factory=load_lexicons)
    named_agreements: NamedBase = field(default_factory=load_named)
    places: PlaceIndex = field(default_factory=load_places)

    @classmethod
    def load(cls, clean_options: CleanOptions | None = None) -> Resources:
        """Build the gazetteer and lexicons (slow: once per process)."""
        return cls(gazetteer=load_gazetteer(), clean_options=clean_options or CleanOptions())


def tag_article(article: CleanArticle, resources: Resources) -> TaggedArticle:
    """Tag a clean article with countries, organisations and agreements."""
    tagging = tag_countries(
        article.title,
        article.body,
        resources.gazetteer,
        lang=article.lang,
        published=article.published,
        places=resources.places,
    )
    # the parties of an agreement come from what the text names, so its focus is the mentions' alone
    focus = tagging.named_focus
    body_mentions = tuple(m for m in tagging.mentions if m.span.field == "body")
    lexicon = resources.agreement_lexicons.get(article.lang)
    agreements = extract_agreements(
        article.body, body_mentions, focus, lexicon, article.published, resources.named_agreements
    )
    return TaggedArticle(article, tagging.countries, tagging.organisations, agreements, tagging.by_place)


def analyze(raw: RawArticle, resources: Resources) -> TaggedArticle:
    """Clean and tag one raw article; raises ``Rejected`` when it cannot be cleaned."""
    return tag_article(clean_article(raw, resources.clean_options), resources)
