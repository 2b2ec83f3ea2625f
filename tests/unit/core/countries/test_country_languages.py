"""Names, adjectives and demonyms in every language the issue lists, inflected; sentences of our own."""

from __future__ import annotations

import pytest

CASES = [
    # English
    ("en", "The Russian navy docked in a Burmese port.", {"RUS", "MMR"}),
    ("en", "Americans and Britons voted; the Dutch did not.", {"USA", "GBR", "NLD"}),
    ("en", "Talks between North Korea and the DPRK's neighbours.", {"PRK"}),
    ("en", "Exports from Czechia, the Czech Republic until 2016, rose.", {"CZE"}),
    ("en", "Officials from Türkiye, formerly spelled Turkey in English, met.", {"TUR"}),
    ("en", "Ivory Coast and Côte d'Ivoire are one state; so are Burma and Myanmar.", {"CIV", "MMR"}),
    # German: genitive -s, adjective endings, demonym nouns
    ("de", "Russlands Einfluss wächst, sagte der russische Botschafter den Russen.", {"RUS"}),
    ("de", "Die birmanischen Generäle trafen Vertreter Nordkoreas in Pjöngjang.", {"MMR", "PRK"}),
    ("de", "Der Elfenbeinküste und Tschechiens Regierung droht Ärger mit Holland.", {"CIV", "CZE", "NLD"}),
    ("de", "Die Bundesregierung lobte die türkischen und französischen Partner.", {"DEU", "TUR", "FRA"}),
    # French
    ("fr", "Les Russes et les autorités birmanes ont signé à Moscou.", {"RUS", "MMR"}),
    (
        "fr",
        "La Corée du Nord et la Birmanie, alliées de la Chine, et la diplomatie française.",
        {"PRK", "MMR", "CHN", "FRA"},
    ),
    ("fr", "Les ministres ukrainiennes ont rencontré leurs homologues allemands.", {"UKR", "DEU"}),
    # Spanish
    ("es", "Las tropas rusas y la economía china preocupan a Estados Unidos.", {"RUS", "CHN", "USA"}),
    ("es", "Los diplomáticos franceses y las empresas alemanas llegaron a Birmania.", {"FRA", "DEU", "MMR"}),
    # Italian
    ("it", "Il governo russo e le aziende cinesi hanno firmato con la Germania.", {"RUS", "CHN", "DEU"}),
    ("it", "I soldati ucraini sono entrati in Russia.", {"UKR", "RUS"}),
    # Portuguese
    ("pt", "As forças russas e o governo alemão discutiram com a Coreia do Norte.", {"RUS", "DEU", "PRK"}),
    ("pt", "Empresas chinesas investem no Brasil.", {"CHN", "BRA"}),
    # Dutch
    ("nl", "De Russische regering en Duitse bedrijven spraken met Frankrijk.", {"RUS", "DEU", "FRA"}),
    ("nl", "Ruslands leger en de Russen trokken zich terug uit Oekraïne.", {"RUS", "UKR"}),
    # Polish: noun and adjective cases
    ("pl", "Rząd Rosji i władze Chin rozmawiały o Korei Północnej.", {"RUS", "CHN", "PRK"}),
    ("pl", "Rosyjskie wojska weszły na Ukrainę, a polscy żołnierze czekali.", {"RUS", "UKR", "POL"}),
    ("pl", "Rozmowy z Niemcami i Francją w sprawie Białorusi.", {"DEU", "FRA", "BLR"}),
    # Russian: cases of names, adjectives
    ("ru", "Переговоры России и Китая о Северной Корее.", {"RUS", "CHN", "PRK"}),
    ("ru", "Российские военные прибыли в Мьянму, сообщил Кремль.", {"RUS", "MMR"}),
    ("ru", "Поставки из Германии и Франции на Украину.", {"DEU", "FRA", "UKR"}),
    # More CLDR languages
    ("uk", "Україна та Польща підписали угоду.", {"UKR", "POL"}),
    ("zh", "中国和俄罗斯签署了协议，美国表示关注。", {"CHN", "RUS", "USA"}),
    ("ja", "日本とロシアの首脳が会談した。", {"JPN", "RUS"}),
    ("ko", "한국과 러시아는 협정을 체결했다.", {"KOR", "RUS"}),
    ("ar", "وقعت روسيا والصين اتفاقية مع مصر.", {"RUS", "CHN", "EGY"}),
    ("tr", "Rusya ve Çin, Türkiye'nin önerisini reddetti.", {"RUS", "CHN", "TUR"}),
    ("fi", "Venäjän ja Kiinan johtajat tapasivat Suomessa.", {"RUS", "CHN", "FIN"}),
    ("hu", "Oroszország és Kína megállapodást írt alá.", {"RUS", "CHN"}),
    ("el", "Η Ρωσία και η Κίνα υπέγραψαν συμφωνία με την Ελλάδα.", {"RUS", "CHN", "GRC"}),
    ("cs", "Rusko a Čína podepsaly dohodu s Polskem.", {"RUS", "CHN", "POL"}),
    ("sv", "Ryssland och Kina skrev under ett avtal med Sverige.", {"RUS", "CHN", "SWE"}),
    ("hi", "भारत और रूस ने समझौते पर हस्ताक्षर किए।", {"IND", "RUS"}),
    ("id", "Indonesia dan Rusia menandatangani perjanjian.", {"IDN", "RUS"}),
    ("he", "ישראל ורוסיה חתמו על הסכם.", {"ISR", "RUS"}),
    ("vi", "Nga và Trung Quốc ký thỏa thuận.", {"RUS", "CHN"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_every_country_of_the_sentence_is_found_and_nothing_else(codes, lang, text, expected) -> None:
    assert codes(text, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Beziehungen zu Nordkorea, Nordkoreas Raketen.", {"PRK"}),
        ("Pékin et Peking et Beijing et Pekín", {"CHN"}),
        ("PEKIN, PÉKIN, pekin", {"CHN"}),
        ("Naypyidaw, Naypyitaw and Nay Pyi Taw", {"MMR"}),
    ],
)
def test_accents_case_and_spelling_variants_are_optional(codes, text, expected) -> None:
    assert codes(text) == expected


def test_german_and_dutch_compounds_name_the_country(codes) -> None:
    assert codes("Der Ukrainekrieg und die Russlandreise des Kanzlers.", lang="de") == {"UKR", "RUS"}
    assert codes("Het Chinabeleid van de regering.", lang="nl") == {"CHN"}
    assert codes("Wir aßen Polenta in Malibu.", lang="de") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "Ruská armáda a čínské firmy podpořily amerického prezidenta.", {"RUS", "CHN", "USA"}),
        ("sv", "Ryska trupper och kinesiska företag.", {"RUS", "CHN"}),
        ("uk", "Російські війська та американського посла.", {"RUS", "USA"}),
        ("ar", "قال المسؤول الروسي إن الشركات الصينية", {"RUS", "CHN"}),
    ],
)
def test_adjectives_beyond_the_nine_languages(codes, lang, text, expected) -> None:
    assert codes(text, lang=lang) == expected


def test_a_compound_counts_only_on_a_name_of_the_texts_language(codes) -> None:
    assert codes("Ein Indianerstamm lebte dort.", lang="de") == set()


def test_a_name_of_another_language_counts_only_in_its_own_nominative(codes) -> None:
    assert codes("Syaikh Al-Albani berkata demikian.", lang="id") == set()  # a surname, not Albania
    assert codes("Russland und Albanien trafen sich.", lang="en") == {"RUS", "ALB"}  # language misidentified


@pytest.mark.parametrize(
    "sentence",
    [
        "Der deutsche Kanzler sprach.",
        "Die deutsche Regierung widersprach.",
        "Dem deutschen Botschafter wurde gedankt.",
        "Ein deutscher Diplomat reiste ab.",
        "Das deutsche Heer übte.",
    ],
)
def test_german_deutsch_declines_like_every_other_adjective(codes, sentence) -> None:
    assert codes(sentence, lang="de") == {"DEU"}
