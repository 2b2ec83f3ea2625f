"""The named-agreement matcher (``named.py``) on small bases written for each rule."""

from __future__ import annotations

import pytest

from wirewatch.core.agreements.named import BadNamedBase, Milestone, NamedAgreement, compile_named

MINSK = {
    "id": "minsk_2",
    "names": {
        "en": ["Minsk agreements", "Package of Measures"],
        "de": ["Minsker Abkommen", "Abkommen von Minsk"],
        "fr": ["accords de Minsk"],
        "ru": ["Минские соглашения"],
        "es": ["Acuerdos de Minsk"],
    },
    "abbreviations": ["ДСНВ-X"],
    "parties": ["UKR", "RUS", "ORG:OSCE"],
    "type": "security",
    "signed": 2015,
    "status_changes": [{"year": 2022, "status": "suspended_or_cancelled", "by": None}],
}
START = {
    "id": "new_start",
    "names": {"en": ["New START"], "de": ["New-START-Vertrag"]},
    "abbreviations": ["ДСНВ"],
    "parties": ["USA", "RUS"],
    "type": "nuclear",
    "signed": 2010,
}


@pytest.fixture(scope="module")
def base():
    return compile_named([MINSK, START])


def surfaces(base, text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.surface, m.agreement.id) for m in base.find(text, lang)]


def test_russian_case_endings_match_every_word(base) -> None:
    text = "Стороны напомнили о Минских соглашениях и Минским соглашениям."
    assert surfaces(base, text, "ru") == [("Минских соглашениях", "minsk_2"), ("Минским соглашениям", "minsk_2")]


def test_german_endings_and_a_left_out_little_word(base) -> None:
    text = "Der Geist des Minsker Abkommens und das Abkommen Minsk."
    assert surfaces(base, text, "de") == [("Minsker Abkommens", "minsk_2"), ("Abkommen Minsk", "minsk_2")]


def test_a_plural_name_finds_the_singular(base) -> None:
    assert surfaces(base, "under the Minsk agreement", "en") == [("Minsk agreement", "minsk_2")]
    assert surfaces(base, "el acuerdo de Minsk", "es") == [("acuerdo de Minsk", "minsk_2")]


def test_acronyms_inside_names_and_abbreviations_match_as_written(base) -> None:
    assert surfaces(base, "a new start for talks", "en") == []
    assert surfaces(base, "New START expires", "en") == [("New START", "new_start")]
    assert surfaces(base, "Договор ДСНВ и ДСНВы", "ru") == [("ДСНВ", "new_start")]


def test_the_longest_of_overlapping_names_wins(base) -> None:
    assert surfaces(base, "Москва и ДСНВ-X", "ru") == [("ДСНВ-X", "minsk_2")]


def test_a_name_in_another_language_is_not_matched(base) -> None:
    assert surfaces(base, "les accords de Minsk", "de") == []


def test_a_name_needing_context_counts_only_where_the_article_has_it() -> None:
    entry = {**START, "id": "paris_1973", "names": {"en": ["Paris Peace Accords"]}, "context": ["vietnam"]}
    base = compile_named([entry])
    assert surfaces(base, "the Paris Peace Accords", "en") == []
    assert surfaces(base, "Vietnam and the Paris Peace Accords", "en") == [("Paris Peace Accords", "paris_1973")]


def test_an_id_defined_twice_is_refused() -> None:
    with pytest.raises(BadNamedBase, match="twice"):
        compile_named([START, START])


def test_standing_follows_whole_agreement_changes_only() -> None:
    deal = NamedAgreement(
        "x",
        ("IRN", "USA"),
        False,
        "nuclear",
        2015,
        (Milestone(2018, "suspended_or_cancelled", "USA"), Milestone(2026, "suspended_or_cancelled", None)),
        (),
    )
    assert deal.standing(2014) == "negotiating"
    assert deal.standing(2019) == "existing"  # one party left; the others keep it
    assert deal.standing(2026) == "suspended_or_cancelled"
    assert deal.standing(None) == "suspended_or_cancelled"
