"""Country and organisation tagging: which states an article refers to, where, and which it is about."""

from wirewatch.core.countries.gazetteer import Gazetteer, load_gazetteer
from wirewatch.core.countries.tagger import CountryTagging, tag_countries

__all__ = ["CountryTagging", "Gazetteer", "load_gazetteer", "tag_countries"]
