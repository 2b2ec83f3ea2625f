"""Line rules, one family at a time, on small texts written for the test."""

from __future__ import annotations

import pytest

from wirewatch.core.cleaning import load_phrasebook
from wirewatch.core.cleaning.rules import apply_line_rules, is_boilerplate, meta_line_authors, strip_bullet
from wirewatch.core.cleaning.textmeta import byline_authors

BOOK = load_phrasebook()
PROSE = (
    "The council met on Tuesday and agreed, after a long debate, to spend more on schools next year.",
    "Several members said the plan was late, but the mayor promised to publish the figures in March.",
    "Teachers welcomed the decision and asked for the money to reach classrooms before the autumn term.",
)


@pytest.mark.parametrize(
    "line",
    [
        "Related articles",
        "Read also: the mayor's plan for the harbour",
        "Lesen Sie auch",
        "Mehr zum Thema: Schulen in Berlin",
        "À lire aussi : les chiffres du chômage",
        "Lee también: la reforma educativa",
        "Leggi anche: il piano del governo",
        "Leia também: o orçamento de 2024",
        "Читайте также: новости региона",
        "Lees ook: het nieuwe kabinet",
        "Back to top button",
        "Advertisement",
    ],
)
def test_phrase_lines_in_eight_languages_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line, BOOK)


@pytest.mark.parametrize(
    "line",
    [
        "Follow our reporters on Instagram",
        "Download the app to get alerts",
        "Suivez toute l'actualité avec l'application",
        "Folgen Sie uns auf Telegram",
    ],
)
def test_calls_to_action_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line, BOOK)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour_crane_at_night_2019 port view",
        "A ship at anchor, photo by Jane Roe, CC BY-SA 4.0, via Wikimedia Commons",
        "© Example Media 2021 - Privacy",
        "Politics 2023-01-02T10:00:00Z",
        "Foto: Max Muster",
    ],
)
def test_captions_credits_copyright_and_dated_stubs_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line, BOOK)


@pytest.mark.parametrize(
    "line",
    [
        *PROSE,
        "She posted the video on Instagram, where it was seen a million times within a day.",
        "No way back?",
        "Fazit",
    ],
)
def test_prose_and_subheadings_are_kept(line: str) -> None:
    assert not is_boilerplate(line, BOOK)


def test_a_breadcrumb_before_the_title_and_a_repeated_title_are_removed() -> None:
    title = "Council agrees to spend more on schools"
    assert is_boilerplate(f"Home Local {title}", BOOK, title)
    assert is_boilerplate(title, BOOK, title)
    assert not is_boilerplate(f"The mayor explained why the {title.lower()} in a long statement", BOOK, title)


def test_source_lines_become_sources_and_end_the_article() -> None:
    lines = [*PROSE, *PROSE, "Sources: Agency One, Daily Two", "Trending now", "Weather in your town"]
    verdicts = apply_line_rules(lines, BOOK, "")
    assert verdicts.kept == [*PROSE, *PROSE]
    assert verdicts.sources == ["Agency One", "Daily Two"]
    assert verdicts.removed == 3


def test_a_source_label_in_german_is_recognised() -> None:
    verdicts = apply_line_rules([*PROSE, "Quelle: Zeitung"], BOOK, "")
    assert verdicts.sources == ["Zeitung"]


def test_an_end_marker_in_the_last_third_cuts_the_tail() -> None:
    lines = [*PROSE, *PROSE, "Source link", "A site slogan that goes on and on about breaking news all day long"]
    verdicts = apply_line_rules(lines, BOOK, "")
    assert verdicts.kept == [*PROSE, *PROSE]


def test_a_bare_timestamp_becomes_published() -> None:
    verdicts = apply_line_rules(["2021-05-04T10:11:12Z", *PROSE], BOOK, "")
    assert verdicts.published == "2021-05-04T10:11:12Z"
    assert verdicts.kept == list(PROSE)


def test_byline_stubs_between_title_and_prose_are_dropped_and_name_the_authors() -> None:
    verdicts = apply_line_rules(["Story by Ann Lee (Paris)", "Wire Service", *PROSE], BOOK, "")
    assert verdicts.kept == list(PROSE)
    assert verdicts.authors == ["Ann Lee"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee and Bo Chen", ("Ann Lee", "Bo Chen")),
        ("Von Max Muster", ("Max Muster",)),
        ("Par Jean Dupont, Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("by the way, nobody came", None),
        ("Wire Service", None),
    ],
)
def test_bylines_in_several_languages(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_authors(line) == names


def test_bullets_are_stripped() -> None:
    assert strip_bullet("• Item one") == "Item one"
    assert strip_bullet("- Item two") == "Item two"
    assert strip_bullet("-5 degrees tonight") == "-5 degrees tonight"


def test_lines_of_unspaced_scripts_after_the_title_are_prose_not_stubs() -> None:
    lines = [
        "東京都は九日、新しい防災計画を発表し、今年度中に避難所を二百か所増やす方針を示した",
        "計画では高齢者の多い地区を優先し、避難所には非常用電源と飲料水を備える",
        "知事は記者会見で、住民の安全を最優先に考えたと述べた。",
        *PROSE,
    ]
    assert apply_line_rules(lines, BOOK, "防災計画").kept == lines


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Oct 18, 2019 · 8 min read", ()),
        ("5 Min. Lesezeit", ()),
        ("Temps de lecture : 4 min", ()),
        (
            "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger",
            ("Martin Untersinger",),
        ),
        ("Politik | Von Anna Müller | 12. März 2025", ("Anna Müller",)),
    ],
)
def test_a_pages_meta_line_is_not_body_and_names_its_authors(line: str, authors: tuple[str, ...]) -> None:
    assert meta_line_authors(line) == authors
    verdicts = apply_line_rules([*PROSE, line, *PROSE], BOOK, "Schools")
    assert verdicts.kept == [*PROSE, *PROSE] and list(authors) == verdicts.authors


@pytest.mark.parametrize("line", ["Rock | Pop | Jazz", "It took me 8 min to read the report, and I was glad of it."])
def test_separated_labels_and_sentences_about_minutes_are_not_meta_lines(line: str) -> None:
    assert meta_line_authors(line) is None
