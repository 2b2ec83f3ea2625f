"""English: each status, each type, coreference, durations, dates, near misses (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("body", "parties", "status"),
    [
        ("France and Germany signed a defence agreement on Monday.", ("DEU", "FRA"), "signed"),
        ("Japan and India plan to sign a military pact next year.", ("IND", "JPN"), "planned"),
        ("Brazil and Argentina are negotiating a defence treaty.", ("ARG", "BRA"), "negotiating"),
        (
            "Under the 1998 military treaty between Norway and Sweden, troops train together.",
            ("NOR", "SWE"),
            "existing",
        ),
        ("Canada ratified its defence agreement with Mexico last week.", ("CAN", "MEX"), "ratified"),
        ("Poland suspended its military agreement with Belarus.", ("BLR", "POL"), "suspended_or_cancelled"),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], status: str) -> None:
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, "military", status)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Spain and Morocco signed an agreement on intelligence sharing and counter-terrorism.", "security"),
        ("Russia and Egypt signed a deal on a nuclear power station.", "nuclear"),
        ("Qatar and Pakistan signed a ten-year LNG supply contract.", "energy"),
        ("Chile and Peru signed a free trade agreement cutting tariffs.", "trade"),
        ("Kenya and Ethiopia signed an investment and infrastructure agreement.", "economic"),
        ("China and Brazil signed a currency swap agreement.", "financial"),
        ("Egypt and Ukraine signed a grain and fertiliser agreement.", "agriculture"),
        ("Lebanon and Cyprus signed a humanitarian agreement on refugees.", "humanitarian"),
        ("Israel and Morocco signed an agreement to reopen their embassies.", "diplomatic"),
        ("Colombia and Ecuador signed an agreement to protect forests and cut emissions.", "environment"),
        ("Italy and Greece signed an agreement.", "other"),
    ],
)
def test_each_type(extract: Extract, body: str, kind: str) -> None:
    assert only(extract(body, "en", PUBLISHED)).type == kind


def test_the_two_countries_resolve_from_the_sentences_before(extract: Extract) -> None:
    body = (
        "Officials from Vietnam met their counterparts from Australia in Hanoi on Tuesday.\n\n"
        "The two countries signed a maritime security agreement."
    )
    agreement = only(extract(body, "en", PUBLISHED))
    assert agreement.parties == ("AUS", "VNM")
    assert agreement.type == "security"
    assert agreement.evidence == "The two countries signed a maritime security agreement."


def test_both_sides_prefers_the_focus_countries(extract: Extract) -> None:
    body = "Kazakhstan hosted a delegation from Uzbekistan, with observers from Iran. Both sides signed an energy deal."
    agreement = only(extract(body, "en", focus=("KAZ", "UZB")))
    assert agreement.parties == ("KAZ", "UZB")


def test_a_single_named_party_is_completed_from_the_sentence_before(extract: Extract) -> None:
    body = "Moscow welcomed a delegation from Iran. The Kremlin signed a new energy deal with the visitors."
    assert only(extract(body, "en")).parties == ("IRN", "RUS")


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Russia, China and Iran signed a trilateral security pact.", ("CHN", "IRN", "RUS")),
        ("Japan and South Korea signed a defence pact, angering China and North Korea.", ("JPN", "KOR")),
        ("Poland, long wary of Russia and Belarus, signed an energy deal with Lithuania.", ("LTU", "POL")),
    ],
)
def test_lists_of_parties_and_asides(extract: Extract, body: str, parties: tuple[str, ...]) -> None:
    assert only(extract(body, "en")).parties == parties


def test_an_aside_after_the_clause_names_no_party(extract: Extract) -> None:
    agreement = only(extract("Italy and Greece concluded a trade agreement, officials in Germany said.", "en"))
    assert agreement.parties == ("GRC", "ITA")


def test_a_capitalised_plural_names_one_instrument(extract: Extract) -> None:
    body = "Israel and the United Arab Emirates normalised relations under the Abraham Accords in 2020."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.name, agreement.status, agreement.date) == ("abraham_accords", "existing", "2020")
    assert {"ARE", "ISR", "USA", "BHR"} <= set(agreement.parties)  # the base's parties: the text names two


def test_would_sign_next_week_is_planned(extract: Extract) -> None:
    body = "Officials said Brazil and Chile would sign a ten-year energy treaty next week."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.status, agreement.duration, agreement.date_resolved) == ("planned", "P10Y", "2024-03-20")


def test_a_collapsed_deal_is_cancelled(extract: Extract) -> None:
    agreement = only(extract("The energy deal between Qatar and Pakistan collapsed.", "en"))
    assert agreement.status == "suspended_or_cancelled"


def test_a_definite_reference_adds_to_the_agreement_it_refers_to(extract: Extract) -> None:
    body = (
        "Chile and Peru signed a mining agreement. "
        "The agreement runs for five years and was signed by Minister Ana Ruiz."
    )
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.type, agreement.duration) == ("economic", "P5Y")
    assert agreement.signatories == ("Minister Ana Ruiz",)


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [("a four-year", "P4Y"), ("a 25-year", "P25Y"), ("an 18-month", "P18M"), ("a decade-long", "P10Y")],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    body = f"Ghana and Togo signed {phrase} border security agreement."
    assert only(extract(body, "en")).duration == duration


def test_duration_for_n_years(extract: Extract) -> None:
    body = "Ghana and Togo signed a security agreement for 10 years."
    assert only(extract(body, "en")).duration == "P10Y"


@pytest.mark.parametrize(
    ("when", "resolved"),
    [("in 2015", "2015"), ("in April 2021", "2021-04"), ("on Monday", "2024-03-11"), ("last June", "2023-06")],
)
def test_dates_resolve_against_the_publication_time(extract: Extract, when: str, resolved: str) -> None:
    agreement = only(extract(f"Ghana and Togo signed a security agreement {when}.", "en", PUBLISHED))
    assert agreement.date_resolved == resolved
    assert agreement.date is not None and when.endswith(agreement.date)


def test_relative_dates_stay_as_written_without_a_publication_time(extract: Extract) -> None:
    agreement = only(extract("Ghana and Togo plan to sign a security agreement next year.", "en"))
    assert (agreement.date, agreement.date_resolved) == ("next year", None)


def test_an_agreement_signed_years_before_publication_is_existing(extract: Extract) -> None:
    agreement = only(extract("An agreement signed by Peru and Bolivia in 2009 opened the border.", "en", PUBLISHED))
    assert (agreement.status, agreement.date) == ("existing", "2009")


def test_agreements_of_different_years_stay_apart(extract: Extract) -> None:
    body = (
        "Peru and Bolivia signed a trade agreement in 2009. "
        "In 2019, a new trade deal between the two countries lowered tariffs."
    )
    assert [a.date for a in extract(body, "en", PUBLISHED)] == ["2009", "2019"]


def test_venue_is_a_capital_after_a_marker(extract: Extract) -> None:
    agreement = only(extract("India and Russia signed an energy agreement in Moscow.", "en"))
    assert agreement.venue == "Moscow"


def test_evidence_span_points_into_the_body(extract: Extract) -> None:
    body = "Markets were calm. Norway and Iceland signed a fisheries agreement. Prices rose."
    agreement = only(extract(body, "en"))
    span = agreement.evidence_span
    assert body[span.start : span.end] == "Norway and Iceland signed a fisheries agreement."
    assert 0 < agreement.confidence <= 1


@pytest.mark.parametrize(
    "body",
    [
        "France wants to strengthen cooperation with Germany.",
        "Italy offered to sign a defence deal with Tunisia.",
        "Spain and Portugal discussed closer ties and deeper cooperation.",
        "He is one of the main brokers of arms deals between Serbia and Hungary.",
        "Norway and Sweden reaffirmed the possibility of a security agreement.",
        "Austria and Hungary established diplomatic relations in 1921.",
        "Security cooperation between Japan and Australia featured in the talks.",
        "Canada said tariffs on Mexico would rise if no deal is reached.",
        "Markets rallied on expectations of a trade deal between Canada and Mexico.",
        "The deal sets up a new route between Spain and Morocco.",
        "Officials in Spain and Portugal agreed a deal on Monday.",
    ],
)
def test_near_misses_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "en", PUBLISHED) == ()


def test_a_sentence_without_a_second_party_is_not_reported(extract: Extract) -> None:
    assert extract("A new agreement was signed yesterday.", "en", focus=()) == ()


def test_a_sentence_listing_agreements_on_different_matters_reports_each(extract: Extract) -> None:
    body = (
        "Armenia and Egypt signed a memorandum on economic cooperation, "
        "an agreement on agriculture and an agreement on environmental protection."
    )
    types = sorted(a.type for a in extract(body, "en", "2024-03-13T09:00:00Z"))
    assert types == ["agriculture", "economic", "environment"]


def test_a_ceasefire_between_states_is_a_security_agreement(extract: Extract) -> None:
    agreement = only(
        extract("Armenia and Azerbaijan signed a ceasefire agreement on Tuesday.", "en", "2024-03-13T09:00:00Z")
    )
    assert agreement.type == "security"


def test_an_agreement_named_in_passing_between_two_states_is_an_existing_one(extract: Extract) -> None:
    agreement = only(
        extract("The maritime agreement between Turkey and Libya remains disputed.", "en", "2024-03-13T09:00:00Z")
    )
    assert (agreement.parties, agreement.status) == (("LBY", "TUR"), "existing")


def test_peace_talks_between_two_states_are_an_agreement_under_negotiation(extract: Extract) -> None:
    agreement = only(
        extract("Peace talks between Armenia and Azerbaijan resumed in Brussels.", "en", "2024-03-13T09:00:00Z")
    )
    assert (agreement.parties, agreement.status) == (("ARM", "AZE"), "negotiating")


def test_a_bailout_deal_with_the_imf_is_financial(extract: Extract) -> None:
    body = "Sri Lanka concluded talks with the International Monetary Fund on a $3bn bailout deal."
    assert only(extract(body, "en", "2024-03-13T09:00:00Z")).type == "financial"


def test_a_deal_with_a_company_or_an_armed_group_is_a_near_miss(extract: Extract) -> None:
    assert extract("England's captain agreed a deal with Italian fashion house Gucci.", "en") == ()
    assert extract("Burkina Faso signed an agreement with Russian mercenaries of Wagner.", "en") == ()


def test_a_later_mention_typed_only_by_its_surroundings_is_the_same_agreement(extract: Extract) -> None:
    body = (
        "Turkey and Libya signed a maritime agreement on November 27. "
        "Athens says the accord signed between Turkey and Libya in Istanbul is void, and that the exploration "
        "of gas and oil in the area breaks international law."
    )
    assert len(extract(body, "en", "2019-12-10T09:00:00Z")) == 1


def test_an_organisation_outside_the_clause_is_the_other_party_of_a_single_state(extract: Extract) -> None:
    body = "An International Monetary Fund team concluded talks with Sri Lanka over a $3bn (£2.5bn) bailout deal."
    assert only(extract(body, "en", "2024-03-13T09:00:00Z")).parties == ("LKA", "ORG:IMF")


def test_the_un_is_the_forum_of_an_agreement_not_its_party(extract: Extract) -> None:
    assert extract("Jamaica signed the agreement at the United Nations on Monday.", "en") == ()


def test_a_default_status_gives_way_to_what_another_mention_says(extract: Extract) -> None:
    body = (
        "A maritime agreement between Turkey and Libya angers Greece. "
        "Turkey and Libya signed a maritime agreement in Istanbul on Wednesday."
    )
    assert only(extract(body, "en", "2019-11-30T09:00:00Z")).status == "signed"


def test_the_protocol_in_news_about_northern_ireland_is_the_ni_protocol(extract: Extract) -> None:
    body = "Unionists in Northern Ireland still oppose the protocol, a minister said on Monday."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.name, agreement.parties, agreement.type) == (
        "northern_ireland_protocol",
        ("GBR", "ORG:EU"),
        "trade",
    )


def test_a_protocol_elsewhere_is_no_named_agreement(extract: Extract) -> None:
    body = "Kenya and Uganda signed a protocol on fisheries on Monday."
    assert only(extract(body, "en", PUBLISHED)).name is None


def test_the_trade_and_co_operation_agreement_with_a_hyphen(extract: Extract) -> None:
    body = "Fishing rights are set out in the Trade and Co-operation Agreement."
    assert only(extract(body, "en", PUBLISHED)).name == "eu_uk_tca"


def test_a_post_brexit_deal_is_not_the_brexit_deal(extract: Extract) -> None:
    body = "The free trade agreement with New Zealand was a post-Brexit deal signed by Britain and New Zealand."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.name, agreement.parties) == (None, ("GBR", "NZL"))


def test_a_negotiated_agreement_is_no_longer_under_negotiation(extract: Extract) -> None:
    body = "The fisheries agreement negotiated by Canada and Chile covers salmon."
    assert only(extract(body, "en", PUBLISHED)).status == "existing"
    talks = "A fisheries agreement between Canada and Chile is still being negotiated."
    assert only(extract(talks, "en", PUBLISHED)).status == "negotiating"


@pytest.mark.parametrize(
    "body",
    [
        "Britain rejected a Norway-style arrangement on trade with Brussels.",
        "The prospect of a trade deal between Japan and Kenya excites exporters.",
    ],
)
def test_a_model_or_a_prospect_is_no_agreement(extract: Extract, body: str) -> None:
    assert extract(body, "en", PUBLISHED) == ()


def test_trading_is_a_trade_cue(extract: Extract) -> None:
    body = "Iceland and Norway have a longstanding arrangement on trading."
    assert only(extract(body, "en", PUBLISHED)).type == "trade"


def test_an_office_title_does_not_type_the_agreement(extract: Extract) -> None:
    body = "The UK signed an agreement with Peru on Monday, the Environment Secretary said."
    assert only(extract(body, "en", PUBLISHED)).type != "environment"


def test_the_noun_after_a_name_is_part_of_it(extract: Extract) -> None:
    body = "Ghana and Togo signed the African Continental Free Trade Area (AfCFTA) agreement on Sunday."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.name, agreement.status) == ("afcfta", "signed")


def test_funding_approved_by_a_lender_is_a_financial_agreement(extract: Extract) -> None:
    body = "On Tuesday the World Bank approved $2bn of additional funding for Kenya."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("KEN", "ORG:WB"), "financial", "signed")


def test_a_maritime_border_agreement_is_diplomatic(extract: Extract) -> None:
    body = "Egypt and Greece signed a maritime border agreement on Thursday."
    assert only(extract(body, "en", PUBLISHED)).type == "diplomatic"


def test_agreed_to_pay_is_an_agreement_without_a_noun(extract: Extract) -> None:
    body = "Britain agreed to pay Belgium £20m to boost patrols along the coast."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("BEL", "GBR"), "security", "signed")


def test_striking_a_deal_is_signing_it(extract: Extract) -> None:
    body = "Norway and Iceland are striking a deal on fisheries this week."
    assert only(extract(body, "en", PUBLISHED)).status == "signed"


def test_a_deal_on_science_is_typed_other_and_reported(extract: Extract) -> None:
    body = "Canada and Denmark signed a deal on science collaboration on Monday."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("CAN", "DNK"), "other")


def test_a_deal_with_a_named_armed_group_is_a_near_miss(extract: Extract) -> None:
    assert extract("The SDF said an agreement had been reached with the Syrian government.", "en", PUBLISHED) == ()


def test_a_later_definite_reference_with_one_state_adds_no_second_agreement(extract: Extract) -> None:
    body = (
        "Kenya and Uganda signed a trade agreement on Monday.\n\n"
        "Most neighbours have backed the agreement, with Tanzania the only one still opposed."
    )
    assert only(extract(body, "en", PUBLISHED)).parties == ("KEN", "UGA")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Jordan and Egypt signed a water agreement covering the West Bank.", "other"),
        ("At the Security Council, Kenya and Uganda signed a customs agreement.", "trade"),
    ],
)
def test_places_and_councils_that_look_like_type_words(extract: Extract, body: str, kind: str) -> None:
    assert only(extract(body, "en", PUBLISHED)).type != ("financial" if "Bank" in body else "security")
    assert only(extract(body, "en", PUBLISHED)).type == kind


def test_concluding_a_round_of_talks_is_still_negotiating(extract: Extract) -> None:
    body = "An IMF team concluded a fresh round of talks with Ghana over a $3bn bailout deal."
    assert only(extract(body, "en", PUBLISHED)).status == "negotiating"


def test_a_deal_with_a_company_named_by_its_legal_form_is_a_near_miss(extract: Extract) -> None:
    assert extract("Hungary signed a defence deal with Rheinmetall Ltd and Austria.", "en", PUBLISHED) == ()


def test_hydrogen_is_energy(extract: Extract) -> None:
    assert only(extract("Germany and Norway signed a hydrogen agreement.", "en", PUBLISHED)).type == "energy"


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        (
            "Japan and Vietnam agreed to allow troops to train in each other's territory.",
            ("JPN", "VNM"),
            "military",
            "signed",
        ),
        ("Belgium and the Netherlands agreed a new deal to tackle small boats.", ("BEL", "NLD"), "security", "signed"),
        (
            "Tunisia secured a $2bn loan from the International Monetary Fund.",
            ("ORG:IMF", "TUN"),
            "financial",
            "signed",
        ),
    ],
)
def test_more_ways_to_agree(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_a_dead_agreement_is_cancelled(extract: Extract) -> None:
    body = "The fisheries agreement between Norway and Iceland is dead, the minister said."
    assert only(extract(body, "en", PUBLISHED)).status == "suspended_or_cancelled"


def test_the_place_in_a_treaty_name_is_no_party(extract: Extract) -> None:
    agreement = only(extract("Ireland rejected the Lisbon Treaty in a referendum.", "en", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("IRL", "ORG:EU"), "suspended_or_cancelled")


def test_the_venue_is_no_party(extract: Extract) -> None:
    body = "Washington and Moscow signed a new arms control treaty in Prague."
    assert only(extract(body, "en", PUBLISHED)).parties == ("RUS", "USA")


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("The IMF agreed a stand-by arrangement with Latvia.", ("LVA", "ORG:IMF"), "financial", "signed"),
        ("Turkey's accession talks with the EU have stalled.", ("ORG:EU", "TUR"), "diplomatic", "negotiating"),
        ("The United States and Iraq signed a status of forces agreement.", ("IRQ", "USA"), "military", "signed"),
        ("The trade agreement between Chile and Peru came into force.", ("CHL", "PER"), "trade", "existing"),
    ],
)
def test_loans_accession_forces_and_entry_into_force(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str
) -> None:
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


def test_talks_between_the_parties_are_negotiations(extract: Extract) -> None:
    body = "Talks between Norway and Iceland over a fisheries agreement are continuing."
    assert only(extract(body, "en", PUBLISHED)).status == "negotiating"


def test_a_series_of_agreements_is_specific(extract: Extract) -> None:
    body = "The Chinese and Russian leaders signed a series of agreements in Moscow."
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.status) == (("CHN", "RUS"), "signed")


def test_lending_is_financial_and_resuming_dialogue_no_agreement(extract: Extract) -> None:
    assert only(extract("The EU agreed to lend Moldova €1bn over four years.", "en", PUBLISHED)).type == "financial"
    assert extract("Australia and China have agreed to resume high-level dialogue.", "en", PUBLISHED) == ()


def test_a_pluperfect_signing_is_an_earlier_agreement(extract: Extract) -> None:
    body = "Cyprus and Egypt had signed a gas deal, the minister recalled."
    assert only(extract(body, "en", PUBLISHED)).status == "existing"


def test_the_organisation_hosting_a_summit_is_no_party(extract: Extract) -> None:
    body = "Japan and Canada signed a trade agreement at the G7 summit in Hiroshima."
    assert only(extract(body, "en", PUBLISHED)).parties == ("CAN", "JPN")
    assert extract("Britain said the trade deal had to be agreed before a G7 summit.", "en", PUBLISHED) == ()


def test_a_blocked_aid_package_is_a_suspended_financial_agreement(extract: Extract) -> None:
    agreement = only(extract("Hungary blocked the EU's aid package for Ukraine.", "en", PUBLISHED))
    assert (agreement.type, agreement.status) == ("financial", "suspended_or_cancelled")
    assert {"ORG:EU", "UKR"} <= set(agreement.parties)


def test_blocking_something_else_does_not_suspend_an_agreement(extract: Extract) -> None:
    body = "The DUP has blocked the restoration of power-sharing in protest against the Northern Ireland Protocol."
    assert only(extract(body, "en", PUBLISHED)).status != "suspended_or_cancelled"


@pytest.mark.parametrize(
    ("body", "parties", "kind"),
    [
        ("Egypt and Sudan agreed to create a joint military force.", ("EGY", "SDN"), "military"),
        ("Kenya and Tanzania agreed to set up a joint energy company.", ("KEN", "TZA"), "energy"),
        ("Chile and Argentina agreed to launch a joint trade council.", ("ARG", "CHL"), "trade"),
    ],
)
def test_agreeing_to_found_something_together_is_an_agreement(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str
) -> None:
    """'X and Y agreed to set up / create / launch / form …': two states agreeing to found a joint
    body is a concluded arrangement in any news writer's English, as 'agreed to build' already was."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, "signed")


@pytest.mark.parametrize(
    "body",
    [
        "The EU and Egypt signed a €7.4bn financing package.",
        "Ukraine and the EU signed a macro-financial assistance programme.",
        "Argentina and the IMF signed an extended fund facility.",
        "Pakistan and the IMF agreed a new programme worth $7bn.",
        "Senegal and the IMF reached a staff-level agreement.",
    ],
)
def test_lending_programmes_and_packages_of_lenders_are_financial(extract: Extract, body: str) -> None:
    """Packages, programmes and facilities of the IMF, the World Bank or the EU with a state are
    financial agreements; a staff-level agreement and an agreement with the IMF are lending."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.type, agreement.status) == ("financial", "signed")


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Niger tore up the military agreements with France.", ("FRA", "NER")),
        ("Mali ended its defence cooperation agreements with France.", ("FRA", "MLI")),
        ("Chad quit its defence accord with France.", ("FRA", "TCD")),
        ("Senegal left the military pact with France.", ("FRA", "SEN")),
    ],
)
def test_ending_quitting_or_leaving_an_agreement_cancels_it(
    extract: Extract, body: str, parties: tuple[str, ...]
) -> None:
    """'ended / quit / left the … agreement' is a withdrawal; a plural after a determiner and its
    modifiers ('the military agreements') names agreements in hand, not agreements in general."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, "military", "suspended_or_cancelled")


def test_a_plural_after_of_or_own_stays_generic(extract: Extract) -> None:
    assert extract("Britain wants the freedom to strike its own trade deals.", "en", PUBLISHED) == ()
    assert extract("Britain copied the terms of deals it had in the EU.", "en", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Vietnam and Indonesia finalised an agreement on their maritime boundary.", "signed"),
        ("Norway and Iceland agreed in principle on a fisheries deal.", "signed"),
        ("Tunisia rejected the IMF loan.", "suspended_or_cancelled"),
    ],
)
def test_finalising_agreeing_in_principle_and_rejecting_a_loan(extract: Extract, body: str, status: str) -> None:
    assert only(extract(body, "en", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "parties", "status"),
    [
        ("The Russian-Turkish deal on Idlib collapsed last week.", ("RUS", "TUR"), "suspended_or_cancelled"),
        ("The Turkish-Russian accord on Syria has been in force since 2018.", ("RUS", "TUR"), "existing"),
        ("A Sino-Indian border deal was signed on Monday.", ("CHN", "IND"), "signed"),
    ],
)
def test_two_sides_joined_by_a_hyphen_before_the_noun_are_its_parties(
    extract: Extract, body: str, parties: tuple[str, ...], status: str
) -> None:
    """'the Russian-Turkish deal': two countries joined by a hyphen before the noun name its two
    sides, so a bare 'deal' is one between states, and a country after 'on' is its topic."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.status) == (parties, status)


@pytest.mark.parametrize(
    ("body", "parties", "status"),
    [
        ("Canada and the UK are negotiating a post-Brexit trade deal.", ("CAN", "GBR"), "negotiating"),
        ("Australia and Britain signed a post-Brexit trade agreement on Monday.", ("AUS", "GBR"), "signed"),
        ("A US-Japan trade deal was signed in 2019.", ("JPN", "USA"), "existing"),
    ],
)
def test_a_description_many_deals_share_is_no_name(
    extract: Extract, body: str, parties: tuple[str, ...], status: str
) -> None:
    """'a post-Brexit trade deal' or 'a US-Japan trade deal' describes many agreements (Britain's
    with each partner, Japan's of 2019 and of 2025): the sentence's own parties and status count."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, "trade", status)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Kenya will receive a $1bn loan from the World Bank.", "planned"),
        ("Ghana and the IMF signed a $3bn three-year programme.", "signed"),
        ("The memorandum of understanding between Italy and China was not renewed.", "suspended_or_cancelled"),
        ("Italy did not renew its memorandum of understanding with China.", "suspended_or_cancelled"),
        ("The pact between Saudi Arabia and Iran, brokered by China, restored diplomatic ties.", "signed"),
    ],
)
def test_receiving_a_loan_a_multi_year_programme_non_renewal_and_brokering(
    extract: Extract, body: str, status: str
) -> None:
    """A loan a state 'will receive' is planned; 'a three-year programme' with a lender is one;
    an agreement 'not renewed' lapses; a deal 'brokered by' a third state was concluded."""
    assert only(extract(body, "en", PUBLISHED)).status == status


@pytest.mark.parametrize(
    ("body", "parties", "status"),
    [
        ("The Philippines and Japan are negotiating a visiting forces agreement.", ("JPN", "PHL"), "negotiating"),
        ("Australia and the Philippines signed a visiting forces agreement.", ("AUS", "PHL"), "signed"),
        ("Japan and Britain signed a reciprocal access agreement.", ("GBR", "JPN"), "signed"),
    ],
)
def test_a_visiting_forces_agreement_is_military_and_no_single_named_one(
    extract: Extract, body: str, parties: tuple[str, ...], status: str
) -> None:
    """'a visiting forces agreement' is a kind the Philippines has with several states (the US,
    Australia, New Zealand): the bare words name none of them, and the kind is military."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, "military", status)


def test_a_counted_plural_with_modifiers_is_specific(extract: Extract) -> None:
    agreement = only(extract("France and India signed several defence deals in Delhi.", "en", PUBLISHED))
    assert (agreement.parties, agreement.type) == (("FRA", "IND"), "military")
    assert extract("Britain will pursue new trading arrangements with France.", "en", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "parties", "status"),
    [
        ("Poland signed a €500m loan with the European Investment Bank.", ("ORG:EU", "POL"), "signed"),
        ("The IMF suspended its programme with Mozambique.", ("MOZ", "ORG:IMF"), "suspended_or_cancelled"),
        ("Zambia agreed a programme with the IMF.", ("ORG:IMF", "ZMB"), "signed"),
    ],
)
def test_a_lenders_programme_with_a_state_and_the_eu_bank(
    extract: Extract, body: str, parties: tuple[str, ...], status: str
) -> None:
    """'its programme with Mozambique' is a lender's arrangement with a state; the European
    Investment Bank is the EU's lending body, so its loans are the EU's."""
    agreement = only(extract(body, "en", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, "financial", status)


@pytest.mark.parametrize(
    "body",
    [
        "The US and the UK are members of the Paris Agreement.",
        "Brazil and Chile remain parties to the Paris climate agreement.",
    ],
)
def test_membership_of_a_treaty_is_an_existing_agreement(extract: Extract, body: str) -> None:
    assert only(extract(body, "en", PUBLISHED)).status == "existing"
