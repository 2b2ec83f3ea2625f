"""Français : chaque statut, types, coréférence, durées, dates, quasi-accords (phrases écrites pour ces tests)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("La France et l'Allemagne ont signé un accord de défense.", ("DEU", "FRA"), "military", "signed"),
        (
            "Le Maroc et l'Espagne prévoient de signer un accord énergétique l'année prochaine.",
            ("ESP", "MAR"),
            "energy",
            "planned",
        ),
        ("La Belgique négocie un accord commercial avec les Pays-Bas.", ("BEL", "NLD"), "trade", "negotiating"),
        (
            "Le traité signé en 1992 entre la France et l'Italie sur la pêche reste en vigueur.",
            ("FRA", "ITA"),
            "agriculture",
            "existing",
        ),
        (
            "Le Sénégal a ratifié la convention climatique avec la Mauritanie.",
            ("MRT", "SEN"),
            "environment",
            "ratified",
        ),
        (
            "Le Mali a suspendu son accord militaire avec la France.",
            ("FRA", "MLI"),
            "military",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_les_deux_pays_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "Le président du Sénégal a reçu son homologue de la Gambie. Les deux pays ont signé un accord minier."
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("GMB", "SEN"), "economic")


def test_duration_and_relative_date(extract: Extract) -> None:
    body = "Le Ghana et le Togo prévoient un accord de sécurité de cinq ans l'an prochain."
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.duration, agreement.date, agreement.date_resolved) == ("P5Y", "l'an prochain", "2025")


def test_split_quotation_is_one_sentence(extract: Extract) -> None:
    body = (
        'En 2015, un "\n\nprotocole d\'accord\n\n" signé entre le Ghana et le Togo a lancé une coopération policière.'
    )
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.type, agreement.status, agreement.date) == ("security", "existing", "2015")
    assert agreement.evidence.startswith('En 2015, un " protocole')


@pytest.mark.parametrize(
    "body",
    [
        "La France souhaite renforcer sa coopération avec l'Inde.",
        "Le Portugal pourrait conclure un accord avec le Brésil.",
        "L'Italie propose un accord migratoire à la Tunisie.",
    ],
)
def test_near_misses_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "fr", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("when", "written", "resolved"),
    [("en juin dernier", "juin dernier", "2023-06"), ("en mai prochain", "mai prochain", "2024-05")],
)
def test_month_modifiers_after_the_name(extract: Extract, when: str, written: str, resolved: str) -> None:
    agreement = only(extract(f"Le Ghana et le Togo ont signé un accord de sécurité {when}.", "fr", PUBLISHED))
    assert (agreement.date, agreement.date_resolved) == (written, resolved)


def test_a_ceasefire_between_two_states_is_an_agreement_of_its_own(extract: Extract) -> None:
    body = "L'Arménie et l'Azerbaïdjan se sont accordés sur un cessez-le-feu en 1994."
    agreement = only(extract(body, "fr", "2023-05-01T00:00:00Z"))
    assert (agreement.parties, agreement.type) == (("ARM", "AZE"), "security")


def test_parties_named_by_adjectives_right_after_the_noun(extract: Extract) -> None:
    body = "Bakou a critiqué l'accord franco-arménien sur les radars signé vendredi à Erevan."
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("ARM", "FRA"), "military")


def test_a_list_after_entre_runs_on_past_its_commas(extract: Extract) -> None:
    body = "Les deux pays dénoncent le pacte de sécurité conclu entre les États-Unis, le Royaume-Uni et l'Australie."
    assert only(extract(body, "fr", PUBLISHED)).parties == ("AUS", "GBR", "USA")


def test_denoncer_a_person_is_no_withdrawal(extract: Extract) -> None:
    body = "Dans le cadre du traité de coopération entre la France et le Maroc, le ministre est dénoncé par ses rivaux."
    assert only(extract(body, "fr", PUBLISHED)).status == "existing"


def test_a_loan_of_the_imf_and_an_association_agreement(extract: Extract) -> None:
    loan = only(
        extract("Le FMI avait accordé en 2010 à l'Ukraine un crédit de 15,3 milliards de dollars.", "fr", PUBLISHED)
    )
    association = only(
        extract("Kiev a la volonté de signer un accord d'association avec l'UE en novembre.", "fr", PUBLISHED)
    )
    assert (loan.parties, loan.type, loan.status) == (("ORG:IMF", "UKR"), "financial", "existing")
    assert (association.parties, association.type, association.status) == (("ORG:EU", "UKR"), "trade", "planned")


def test_a_protocol_and_a_declaration_signed_together_are_two_agreements(extract: Extract) -> None:
    body = (
        "L'Arménie et la Géorgie ont annoncé un partenariat stratégique. Les deux dirigeants ont signé le protocole "
        "de la commission pour la coopération économique et la déclaration « Sur l'établissement d'un partenariat "
        "stratégique entre l'Arménie et la Géorgie »."
    )
    found = extract(body, "fr", PUBLISHED)
    assert sorted((a.parties, a.type) for a in found) == [(("ARM", "GEO"), "diplomatic"), (("ARM", "GEO"), "economic")]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Les dirigeants du Maroc et de l'Espagne se sont mis d'accord sur la normalisation des relations.", "signed"),
        ("Le Maroc a rejeté le projet d'accord commercial avec l'Espagne.", "suspended_or_cancelled"),
    ],
)
def test_agreed_and_rejected(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "fr", PUBLISHED)).status == status


def test_inviting_a_state_to_sign_an_open_treaty_is_no_agreement(extract: Extract) -> None:
    body = "L'Iran a invité jeudi Israël à signer le traité de non-prolifération nucléaire."
    assert extract(body, "fr", PUBLISHED) == ()


def test_the_accord_of_angora_is_the_franco_turkish_treaty_of_1921(extract: Extract) -> None:
    agreement = only(extract("Le colloque a rappelé l'accord d'Angora de 1921.", "fr", PUBLISHED))
    assert (agreement.name, agreement.parties, agreement.status) == (
        "treaty_of_ankara_1921",
        ("FRA", "TUR"),
        "existing",
    )


def test_the_one_organisation_of_the_sentence_is_a_party_outside_the_clause(extract: Extract) -> None:
    body = (
        "L'Ukraine traverse une grave crise budgétaire. Le pays réclame l'aide du Fonds monétaire international, "
        "qui lui avait accordé en 2010 un crédit de 15 milliards de dollars."
    )
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("ORG:IMF", "UKR"), "financial", "existing")


def test_an_accord_negotiated_by_is_concluded(extract: Extract) -> None:
    body = "L'accord de pêche négocié par la Norvège entre le Maroc et l'Espagne a été salué."
    assert only(extract(body, "fr", PUBLISHED)).status == "signed"


def test_the_minsk_group_is_not_belarus(extract: Extract) -> None:
    body = "Le processus de paix du groupe de Minsk de l'OSCE entre l'Arménie et l'Azerbaïdjan est au point mort."
    assert all("BLR" not in a.parties for a in extract(body, "fr", PUBLISHED))


def test_parties_unable_to_reach_an_agreement_is_no_agreement(extract: Extract) -> None:
    body = "Le Maroc et l'Espagne n'ont pas été capables de parvenir à un accord sur la pêche."
    assert extract(body, "fr", PUBLISHED) == ()


def test_a_peace_process_is_not_itself_an_agreement(extract: Extract) -> None:
    body = "Bakou accuse l'Arménie de vouloir bloquer le processus de paix lancé avec la France."
    assert extract(body, "fr", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Le Chili et le Pérou ont conclu un accord commercial après de longues négociations.", "signed"),
        ("Après des mois de négociations, l'Argentine et le Brésil ont signé un accord énergétique.", "signed"),
        ("Le Chili et le Pérou ont repris les négociations sur un accord de pêche.", "negotiating"),
        ("Le Brésil et le Paraguay renégocient leur accord sur l'énergie.", "negotiating"),
    ],
)
def test_talks_that_are_over_do_not_make_an_agreement_negotiated(extract: Extract, body: str, status: str) -> None:
    """After "après (des mois de) négociations" the talks are over and the verb of concluding decides."""
    assert only(extract(body, "fr", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("L'accord commercial entre le Chili et le Pérou attend sa ratification.", "planned"),
        ("L'accord de pêche entre le Chili et le Pérou reste à ratifier.", "planned"),
        ("Le Sénat français a ratifié l'accord de pêche avec le Maroc.", "ratified"),
    ],
)
def test_a_ratification_still_awaited_is_planned(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "fr", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Le traité de pêche signé il y a vingt ans par le Chili et le Pérou reste en vigueur.", "existing"),
        ("Le Chili et le Pérou ont signé il y a vingt ans un accord de pêche.", "existing"),
        ("Le Chili et le Pérou ont signé il y a deux semaines un accord de pêche.", "signed"),
    ],
)
def test_a_signing_years_ago_is_an_existing_agreement(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "fr", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            "Les gouvernements ont rejeté la demande de suspendre les négociations de l'accord de libre-échange "
            "entre l'UE et les États-Unis.",
            "negotiating",
        ),
        ("La Colombie a décidé de suspendre l'accord de sécurité avec le Venezuela.", "suspended_or_cancelled"),
        ("La Colombie a annulé l'accord de sécurité avec le Venezuela.", "suspended_or_cancelled"),
    ],
)
def test_a_call_to_suspend_is_no_suspension(extract: Extract, body: str, status: str) -> None:
    """A bare infinitive ("demande de suspendre") reports no act; a decision to suspend or a past participle does."""
    assert only(extract(body, "fr", PUBLISHED)).status == status


def test_a_strategic_alliance_is_diplomatic(extract: Extract) -> None:
    body = "La Russie et la Chine ont scellé une alliance stratégique."
    assert only(extract(body, "fr", PUBLISHED)).type == "diplomatic"
