"""The gazetteer builds for every supported language and maps every ISO 3166-1 country."""

from __future__ import annotations

import pycountry
import pytest
from babel import Locale

from wirewatch.core.countries import tag_countries
from wirewatch.core.countries.lexicon import LANGUAGES, cldr_forms


def _probes(locale_name: str) -> list[tuple[str, str]]:
    """(code, CLDR name without its parenthesis) for every ISO country, leaving out names that
    CLDR gives to two territories in that language (Saint-Martin for both halves of the island)."""
    territories = Locale.parse(locale_name).territories
    pairs = [
        (c.alpha_3, territories[c.alpha_2].split(" (")[0]) for c in pycountry.countries if c.alpha_2 in territories
    ]
    shared = {name for name in {n for _, n in pairs} if sum(n == name for _, n in pairs) > 1}
    return [(code, name) for code, name in pairs if name not in shared]


def test_every_language_contributes_names_for_almost_every_country() -> None:
    for lang in LANGUAGES:
        codes = {f.code for f in cldr_forms((lang,))}
        assert len(codes) >= 240, (lang, len(codes))


@pytest.mark.parametrize("locale_name", LANGUAGES)
def test_every_iso_country_is_found_by_its_cldr_name(gazetteer, locale_name) -> None:
    lang = locale_name.split("_")[0]
    missed = []
    for code, probe in _probes(locale_name):
        if code in ("COD", "COG"):
            continue  # curated in names.tsv: CLDR's names are composite ("Congo - Kinshasa")
        found = {t.code for t in tag_countries("", probe, gazetteer, lang=lang).countries}
        if code not in found:
            missed.append((code, probe, found))
    assert missed == []


def test_congo_names_map_to_their_own_codes(codes) -> None:
    assert codes("République démocratique du Congo", lang="fr") == {"COD"}
    assert codes("Republik Kongo und Kongo-Brazzaville", lang="de") == {"COG"}


def test_every_iso_country_has_an_english_name_or_adjective(gazetteer) -> None:
    english = Locale.parse("en").territories
    for country in pycountry.countries:
        found = {t.code for t in tag_countries("", english[country.alpha_2], gazetteer, lang="en").countries}
        assert found, country.alpha_3


def test_office_holders_carry_an_as_of_date(gazetteer) -> None:
    assert len(gazetteer.as_of) == 10 and gazetteer.as_of[4] == "-"


def test_lookup_shows_the_entries_of_a_stem(gazetteer) -> None:
    entries = gazetteer.lookup("myanmar")
    assert entries and {e.code for e in entries} == {"MMR"}
    assert gazetteer.lookup("no such stem") == ()
