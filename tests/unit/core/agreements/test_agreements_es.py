"""Español: a language added as a data file only (``data/es.json``), no extractor code of its own.

The first two tests build the mentions themselves; the others run the real country tagger
(``extract``), which knows the Spanish names.
"""

from __future__ import annotations

import re

import pytest
from tests.unit.core.agreements.conftest import Extract, only

from wirewatch.core.agreements import Lexicons, extract_agreements
from wirewatch.core.model import CountryMention, Span

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday

NAMES = {"España": "ESP", "Francia": "FRA", "Chile": "CHL", "Perú": "PER", "Bolivia": "BOL"}


def mentions(body: str) -> tuple[CountryMention, ...]:
    found = [
        CountryMention(code, Span(m.start(), m.end()), name, "name")
        for name, code in NAMES.items()
        for m in re.finditer(re.escape(name), body)
    ]
    return tuple(sorted(found, key=lambda m: m.span.start))


def test_spanish_signed_planned_and_coreference(lexicons: Lexicons) -> None:
    body = (
        "España y Francia firmaron ayer un acuerdo de defensa de cinco años.\n\n"
        "Representantes de Chile y Perú se reunieron en Lima. "
        "Ambos países prevén firmar un acuerdo comercial el próximo año."
    )
    found = extract_agreements(body, mentions(body), ("ESP", "FRA"), lexicons.get("es"), "2024-03-13T09:00:00Z")
    summary = [(a.parties, a.type, a.status, a.duration, a.date_resolved) for a in found]
    assert summary == [
        (("ESP", "FRA"), "military", "signed", "P5Y", "2024-03-12"),
        (("CHL", "PER"), "trade", "planned", None, "2025"),
    ]


def test_spanish_near_miss_is_not_reported(lexicons: Lexicons) -> None:
    body = "Bolivia quiere reforzar la cooperación con Perú."
    assert extract_agreements(body, mentions(body), (), lexicons.get("es")) == ()


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("Chile y Perú firmaron un convenio de cooperación pesquera.", ("CHL", "PER"), "agriculture", "signed"),
        (
            "Colombia y Ecuador suscribieron un memorando de entendimiento sobre seguridad fronteriza.",
            ("COL", "ECU"),
            "security",
            "signed",
        ),
        ("México y Guatemala rubricaron una hoja de ruta comercial.", ("GTM", "MEX"), "trade", "signed"),
        ("Chile firma un acuerdo comercial con Perú.", ("CHL", "PER"), "trade", "signed"),
        ("Argentina y Brasil prevén firmar un acuerdo energético.", ("ARG", "BRA"), "energy", "planned"),
        ("Bolivia y Paraguay tienen previsto firmar un acuerdo sobre gas.", ("BOL", "PRY"), "energy", "planned"),
        ("Uruguay negocia con Argentina un acuerdo de libre comercio.", ("ARG", "URY"), "trade", "negotiating"),
        (
            "El Congreso de Colombia ratificó el tratado de paz con Ecuador.",
            ("COL", "ECU"),
            "diplomatic",
            "ratified",
        ),
        (
            "Venezuela suspendió el acuerdo petrolero con Colombia.",
            ("COL", "VEN"),
            "energy",
            "suspended_or_cancelled",
        ),
        (
            "Nicaragua se retiró del pacto de defensa con Honduras.",
            ("HND", "NIC"),
            "military",
            "suspended_or_cancelled",
        ),
        (
            "Ecuador denunció el tratado de inversiones con Perú.",
            ("ECU", "PER"),
            "economic",
            "suspended_or_cancelled",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


@pytest.mark.parametrize(
    ("body", "date", "resolved"),
    [
        ("El acuerdo de pesca firmado en 2015 entre Chile y Perú sigue vigente.", "2015", "2015"),
        (
            "El acuerdo de pesca entre Chile y Perú fue firmado el 3 de junio de 2015.",
            "3 de junio de 2015",
            "2015-06-03",
        ),
        ("Chile y Perú firmaron en mayo pasado un acuerdo de pesca.", "mayo pasado", "2023-05"),
    ],
)
def test_signed_in_an_earlier_year_is_existing(extract: Extract, body: str, date: str, resolved: str) -> None:
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.status, agreement.date, agreement.date_resolved) == ("existing", date, resolved)


def test_ambos_paises_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "Representantes de Chile y Perú se reunieron en Lima. Ambos países firmaron un acuerdo minero."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("CHL", "PER"), "economic", "signed")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [
        ("un acuerdo de seguridad por cinco años", "P5Y"),
        ("un acuerdo de seguridad de cuatro años de duración", "P4Y"),
        ("un acuerdo de seguridad con una vigencia de diez años", "P10Y"),
        ("un acuerdo de seguridad quinquenal", "P5Y"),
        ("un acuerdo de seguridad por seis meses", "P6M"),
    ],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    assert only(extract(f"España y Marruecos firmaron {phrase}.", "es", PUBLISHED)).duration == duration


@pytest.mark.parametrize(
    "body",
    [
        "Brasil quiere firmar un acuerdo comercial con México.",
        "Perú podría firmar un tratado con Bolivia.",
        "Chile y Perú buscan la firma de un acuerdo comercial.",
    ],
)
def test_intentions_are_near_misses(extract: Extract, body: str) -> None:
    assert extract(body, "es", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Colombia y Venezuela no firmaron el acuerdo comercial en Caracas.",
        "Ningún acuerdo fue alcanzado entre Bolivia y Paraguay sobre el gas.",
        "Chile se negó a firmar el tratado de aguas con Bolivia.",
    ],
)
def test_negations_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "es", PUBLISHED) == ()


def test_de_acuerdo_con_is_not_an_agreement(extract: Extract) -> None:
    body = "De acuerdo con el ministerio, Chile y Perú firmaron la declaración final."
    assert extract(body, "es", PUBLISHED) == ()


def test_a_ceasefire_and_a_framework_agreement_are_agreements(extract: Extract) -> None:
    ceasefire = only(extract("Armenia y Azerbaiyán acordaron un alto el fuego.", "es", PUBLISHED))
    framework = only(extract("Chile y Perú firmaron el acuerdo marco de cooperación económica.", "es", PUBLISHED))
    assert (ceasefire.type, ceasefire.status) == ("security", "signed")  # ceasefires are security (labelling notes)
    assert (framework.type, framework.status) == ("economic", "signed")


def test_a_loan_between_states_is_a_financial_agreement(extract: Extract) -> None:
    body = "China concedió a Argentina un préstamo de 500 millones de dólares."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("ARG", "CHN"), "financial", "signed")


def test_a_bare_plural_is_not_one_agreement_but_a_counted_one_is(extract: Extract) -> None:
    assert extract("Chile y Perú firmaron acuerdos.", "es", PUBLISHED) == ()
    assert only(extract("Chile y Perú firmaron varios acuerdos comerciales.", "es", PUBLISHED)).type == "trade"


def test_a_postponed_signing_is_still_planned(extract: Extract) -> None:
    body = "La firma del acuerdo comercial entre Chile y Perú fue aplazada."
    assert only(extract(body, "es", PUBLISHED)).status == "planned"


@pytest.mark.parametrize(
    "body",
    [
        "Según el acuerdo ruso-estadunidense sobre el arsenal químico, Siria entregará sus armas.",
        "Conforme a un acuerdo de Washington y Moscú, Siria entregará su arsenal químico.",
    ],
)
def test_parties_named_right_after_the_noun(extract: Extract, body: str) -> None:
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("RUS", "USA"), "military")


def test_parties_after_the_noun_outweigh_a_near_miss_word(extract: Extract) -> None:
    body = "Los rebeldes sirios rechazaron el acuerdo ruso-estadunidense sobre el arsenal químico."
    assert only(extract(body, "es", PUBLISHED)).parties == ("RUS", "USA")


def test_a_listed_agreement_keeps_the_parties_between_names(extract: Extract) -> None:
    body = (
        "Argentina celebró el acuerdo comercial de Chile con Perú, y defendió el convenio suscripto "
        "entre Buenos Aires y Teherán para investigar el atentado."
    )
    assert ("ARG", "IRN") in {a.parties for a in extract(body, "es", PUBLISHED)}


def test_eu_is_the_united_states_in_spanish(extract: Extract) -> None:
    body = "El Senado de EU aprobó el acuerdo México-EU sobre yacimientos transfronterizos de hidrocarburos."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("MEX", "USA"), "energy", "ratified")


def test_the_final_iran_deal_is_the_jcpoa_under_talks_before_2015(extract: Extract) -> None:
    body = "Israel enviará una delegación a Washington para discutir sobre el acuerdo nuclear final con Irán."
    agreement = only(extract(body, "es", "2013-11-25T09:00:00Z"))
    assert (agreement.name, agreement.status) == ("jcpoa", "negotiating")


def test_a_deal_reached_now_is_not_the_named_one_of_another_year(extract: Extract) -> None:
    body = (
        "Obama defendió el acuerdo alcanzado el domingo entre Teherán y las potencias del grupo 5+1. "
        "El acuerdo aplica el plan de acción conjunta convenido en noviembre pasado."
    )
    found = extract(body, "es", "2014-01-13T09:00:00Z")
    assert [(a.name, a.type, a.status) for a in found] == [
        (None, "nuclear", "signed"),
        ("jpoa_iran_interim_2013", "nuclear", "existing"),
    ]


def test_the_marker_near_the_agreement_outweighs_a_far_one(extract: Extract) -> None:
    body = (
        "Los miembros del consejo ejecutivo de la organización tienen previsto reunirse la semana próxima en La Haya "
        "con los expertos de varios países para revisar la aplicación del tratado de pesca firmado por Chile y Perú."
    )
    assert only(extract(body, "es", PUBLISHED)).status == "signed"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Chile rechazó la propuesta peruana de acuerdo comercial con Perú.", "suspended_or_cancelled"),
        ("El acuerdo comercial entre Chile y Perú está listo, pero todavía no fue firmado.", "planned"),
    ],
)
def test_rejected_and_not_yet_signed(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "es", PUBLISHED)).status == status


def test_urging_a_state_to_sign_an_open_treaty_is_no_agreement(extract: Extract) -> None:
    body = "Irán instó el jueves a Israel a firmar el Tratado de No Proliferación Nuclear."
    assert extract(body, "es", PUBLISHED) == ()


def test_the_five_eyes_club_is_the_ukusa_agreement(extract: Extract) -> None:
    body = "Alemania pidió explicaciones sobre el Club de los Cinco Ojos, que incluye a Australia y Canadá."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.name, agreement.parties) == ("ukusa_agreement", ("AUS", "CAN", "GBR", "NZL", "USA"))


def test_a_free_trade_treaty_is_trade_whatever_else_the_sentence_says(extract: Extract) -> None:
    body = "Chile y Perú reanudan las negociaciones de su tratado de libre comercio pese al escándalo de espionaje."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.type, agreement.status) == ("trade", "negotiating")


def test_a_later_deal_between_members_is_not_the_old_named_one(extract: Extract) -> None:
    body = (
        "Gran Bretaña y Estados Unidos son socios del Club de los Cinco Ojos. En 2007 ambos países llegaron a un "
        "acuerdo de seguridad para que la NSA pudiera espiar a los británicos."
    )
    found = extract(body, "es", PUBLISHED)
    assert sorted((a.name or "", a.parties, a.status) for a in found) == [
        ("", ("GBR", "USA"), "existing"),
        ("ukusa_agreement", ("AUS", "CAN", "GBR", "NZL", "USA"), "existing"),
    ]


def test_a_protocol_against_illegal_mining_is_security_and_planned(extract: Extract) -> None:
    body = "Colombia y Venezuela acordaron establecer un protocolo binacional para la lucha contra la minería ilegal."
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.type, agreement.status) == ("security", "planned")


@pytest.mark.parametrize(
    "body",
    [
        "Chile y Perú convinieron ayer un acuerdo de pesca.",
        "El acuerdo de pesca negociado por Chile y Perú fue presentado ayer.",
    ],
)
def test_agreed_and_negotiated_by_are_signed(extract: Extract, body: str) -> None:
    assert only(extract(body, "es", PUBLISHED)).status == "signed"


def test_a_final_nuclear_deal_without_iran_is_not_the_jcpoa(extract: Extract) -> None:
    body = "Corea del Norte y Estados Unidos negocian un acuerdo nuclear final."
    assert all(a.name != "jcpoa" for a in extract(body, "es", PUBLISHED))


def test_a_convention_with_its_own_year_is_another_agreement_than_the_named_treaty(extract: Extract) -> None:
    body = (
        "Bolivia acusó a Chile de incumplir el Tratado de Paz y Amistad de 1904. También denunció que Chile no "
        "cumple el artículo 1 del Convenio de 1937, que garantiza a Bolivia el libre tránsito de cargas."
    )
    found = extract(body, "es", PUBLISHED)
    assert sorted((a.name or "", a.type, a.status) for a in found) == [
        ("", "trade", "existing"),
        ("bolivia_chile_peace_friendship_treaty_1904", "diplomatic", "existing"),
    ]


def test_spanish_counterparts_of_the_french_rules(extract: Extract) -> None:
    loan = only(extract("El FMI concedió a Argentina un crédito de 15,3 mil millones de dólares.", "es", PUBLISHED))
    declaration = only(
        extract("Chile y Perú firmaron una declaración conjunta sobre la asociación estratégica.", "es", PUBLISHED)
    )
    planned = only(extract("Perú expresó su voluntad de firmar un acuerdo comercial con Chile.", "es", PUBLISHED))
    assert (loan.parties, loan.type, loan.status) == (("ARG", "ORG:IMF"), "financial", "signed")
    assert (declaration.type, declaration.status) == ("diplomatic", "signed")
    assert planned.status == "planned"
    assert extract("Chile y Perú no fueron capaces de llegar a un acuerdo pesquero.", "es", PUBLISHED) == ()


def test_a_peace_process_is_not_itself_an_agreement(extract: Extract) -> None:
    body = "Israel liberó a 26 presos para el avance del proceso de paz respaldado por Estados Unidos."
    assert extract(body, "es", PUBLISHED) == ()


def test_every_spanish_trigger_has_a_literal_so_unrelated_sentences_are_skipped(lexicons: Lexicons) -> None:
    """The cheap substring pre-test needs a literal in every noun; diálogo/dialogo are spelt out."""
    keywords = lexicons.get("es").keywords
    assert keywords is not None
    assert {"diálogo", "dialogo", "acuerdo", "tratado"} <= set(keywords)


@pytest.mark.parametrize(
    "body",
    [
        "Colombia y el ELN retomaron el diálogo de paz en Caracas.",
        "Los diálogos de paz entre Colombia y Venezuela siguen abiertos.",
    ],
)
def test_peace_dialogue_still_reaches_the_extractor_with_keywords(extract: Extract, body: str) -> None:
    found = extract(body, "es", PUBLISHED)
    assert all(a.status in {"negotiating", "planned"} for a in found)


@pytest.mark.parametrize(
    "body",
    [
        "Chile y Perú alcanzaron un acuerdo comercial tras largas negociaciones.",
        "Tras meses de negociaciones, Argentina y Brasil firmaron un convenio energético.",
        "Fruto de las negociaciones en Lima, Chile y Perú sellaron un tratado de pesca.",
    ],
)
def test_a_deal_reached_after_negotiations_is_signed(extract: Extract, body: str) -> None:
    """After "tras (meses de) negociaciones" the talks are over, the verb of concluding decides."""
    assert only(extract(body, "es", PUBLISHED)).status == "signed"


def test_a_new_round_of_negotiations_is_still_negotiating(extract: Extract) -> None:
    body = "Una nueva ronda de negociaciones sobre el acuerdo comercial entre Chile y Perú empezará el lunes."
    assert only(extract(body, "es", PUBLISHED)).status == "negotiating"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("El tratado de pesca entre Chile y Perú sigue sin ratificar.", "planned"),
        ("El acuerdo comercial entre Chile y Perú está pendiente de ratificación en el Congreso.", "planned"),
        ("El convenio energético entre Chile y Perú queda por ratificar.", "planned"),
        ("El Congreso de Perú ratificó el tratado de pesca con Chile.", "ratified"),
        ("Chile depositó el instrumento de ratificación del tratado de pesca con Perú.", "ratified"),
    ],
)
def test_not_yet_ratified_is_planned(extract: Extract, body: str, status: str) -> None:
    """With "sin ratificar", "pendiente de ratificación", "por ratificar" ratification is still to come."""
    assert only(extract(body, "es", PUBLISHED)).status == status


@pytest.mark.parametrize(
    "body",
    [
        "Colombia y el ELN retomaron el diálogo de paz en Caracas.",
        "México firmó un pacto con narcotraficantes, según la oposición.",
    ],
)
def test_an_armed_group_on_one_side_is_a_near_miss(extract: Extract, body: str) -> None:
    assert extract(body, "es", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "name", "parties", "kind"),
    [
        ("Paraguay exige a Brasil revisar el Tratado de Itaipú.", "itaipu_treaty_1973", ("BRA", "PRY"), "energy"),
        ("La represa nació del Tratado de Yacyretá.", "yacyreta_treaty_1973", ("ARG", "PRY"), "energy"),
        (
            "Uruguay acusa a Argentina de violar el Tratado del Río de la Plata.",
            "rio_de_la_plata_treaty_1973",
            ("ARG", "URY"),
            "diplomatic",
        ),
    ],
)
def test_river_plate_treaties_are_named_agreements(
    extract: Extract, body: str, name: str, parties: tuple[str, ...], kind: str
) -> None:
    """The base knows the 1973 treaties on the Paraná dams and the River Plate, whose parties a reader knows."""
    agreement = only(extract(body, "es", PUBLISHED))
    assert (agreement.name, agreement.parties, agreement.type, agreement.status) == (name, parties, kind, "existing")


@pytest.mark.parametrize(
    "body",
    [
        "Chile y Perú renegocian su tratado de pesca.",
        "Brasil y Paraguay renegociarán el anexo financiero del Tratado de Itaipú.",
        "México renegoció con Canadá el acuerdo comercial.",
    ],
)
def test_renegotiating_is_negotiating(extract: Extract, body: str) -> None:
    """A finite form of "renegociar" asserts talks; the noun alone ("descartaron una renegociación") does not."""
    assert only(extract(body, "es", PUBLISHED)).status == "negotiating"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Argentina y el FMI firmaron un acuerdo de facilidades extendidas.", "financial"),
        ("El FMI aprobó el desembolso del préstamo acordado con Ecuador.", "financial"),
        ("Colombia suspendió el tratado de extradición con Venezuela.", "security"),
        ("Alemania y Polonia firmaron un pacto de no agresión.", "military"),
        ("China y Rusia firmaron un tratado de amistad y cooperación.", "diplomatic"),
    ],
)
def test_spanish_type_words_of_loans_extradition_non_aggression_and_friendship(
    extract: Extract, body: str, kind: str
) -> None:
    assert only(extract(body, "es", PUBLISHED)).type == kind


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("El tratado de pesca que Chile y Perú firmaron hace 20 años sigue vigente.", "existing"),
        ("Los acuerdos de pesca suscritos hace dos décadas por Chile y Perú siguen en pie.", "existing"),
        ("Perú denunció el convenio energético que sellaron con Chile hace unos años.", "suspended_or_cancelled"),
        ("Bolivia critica el acuerdo de gas con Chile que firmó cuando era presidente Morales.", "existing"),
        ("Chile y Perú firmaron hace dos semanas un acuerdo de pesca.", "signed"),
    ],
)
def test_a_signing_years_ago_or_under_a_former_office_is_an_existing_agreement(
    extract: Extract, body: str, status: str
) -> None:
    """A signing "hace N años" or "cuando era presidente" is past and the agreement stands;
    a signing some weeks ago is still news."""
    assert only(extract(body, "es", PUBLISHED)).status == status


@pytest.mark.parametrize(
    "body",
    [
        "Las revelaciones enturbiaron el clima de entendimiento entre Francia y Alemania.",
        "Francia y Alemania buscan un mayor entendimiento en materia de defensa.",
    ],
)
def test_understanding_as_a_mood_is_no_agreement(extract: Extract, body: str) -> None:
    """A "clima de entendimiento" or a "mayor entendimiento" is a mood; "un entendimiento sobre X" stays one."""
    assert extract(body, "es", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Francia y Alemania alcanzaron un entendimiento sobre el gasoducto.",
        "Francia y Alemania firmaron un acta de entendimiento sobre energía.",
    ],
)
def test_an_understanding_reached_is_an_agreement(extract: Extract, body: str) -> None:
    assert only(extract(body, "es", PUBLISHED)).parties == ("DEU", "FRA")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            "Los gobiernos rechazaron la petición de suspender las negociaciones del tratado de libre comercio "
            "entre la Unión Europea y Estados Unidos.",
            "negotiating",
        ),
        ("Colombia suspendió el acuerdo de extradición con Venezuela.", "suspended_or_cancelled"),
        ("Colombia decidió cancelar el acuerdo de extradición con Venezuela.", "suspended_or_cancelled"),
        ("Colombia anunció que anulará el tratado de extradición con Venezuela.", "suspended_or_cancelled"),
    ],
)
def test_a_call_to_suspend_is_no_suspension(extract: Extract, body: str, status: str) -> None:
    """The bare infinitive ("pidió suspender", "rechazaron suspender") reports no act; a finite verb or a
    decision ("decidió cancelar") does."""
    assert only(extract(body, "es", PUBLISHED)).status == status


def test_an_urge_to_suspend_talks_is_not_reported_as_a_suspension(extract: Extract) -> None:
    body = "Schulz urgió a suspender las pláticas del acuerdo comercial entre la Unión Europea y Estados Unidos."
    assert all(a.status != "suspended_or_cancelled" for a in extract(body, "es", PUBLISHED))


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            "Los ministros tienen previsto reunirse la semana próxima para revisar la aplicación de un acuerdo "
            "de la semana pasada entre Estados Unidos y Rusia.",
            "existing",
        ),
        (
            "Los expertos tienen previsto viajar a Lima para evaluar el tratado de pesca firmado por Chile y Perú.",
            "signed",
        ),
        ("Está previsto que Chile y Perú firmen un acuerdo de pesca en marzo.", "planned"),
        ("El acuerdo de pesca entre Chile y Perú, previsto para marzo, se retrasa.", "planned"),
    ],
)
def test_a_meeting_that_is_planned_does_not_make_the_agreement_planned(
    extract: Extract, body: str, status: str
) -> None:
    """A "tiene previsto reunirse/viajar" plans a meeting or a trip; "previsto" of the agreement itself plans it."""
    assert only(extract(body, "es", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Rusia y Ucrania se pusieron de acuerdo sobre el intercambio de prisioneros.", ("RUS", "UKR")),
        ("Francia y Alemania se han puesto de acuerdo para desarrollar un avión de combate.", ("DEU", "FRA")),
        ("El Gobierno de Chile se puso de acuerdo con Perú sobre la pesca en la frontera.", ("CHL", "PER")),
    ],
)
def test_coming_to_terms_is_an_agreement(extract: Extract, body: str, parties: tuple[str, ...]) -> None:
    """A finite "ponerse de acuerdo": the states came to an agreement, no noun needed."""
    assert only(extract(body, "es", PUBLISHED)).parties == parties


@pytest.mark.parametrize(
    "body",
    [
        "Francia y Alemania no se pusieron de acuerdo sobre el presupuesto de defensa.",
        "Francia y Alemania terminaron la cumbre sin ponerse de acuerdo sobre el gas.",
    ],
)
def test_failing_to_come_to_terms_is_none(extract: Extract, body: str) -> None:
    assert extract(body, "es", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Los presidentes de Rusia y China sellaron una alianza estratégica.",
        "Corea del Norte y Rusia firmaron un tratado de asociación estratégica integral.",
        "Brasil y Francia suscribieron un plan de acción para su alianza estratégica.",
    ],
)
def test_a_strategic_alliance_or_partnership_is_diplomatic(extract: Extract, body: str) -> None:
    """A strategic partnership is diplomatic, not the trade of an EU association agreement."""
    assert only(extract(body, "es", PUBLISHED)).type == "diplomatic"


def test_an_association_agreement_stays_trade(extract: Extract) -> None:
    assert (
        only(extract("Ucrania firmó el acuerdo de asociación con la Unión Europea.", "es", PUBLISHED)).type == "trade"
    )


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("El acuerdo de pesca entre Chile y Perú expira en diciembre.", "existing"),
        ("El tratado de pesca entre Chile y Perú expirará en 2030.", "existing"),
        ("El acuerdo de pesca entre Chile y Perú expiró en diciembre.", "suspended_or_cancelled"),
        ("El tratado de desarme entre Rusia y Estados Unidos caducó en febrero.", "suspended_or_cancelled"),
    ],
)
def test_an_agreement_that_will_expire_is_still_in_force(extract: Extract, body: str, status: str) -> None:
    """Only a past expiry ("expiró", "caducó") ends an agreement; "expira en diciembre" says it is in force."""
    assert only(extract(body, "es", PUBLISHED)).status == status
