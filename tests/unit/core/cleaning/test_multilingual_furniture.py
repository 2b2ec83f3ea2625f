"""Share buttons, paywall notes, wire credits and metadata lines outside English, on texts written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.core.cleaning import load_phrasebook
from wirewatch.core.cleaning.phrases import PhraseFileError, _parse
from wirewatch.core.cleaning.rules import is_boilerplate
from wirewatch.core.cleaning.textmeta import byline_authors, dated_line, source_names
from wirewatch.core.model import CleanArticle

BOOK = load_phrasebook()


@pytest.mark.parametrize(
    "line",
    [
        "Diesen Beitrag teilen",
        "Jetzt unseren Newsletter abonnieren",
        "Newsletter jetzt bestellen",
        "Kommentare (48)",
        "Partager sur WhatsApp",
        "Cet article est réservé aux abonnés",
        "Newsletter : inscrivez-vous, c'est gratuit",
        "Comparte este artículo",
        "Sigue leyendo",
        "Archivado en: Elecciones, Parlamento",
        "Condividi su WhatsApp",
        "Ti potrebbero interessare anche",
        "Deel dit bericht",
        "Compartilhe esta matéria",
        "Поделиться в VK",
        "Share this story",
        "(Reporting by Lina Haddad in Beirut; Editing by Paul Grant)",
        "(Additional reporting by Omar Ali; Writing by Kate Moss; Editing by Ian Hope)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Associated Press writers Lena Ruiz in Madrid and Omar Said contributed to this report.",
        "Reuters correspondent Ida Berg contributed reporting.",
    ],
)
def test_share_paywall_and_wire_lines_in_many_languages_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line, BOOK)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell five percent on Friday after the story about the merger broke.",
        "Die beiden Länder wollen künftig ihre Daten mit der Polizei teilen",
        "Reporting by the local radio showed that, by Monday, prices had doubled.",
        "The two reporters contributed to the success of the investigation.",
        "Three journalists contributed to the relief fund in 2021.",
        "Source close to the ministry said the talks would go on.",
        "The 48 comments under the post were deleted by the moderators.",
    ],
)
def test_prose_that_resembles_furniture_is_kept(line: str) -> None:
    assert not is_boilerplate(line, BOOK)
    assert source_names(line, BOOK) is None


def test_a_source_label_of_several_words_needs_no_colon() -> None:
    assert source_names("Mit Material von Reuters und AFP", BOOK) == ("Reuters", "AFP")
    assert source_names("Com informações da Reuters", BOOK) == ("Reuters",)


def test_a_byline_may_end_with_a_role_or_place() -> None:
    assert byline_authors("Par Claire Morel, correspondante à Bamako") == ("Claire Morel",)
    assert byline_authors("By Ann Lee and Bo Chen, Reuters") == ("Ann Lee", "Bo Chen")
    assert byline_authors("By sea and by air, the army moved") is None


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Publié le 4 avril 2025 à 8h15, mis à jour à 9h40", "2025-04-04T08:15:00"),
        ("Veröffentlicht am 3. Februar 2024, 14:05 Uhr", "2024-02-03T14:05:00"),
        ("Aktualisiert am 03.02.2024", "2024-02-03"),
        ("Actualizado el 5 de mayo de 2023, 09:10", "2023-05-05T09:10:00"),
        ("Aggiornato il 7 ottobre 2022 alle 18.45", "2022-10-07T18:45:00"),
        ("Published Sept. 4, 2025 at 9:30 p.m.", "2025-09-04T21:30:00"),
        ("Published in 2019, the report found many gaps", None),
        ("Published on 2 May 2024, the report found that the harbour was far too small", None),
        ("Mis à jour le 31 février 2024", None),
    ],
)
def test_publication_lines_give_an_iso_date(line: str, stamp: str | None) -> None:
    assert dated_line(line) == stamp


PROSE = (
    "Le gouvernement a présenté mardi un plan pour les ports du pays, après des semaines de débats au parlement.",
    "Les syndicats ont salué le texte mais demandent des garanties sur les emplois dans les terminaux du sud.",
    "Le ministre a promis une loi avant l'été, tandis que l'opposition réclame une commission d'enquête.",
)


def test_byline_date_share_and_source_lines_become_metadata(clean_text: Callable[..., CleanArticle]) -> None:
    text = "\n".join(
        [
            "Un plan pour les ports",
            "Par Claire Morel, correspondante à Marseille",
            "Publié le 4 avril 2025 à 8h15, mis à jour à 9h40",
            PROSE[0],
            "Partager sur Facebook",
            PROSE[1],
            PROSE[2],
            "Mit Material von dpa und AFP",
        ]
    )
    article = clean_text(text)
    assert article.body.split("\n\n") == list(PROSE)
    assert article.authors == ("Claire Morel",)
    assert article.published == "2025-04-04T08:15:00"
    assert article.sources == ("dpa", "AFP")


def test_a_malformed_phrase_line_raises_a_typed_error() -> None:
    with pytest.raises(PhraseFileError):
        _parse("? not a kind")


@pytest.mark.parametrize(
    "line",
    [
        "The views expressed by the delegates were dismissed by the chair.",
        "Sign up for the reserve army opened in March, the ministry said.",
        "Watch: the ceasefire holds for a third day, observers said.",
        "Related: neither side has published its figures.",
    ],
)
def test_sentences_that_start_like_link_labels_are_prose(line: str) -> None:
    assert not is_boilerplate(line, BOOK)


@pytest.mark.parametrize(
    "line",
    [
        "Watch: Drone footage of the burning depot",
        "Related: Timeline of the border dispute",
        "Lire aussi : Le calendrier des négociations",
        "The views expressed here are those of the author.",
        "Sign up for our newsletter",
        "Watch the video",
    ],
)
def test_link_labels_and_disclaimers_are_still_boilerplate(line: str) -> None:
    assert is_boilerplate(line, BOOK)
