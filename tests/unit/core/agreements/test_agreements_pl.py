"""Polski: statusy, typy, koreferencja, czas trwania, daty, prawie-umowy (zdania napisane do tych testów)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("Polska i Litwa podpisały umowę o współpracy wojskowej.", ("LTU", "POL"), "military", "signed"),
        ("Umowa o współpracy wojskowej między Polską a Litwą została podpisana.", ("LTU", "POL"), "military", "signed"),
        ("Polska i Ukraina planują podpisać umowę energetyczną.", ("POL", "UKR"), "energy", "planned"),
        ("Polska i Ukraina podpiszą porozumienie energetyczne.", ("POL", "UKR"), "energy", "planned"),
        ("Czechy negocjują ze Słowacją umowę handlową.", ("CZE", "SVK"), "trade", "negotiating"),
        (
            "Sejm ratyfikował umowę między Polską a Japonią o bezpieczeństwie.",
            ("JPN", "POL"),
            "security",
            "ratified",
        ),
        (
            "Węgry zawiesiły porozumienie gazowe z Rosją.",
            ("HUN", "RUS"),
            "energy",
            "suspended_or_cancelled",
        ),
        (
            "Rosja wycofała się z traktatu z Polską o siłach konwencjonalnych.",
            ("POL", "RUS"),
            "military",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


@pytest.mark.parametrize(
    ("body", "date", "resolved"),
    [
        ("Umowa o wolnym handlu między Polską a Litwą podpisana w 2015 roku nadal obowiązuje.", "2015", "2015"),
        ("Polska i Litwa zawarły w maju ubiegłego roku umowę o dostawach zboża.", "maju ubiegłego roku", "2023-05"),
        ("Polska i Korea Południowa podpisały umowę zbrojeniową 12 maja 2022 r.", "12 maja 2022", "2022-05-12"),
    ],
)
def test_signed_in_an_earlier_year_is_existing(extract: Extract, body: str, date: str, resolved: str) -> None:
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.status, agreement.date, agreement.date_resolved) == ("existing", date, resolved)


def test_oba_kraje_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "Prezydent Litwy spotkał się z prezydentem Łotwy w Rydze. Oba kraje podpisały umowę energetyczną."
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("LTU", "LVA"), "energy")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [
        ("pięcioletnią umowę gazową", "P5Y"),
        ("umowę gazową na dziesięć lat", "P10Y"),
        ("10-letni kontrakt na dostawy gazu", "P10Y"),
        ("umowę gazową na sześć miesięcy", "P6M"),
    ],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    assert only(extract(f"Polska i Niemcy podpisały {phrase}.", "pl", PUBLISHED)).duration == duration


@pytest.mark.parametrize(
    "body",
    [
        "Polska chce podpisać umowę z Francją o współpracy.",
        "Polska mogłaby zawrzeć porozumienie z Czechami.",
        "Polska i Litwa podpisałyby umowę, gdyby nie spór.",
    ],
)
def test_intentions_are_near_misses(extract: Extract, body: str) -> None:
    assert extract(body, "pl", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Polska i Czechy nie podpisały porozumienia w sprawie granicy.",
        "Żadne porozumienie nie zostało zawarte między Polską a Białorusią.",
    ],
)
def test_negations_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "pl", PUBLISHED) == ()


def test_a_plural_with_a_determiner_and_adjectives_is_reported(extract: Extract) -> None:
    body = "Polska i Litwa podpisały szereg dwustronnych umów gospodarczych."
    assert only(extract(body, "pl", PUBLISHED)).type == "economic"


def test_a_ceasefire_is_security_not_suspended(extract: Extract) -> None:
    body = "Polska i Ukraina podpisały umowę o zawieszeniu broni."
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.type, agreement.status) == ("security", "signed")


def test_wystapila_z_apelem_is_not_a_withdrawal(extract: Extract) -> None:
    body = "Polska wystąpiła z apelem do Litwy o podpisanie umowy energetycznej."
    found = extract(body, "pl", PUBLISHED)
    assert all(a.status != "suspended_or_cancelled" for a in found)


def test_r_dot_does_not_end_the_sentence(extract: Extract) -> None:
    body = "W 2020 r. Polska i Litwa podpisały umowę gazową w Warszawie."
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.status, agreement.venue, agreement.evidence) == ("existing", "Warszawie", body)


def test_weekday(extract: Extract) -> None:
    body = "Polska i Litwa podpisały w poniedziałek umowę o dostawach zboża."
    agreement = only(extract(body, "pl", PUBLISHED))
    assert (agreement.type, agreement.date_resolved) == ("agriculture", "2024-03-11")
