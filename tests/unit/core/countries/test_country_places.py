"""Countries by place (``by_place``): cities, regions and datelines resolved to the country they are in."""

from __future__ import annotations

import pytest

from wirewatch.core.countries import Gazetteer, tag_countries
from wirewatch.core.countries.places import PlaceIndex, load_places


@pytest.fixture(scope="module")
def places() -> PlaceIndex:
    return load_places()


def _placed(text: str, gazetteer: Gazetteer, places: PlaceIndex, lang: str) -> list[tuple[str, str]]:
    tagging = tag_countries("", text, gazetteer, lang=lang, places=places)
    return [(p.surface, p.code) for p in tagging.by_place]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Missiles hit Kharkiv overnight.", [("Kharkiv", "UKR")]),
        ("de", "Raketen trafen Charkiw in der Nacht.", [("Charkiw", "UKR")]),
        ("ru", "Ночью в Харькове прогремели взрывы.", [("Харькове", "UKR")]),  # a case ending
        ("fr", "Des combats à Donetsk et à Marioupol.", [("Donetsk", "UKR"), ("Marioupol", "UKR")]),
        ("es", "Protestas en Valparaíso, en Chile.", [("Valparaíso", "CHL")]),
    ],
)
def test_a_city_gives_its_country(gazetteer, places, lang, text, expected) -> None:
    assert _placed(text, gazetteer, places, lang) == expected


def test_a_name_many_places_share_follows_the_countries_the_article_names(gazetteer, places) -> None:
    assert _placed("Storms hit Birmingham in the United States.", gazetteer, places, "en") == [("Birmingham", "USA")]
    assert _placed("Storms hit Birmingham in England.", gazetteer, places, "en") == [("Birmingham", "GBR")]
    assert _placed("Protestas en Santiago, la capital de Chile.", gazetteer, places, "es") == [("Santiago", "CHL")]
    assert _placed("Protestas en Santiago.", gazetteer, places, "es") == []  # Chile, Cuba, the Dominican Republic …


def test_a_small_town_needs_its_country_named(gazetteer, places) -> None:
    assert _placed("Floods reached Bath.", gazetteer, places, "en") == []
    assert _placed("Floods reached Bath in England.", gazetteer, places, "en") == [("Bath", "GBR")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das Essen war in Deutschland gut."),  # a noun after its article
        ("de", "Bayern München gewann in Deutschland."),  # a club: two place names in one name
        ("en", "Victoria Nuland flew to Canada."),  # a first name before a surname
        ("en", "Jack London wrote about England."),  # a surname after a first name
        ("en", "The Washington Post wrote about Russia."),  # part of a longer name
        ("es", "Este acuerdo con Italia es histórico."),  # a frequent word at a sentence's start
    ],
)
def test_names_that_are_not_places_here(gazetteer, places, lang, text) -> None:
    assert _placed(text, gazetteer, places, lang) == []


def test_a_place_named_inside_a_name_is_a_name_throughout_the_text(gazetteer, places) -> None:
    text = "Der Trainer von Borussia Dortmund sprach in Deutschland. Dortmund feierte."
    assert _placed(text, gazetteer, places, "de") == []


def test_a_dateline_is_a_place_and_weighs_like_a_title_mention(gazetteer, places) -> None:
    tagging = tag_countries("", "KHARKIV, March 3 (Reuters) - The talks with Russia resumed.", gazetteer, lang="en",
                            places=places)  # fmt: skip
    (dateline,) = tagging.by_place
    assert (dateline.surface, dateline.code, dateline.dateline) == ("KHARKIV", "UKR", True)
    ukraine = next(t for t in tagging.countries if t.code == "UKR")
    assert (ukraine.mentions, ukraine.places, ukraine.focus) == (0, 1, True)  # a place is not a mention


def test_mentions_stay_mentions_and_places_are_counted_apart(gazetteer, places) -> None:
    tagging = tag_countries("", "Ukraine said Kharkiv and Lviv were shelled.", gazetteer, lang="en", places=places)
    ukraine = next(t for t in tagging.countries if t.code == "UKR")
    assert (ukraine.mentions, ukraine.places) == (1, 2)
    assert not tag_countries("", "Kharkiv was shelled.", gazetteer, lang="en").by_place  # no index: no places


def test_lower_case_russia_today_is_the_country_and_the_channel_is_not(gazetteer) -> None:
    assert [
        t.code for t in tag_countries("", "The minister visited Russia today.", gazetteer, lang="en").countries
    ] == ["RUS"]
    assert not tag_countries("", "Russia Today reported the attack.", gazetteer, lang="en").countries
