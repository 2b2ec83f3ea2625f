"""Italiano: stati, tipi, coreferenza, durate, date, quasi-accordi (frasi scritte per questi test)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("L'Italia e l'Albania hanno firmato un accordo sulla difesa.", ("ALB", "ITA"), "military", "signed"),
        ("L'Italia e la Francia hanno sottoscritto un'intesa sulla pesca.", ("FRA", "ITA"), "agriculture", "signed"),
        (
            "L'Italia e la Tunisia prevedono di firmare un accordo energetico.",
            ("ITA", "TUN"),
            "energy",
            "planned",
        ),
        ("La Grecia negozia con la Turchia un accordo commerciale.", ("GRC", "TUR"), "trade", "negotiating"),
        (
            "Sono in corso trattative tra Italia e Libia per un accordo sul gas.",
            ("ITA", "LBY"),
            "energy",
            "negotiating",
        ),
        (
            "Il Senato ha ratificato l'accordo tra Italia e Giappone sulla sicurezza.",
            ("ITA", "JPN"),
            "security",
            "ratified",
        ),
        (
            "La Polonia ha sospeso l'accordo militare con la Germania.",
            ("DEU", "POL"),
            "military",
            "suspended_or_cancelled",
        ),
        (
            "La Francia è uscita dal trattato sulla pesca con la Spagna.",
            ("ESP", "FRA"),
            "agriculture",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "it", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_signed_in_an_earlier_year_is_existing(extract: Extract) -> None:
    body = "Il trattato firmato nel 2015 tra Italia e Francia sulla pesca resta in vigore."
    agreement = only(extract(body, "it", PUBLISHED))
    assert (agreement.status, agreement.date) == ("existing", "2015")


def test_i_due_paesi_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = (
        "Il presidente della Grecia ha ricevuto il suo omologo di Cipro.\n\n"
        "I due paesi hanno firmato un accordo energetico."
    )
    agreement = only(extract(body, "it", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("CYP", "GRC"), "energy")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [
        ("un accordo sul gas di dieci anni", "P10Y"),
        ("un accordo quinquennale sul gas", "P5Y"),
        ("un accordo sul gas della durata di sei mesi", "P6M"),
    ],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    assert only(extract(f"L'Italia e l'Egitto hanno firmato {phrase}.", "it", PUBLISHED)).duration == duration


@pytest.mark.parametrize(
    "body",
    [
        "L'Italia vuole firmare un accordo con la Tunisia sulla migrazione.",
        "L'Italia potrebbe firmare un accordo con la Libia.",
        "L'Italia e la Francia firmerebbero un accordo di difesa.",
    ],
)
def test_intentions_are_near_misses(extract: Extract, body: str) -> None:
    assert extract(body, "it", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "L'Italia e la Libia non hanno firmato l'accordo sul petrolio.",
        "Nessun accordo è stato raggiunto tra Italia e Malta sulla pesca.",
    ],
)
def test_negations_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "it", PUBLISHED) == ()


def test_d_accordo_is_not_an_agreement(extract: Extract) -> None:
    body = "D'accordo con la Francia, l'Italia ha firmato la dichiarazione finale."
    assert extract(body, "it", PUBLISHED) == ()


def test_previsto_dall_accordo_is_not_a_plan(extract: Extract) -> None:
    body = "L'Italia e la Francia hanno firmato l'accordo sulla difesa previsto dal trattato del Quirinale."
    found = {a.name or a.type: a.status for a in extract(body, "it", PUBLISHED)}
    assert found == {"military": "signed", "quirinal_treaty_2021": "existing"}  # the treaty is named, from 2021


def test_a_bare_plural_is_not_one_agreement(extract: Extract) -> None:
    assert extract("L'Italia e la Francia hanno firmato accordi.", "it", PUBLISHED) == ()


def test_date_and_venue(extract: Extract) -> None:
    body = "Italia e Albania hanno firmato un protocollo d'intesa sulla sicurezza a Roma il 6 novembre 2023."
    agreement = only(extract(body, "it", PUBLISHED))
    assert (agreement.type, agreement.status, agreement.date_resolved, agreement.venue) == (
        "security",
        "existing",
        "2023-11-06",
        "Roma",
    )


@pytest.mark.parametrize(
    ("when", "resolved"),
    [("lunedì", "2024-03-11"), ("l'anno scorso", "2023"), ("a giugno scorso", "2023-06")],
)
def test_relative_dates(extract: Extract, when: str, resolved: str) -> None:
    body = f"L'Italia e il Giappone hanno firmato {when} un accordo sulla difesa."
    assert only(extract(body, "it", PUBLISHED)).date_resolved == resolved
