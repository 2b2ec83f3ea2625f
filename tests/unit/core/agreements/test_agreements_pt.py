"""Português: estados, tipos, correferência, durações, datas, quase-acordos (frases escritas para estes testes)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("Portugal e Espanha assinaram um acordo de defesa.", ("ESP", "PRT"), "military", "signed"),
        (
            "Angola e Moçambique firmaram um memorando de entendimento sobre pesca.",
            ("AGO", "MOZ"),
            "agriculture",
            "signed",
        ),
        (
            "O Brasil e a Argentina preveem assinar um acordo energético.",
            ("ARG", "BRA"),
            "energy",
            "planned",
        ),
        ("Angola negocia com Moçambique um acordo comercial.", ("AGO", "MOZ"), "trade", "negotiating"),
        (
            "O parlamento de Portugal ratificou a convenção climática com Cabo Verde.",
            ("CPV", "PRT"),
            "environment",
            "ratified",
        ),
        (
            "O Brasil suspendeu o acordo militar com o Paraguai.",
            ("BRA", "PRY"),
            "military",
            "suspended_or_cancelled",
        ),
        (
            "Portugal retirou-se do tratado de pesca com Marrocos.",
            ("MAR", "PRT"),
            "agriculture",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "pt", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


@pytest.mark.parametrize(
    ("body", "date", "resolved"),
    [
        ("O acordo de pesca assinado em 2015 entre Portugal e Marrocos continua em vigor.", "2015", "2015"),
        (
            "Portugal e Espanha assinaram um acordo sobre água no dia 12 de maio de 2021.",
            "12 de maio de 2021",
            "2021-05-12",
        ),
    ],
)
def test_signed_in_an_earlier_year_is_existing(extract: Extract, body: str, date: str, resolved: str) -> None:
    agreement = only(extract(body, "pt", PUBLISHED))
    assert (agreement.status, agreement.date, agreement.date_resolved) == ("existing", date, resolved)


def test_os_dois_paises_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "O presidente de Angola recebeu o homólogo de Moçambique. Os dois países assinaram um acordo mineiro."
    agreement = only(extract(body, "pt", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("AGO", "MOZ"), "economic")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [
        ("um acordo de segurança por cinco anos", "P5Y"),
        ("um acordo de segurança com a duração de dez anos", "P10Y"),
        ("um acordo de segurança de seis meses", "P6M"),
    ],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    assert only(extract(f"Portugal e Angola assinaram {phrase}.", "pt", PUBLISHED)).duration == duration


@pytest.mark.parametrize(
    "body",
    [
        "O Brasil quer assinar um acordo comercial com o México.",
        "O Brasil poderia assinar um tratado com a Bolívia.",
        "O Brasil assinaria um acordo com a Argentina se houvesse garantias.",
    ],
)
def test_intentions_are_near_misses(extract: Extract, body: str) -> None:
    assert extract(body, "pt", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "A Colômbia e a Venezuela não assinaram o acordo comercial em Caracas.",
        "Nenhum acordo foi alcançado entre a Bolívia e o Paraguai sobre o gás.",
    ],
)
def test_negations_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "pt", PUBLISHED) == ()


def test_de_acordo_com_is_not_an_agreement(extract: Extract) -> None:
    body = "De acordo com o ministério, Portugal e Espanha assinaram a declaração final."
    assert extract(body, "pt", PUBLISHED) == ()


def test_a_postponed_signing_is_still_planned(extract: Extract) -> None:
    body = "A assinatura do acordo comercial entre Portugal e Cabo Verde foi adiada."
    assert only(extract(body, "pt", PUBLISHED)).status == "planned"


def test_a_loan_between_states_is_a_financial_agreement(extract: Extract) -> None:
    body = "A China concedeu a Angola um empréstimo de dois mil milhões de dólares."
    agreement = only(extract(body, "pt", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("AGO", "CHN"), "financial", "signed")


def test_weekday_and_venue(extract: Extract) -> None:
    body = "Portugal e Espanha assinaram na segunda-feira um acordo de defesa em Lisboa."
    agreement = only(extract(body, "pt", PUBLISHED))
    assert (agreement.date_resolved, agreement.venue) == ("2024-03-11", "Lisboa")
