"""Country and organisation tagging: which states an article refers to, where, and which it is about."""

from wirewatch.core.countries.gazetteer import Entry, Gazetteer, load_gazetteer
from wirewatch.core.countries.tagger import CountryTagging, find_mentions, tag_countries

__all__ = ["CountryTagging", "Entry", "Gazetteer", "find_mentions", "load_gazetteer", "tag_countries"]
