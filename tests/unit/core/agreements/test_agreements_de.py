"""Deutsch: jeder Status, Typen, Koreferenz, Dauer, Daten, Beinahe-Treffer (eigens geschriebene Sätze)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        (
            "Deutschland und Frankreich haben ein Verteidigungsabkommen unterzeichnet.",
            ("DEU", "FRA"),
            "military",
            "signed",
        ),
        ("Polen und Litauen planen ein Energieabkommen für nächstes Jahr.", ("LTU", "POL"), "energy", "planned"),
        ("Österreich verhandelt mit Ungarn über ein Handelsabkommen.", ("AUT", "HUN"), "trade", "negotiating"),
        (
            "Das 2005 geschlossene Abkommen zwischen Spanien und Portugal über Erdgas ist in Kraft.",
            ("ESP", "PRT"),
            "energy",
            "existing",
        ),
        ("Deutschland hat das Klimaabkommen mit Norwegen ratifiziert.", ("DEU", "NOR"), "environment", "ratified"),
        (
            "Schweden hat das Fischereiabkommen mit Norwegen aufgekündigt.",
            ("NOR", "SWE"),
            "agriculture",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_beide_laender_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "Vertreter aus Chile und Peru trafen sich am Montag.\n\nBeide Länder unterzeichneten ein Bergbauabkommen."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("CHL", "PER"), "economic", "signed")


def test_a_heading_does_not_join_the_next_sentence(extract: Extract) -> None:
    body = "Neues Sicherheitsabkommen\n\nItalien und Albanien haben ein Sicherheitsabkommen unterzeichnet."
    agreement = only(extract(body, "de"))
    assert agreement.evidence.startswith("Italien")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [("ein fünfjähriges", "P5Y"), ("ein 20-jähriges", "P20Y"), ("ein zehnjähriges", "P10Y")],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    body = f"Ghana und Togo haben {phrase} Sicherheitsabkommen unterzeichnet."
    assert only(extract(body, "de")).duration == duration


def test_duration_fuer_n_jahre(extract: Extract) -> None:
    body = "Ghana und Togo haben ein Sicherheitsabkommen für drei Jahre unterzeichnet."
    assert only(extract(body, "de")).duration == "P3Y"


def test_dieses_jahr_is_resolved_when_the_publication_time_is_known(extract: Extract) -> None:
    body = "Ghana und Togo planen gemeinsame militärische Übungen für dieses Jahr."
    known = only(extract(body, "de", PUBLISHED))
    unknown = only(extract(body, "de"))
    assert (known.date, known.date_resolved, known.status) == ("dieses Jahr", "2024", "planned")
    assert (unknown.date, unknown.date_resolved) == ("dieses Jahr", None)


def test_month_and_year(extract: Extract) -> None:
    agreement = only(
        extract("Ghana und Togo haben im März 2020 ein Sicherheitsabkommen unterzeichnet.", "de", PUBLISHED)
    )
    assert (agreement.date, agreement.date_resolved, agreement.status) == ("März 2020", "2020-03", "existing")


def test_negotiated_cooperation_is_negotiating(extract: Extract) -> None:
    body = "In Bern verhandelte der Außenminister Österreichs über eine verstärkte Kooperation mit der Schweiz."
    agreement = only(extract(body, "de"))
    assert (agreement.parties, agreement.status) == (("AUT", "CHE"), "negotiating")


@pytest.mark.parametrize(
    "body",
    [
        "Deutschland möchte die Zusammenarbeit mit Frankreich vertiefen.",
        "Italien bietet Tunesien ein Abkommen über Migration an.",
        "Polen und Tschechien haben engere Beziehungen vereinbart.",
        "Die Zusammenarbeit zwischen Spanien und Portugal spielte eine Rolle in den Gesprächen.",
        "Österreich könnte mit Ungarn ein Energieabkommen schließen.",
    ],
)
def test_near_misses_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "de", PUBLISHED) == ()


def test_month_modifier_before_the_name(extract: Extract) -> None:
    body = "Ghana und Togo haben im vergangenen Juni ein Sicherheitsabkommen unterzeichnet."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.date, agreement.date_resolved) == ("im vergangenen Juni", "2023-06")


def test_vereinbarung_is_no_club(extract: Extract) -> None:
    body = "Die Vereinigten Staaten und Kanada haben eine Vereinbarung über Erdgas unterzeichnet."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("CAN", "USA"), "energy", "signed")


def test_a_club_is_still_a_near_miss(extract: Extract) -> None:
    assert extract("Der Verein hat mit Brasilien einen Vertrag über Spieler unterzeichnet.", "de", PUBLISHED) == ()


def test_troop_compounds_are_military(extract: Extract) -> None:
    body = "Indien und China haben ein Truppenabzugsabkommen unterzeichnet."
    assert only(extract(body, "de", PUBLISHED)).type == "military"


def test_ende_des_abkommens_is_suspended(extract: Extract) -> None:
    body = "Der Minister verkündete das Ende des Fischereiabkommens zwischen Norwegen und Island."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("ISL", "NOR"), "suspended_or_cancelled")


def test_verb_final_unterzeichnen_wird_is_planned(extract: Extract) -> None:
    body = "Der Präsident reist nach Kairo, wo Ägypten mit Jordanien ein Handelsabkommen unterzeichnen wird."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("EGY", "JOR"), "planned")


def test_vereinbarung_getroffen_is_signed(extract: Extract) -> None:
    body = "Peru und Chile haben eine Vereinbarung über den Bergbau getroffen."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("CHL", "PER"), "signed")


def test_a_bare_plural_is_general_in_german_too(extract: Extract) -> None:
    body = "Er sagte in Verhandlungen, dass gegenseitige Vereinbarungen zwischen Indien und Brasilien denkbar seien."
    assert extract(body, "de", PUBLISHED) == ()
    named = "Russland und die Ukraine hatten die Minsker Vereinbarungen verhandelt."
    assert only(extract(named, "de", PUBLISHED)).parties


def test_einigung_is_an_agreement_noun(extract: Extract) -> None:
    body = "Kanada und Mexiko haben eine Einigung über Zölle verkündet."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("CAN", "MEX"), "trade", "signed")


def test_a_loan_approved_by_a_lender_is_a_financial_agreement(extract: Extract) -> None:
    body = "Der IWF hat Ägypten einen Kredit über drei Milliarden Dollar bewilligt."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("EGY", "ORG:IMF"), "financial", "signed")


def test_a_parliament_approving_a_treaty_ratifies_it(extract: Extract) -> None:
    body = "Das Parlament hat den Grenzvertrag zwischen Estland und Russland gebilligt."
    assert only(extract(body, "de", PUBLISHED)).status == "ratified"


def test_the_prospect_of_a_deal_is_a_near_miss(extract: Extract) -> None:
    assert extract("Die Aussicht auf ein Handelsabkommen zwischen Japan und Chile wächst.", "de", PUBLISHED) == ()


def test_ein_abkommen_mit_einer_benannten_miliz_ist_ein_beinahe_treffer(extract: Extract) -> None:
    assert extract("Die PKK hat mit der Türkei ein Abkommen über eine Waffenruhe geschlossen.", "de", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Dabei handelt es sich um ein Abkommen zwischen Peru und Chile über den Bergbau.", "economic"),
        ("Gastgeber Polen unterzeichnete mit Litauen ein Abkommen über die Forschung.", "other"),
        ("Armenien und Aserbaidschan haben ein Waffenstillstandsabkommen unterzeichnet.", "security"),
        ("Im UN-Sicherheitsrat unterzeichneten Kenia und Uganda ein Abkommen über den Zoll.", "trade"),
    ],
)
def test_verbs_and_hosts_that_look_like_type_words(extract: Extract, body: str, kind: str) -> None:
    assert only(extract(body, "de", PUBLISHED)).type == kind


def test_club_compounds_and_transfers_are_near_misses(extract: Extract) -> None:
    body = "Der Vereinschef sagte, der Vertrag mit dem Stürmer aus Brasilien sei mit Portugal vereinbart."
    assert extract(body, "de", PUBLISHED) == ()
    transfer = "Nach dem Transfer unterzeichnete der Brasilianer einen Vertrag in Portugal."
    assert extract(transfer, "de", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Russland setzt den Vertrag mit Norwegen über die Fischerei aus.", "suspended_or_cancelled"),
        ("Ungarn steigt aus dem Energieabkommen mit Serbien aus.", "suspended_or_cancelled"),
        (
            "Der Vertrag zwischen Moskau und Kiew über den Gastransit läuft Ende des Jahres aus.",
            "suspended_or_cancelled",
        ),
        (
            "Die Schweiz und die EU haben die Verhandlungen über ein Handelsabkommen abgebrochen.",
            "suspended_or_cancelled",
        ),
        ("Das Abkommen zwischen Serbien und Albanien über den Zoll wurde in Brüssel ausgehandelt.", "signed"),
        ("Peru und Chile haben eine vorläufige Vereinbarung zur Lage am Grenz-Fluss getroffen.", "signed"),
    ],
)
def test_separable_verbs_and_participles_give_the_status(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "de", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Deutschland und Norwegen schlossen einen Vertrag über Wasserstofflieferungen.", "energy"),
        ("Katar und Deutschland haben einen Liefervertrag für Flüssiggas abgeschlossen.", "energy"),
        ("Die USA und Japan haben ein Abkommen über kritische Mineralien unterzeichnet.", "economic"),
        ("Moskau und Kiew haben einen Vertrag über den Gastransit unterzeichnet.", "energy"),
    ],
)
def test_more_type_words(extract: Extract, body: str, kind: str) -> None:
    assert only(extract(body, "de", PUBLISHED)).type == kind


def test_beitrittsverhandlungen_are_negotiations(extract: Extract) -> None:
    agreement = only(extract("Die Beitrittsverhandlungen der EU mit Montenegro gehen weiter.", "de", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("MNE", "ORG:EU"), "negotiating")


def test_abgelehnt_is_cancelled(extract: Extract) -> None:
    body = "Das Parlament in Bern hat das Rahmenabkommen zwischen der Schweiz und der EU abgelehnt."
    assert only(extract(body, "de", PUBLISHED)).status == "suspended_or_cancelled"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Der IWF hat mit Lettland ein Bereitschaftskreditabkommen vereinbart.", "financial"),
        ("Washington und Moskau unterzeichneten einen neuen Abrüstungsvertrag.", "military"),
        ("Berlin und Warschau haben einen Nachbarschaftsvertrag geschlossen.", "diplomatic"),
        ("Kenia und Uganda haben ein Außenhandelsabkommen unterzeichnet.", "trade"),
    ],
)
def test_a_type_word_inside_a_compound(extract: Extract, body: str, kind: str) -> None:
    assert only(extract(body, "de", PUBLISHED)).type == kind


def test_genehmigte_is_signed(extract: Extract) -> None:
    body = "Die Europäische Kommission genehmigte einen Kredit in Höhe von 500 Millionen Euro für Ungarn."
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("HUN", "ORG:EU"), "financial", "signed")


def test_die_unterzeichnerstaaten_name_an_existing_agreement(extract: Extract) -> None:
    body = "Die Unterzeichnerstaaten des Fischereiabkommens, Norwegen und Island, trafen sich in Oslo."
    assert only(extract(body, "de", PUBLISHED)).status == "existing"


def test_der_gastgeber_eines_gipfels_ist_keine_partei(extract: Extract) -> None:
    body = "Japan und Kanada unterzeichneten beim G7-Gipfel ein Handelsabkommen."
    assert only(extract(body, "de", PUBLISHED)).parties == ("CAN", "JPN")


def test_ein_blockiertes_hilfspaket_ist_ausgesetzt(extract: Extract) -> None:
    agreement = only(extract("Ungarn blockiert das EU-Hilfspaket für die Ukraine.", "de", PUBLISHED))
    assert (agreement.type, agreement.status) == ("financial", "suspended_or_cancelled")


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        (
            "Griechenland und Ägypten einigten sich auf ein Abkommen über die Seegrenze.",
            ("EGY", "GRC"),
            "diplomatic",
            "signed",
        ),
        ("Kasachstan und Usbekistan unterzeichneten einen Grenzvertrag.", ("KAZ", "UZB"), "diplomatic", "signed"),
        (
            "Die Weltbank gewährt der Ukraine einen Kredit über 500 Millionen Dollar.",
            ("ORG:WB", "UKR"),
            "financial",
            "signed",
        ),
        ("Der IWF gewährte Pakistan einen neuen Kredit.", ("ORG:IMF", "PAK"), "financial", "signed"),
        (
            "Die Vereinbarung zwischen Italien und Libyen über Migration wurde verlängert.",
            ("ITA", "LBY"),
            "security",
            "existing",
        ),
        ("Spanien und Marokko verlängerten ihr Fischereiabkommen.", ("ESP", "MAR"), "agriculture", "existing"),
    ],
)
def test_borders_granted_credits_and_extensions(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str
) -> None:
    """Eine Seegrenze, ein Grenzvertrag: Grenzziehung ist diplomatisch; ein gewährter Kredit ist
    vergeben; ein verlängertes Abkommen ist eines, das gilt."""
    agreement = only(extract(body, "de", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_a_coach_extending_his_contract_is_no_agreement(extract: Extract) -> None:
    body = "In Spanien hat der Cheftrainer aus Frankreich seinen Vertrag bis 2026 verlängert."
    assert extract(body, "de", PUBLISHED) == ()
