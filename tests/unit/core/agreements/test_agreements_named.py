"""Named agreements through the extractor: the base gives parties, type and standing; the text may move the status.

Sentences written for each rule; the base is the real one (``data/named``).
"""

from __future__ import annotations

from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"


def test_a_name_in_passing_is_an_existing_agreement_with_the_bases_parties(extract: Extract) -> None:
    agreement = only(extract("Talks stalled over how to implement the Minsk agreements.", "en", PUBLISHED))
    assert (agreement.name, agreement.status) == ("minsk_2", "existing")
    assert {"RUS", "UKR"} <= set(agreement.parties)


def test_the_sentence_moves_a_named_agreements_status(extract: Extract) -> None:
    agreement = only(extract("Russia suspended its participation in New START last year.", "en", PUBLISHED))
    assert (agreement.name, agreement.parties, agreement.status) == (
        "new_start",
        ("RUS", "USA"),
        "suspended_or_cancelled",
    )


def test_a_signing_verb_about_an_old_treaty_is_a_reference_to_it(extract: Extract) -> None:
    body = "Le traité de l'Élysée, signé par de Gaulle et Adenauer, reste la base de l'amitié franco-allemande."
    agreement = only(extract(body, "fr", PUBLISHED))
    assert (agreement.name, agreement.parties, agreement.status) == ("elysee_treaty_1963", ("DEU", "FRA"), "existing")


def test_russian_and_german_inflected_names(extract: Extract) -> None:
    ru = only(extract("Москва обвинила Киев в нарушении Минских соглашений.", "ru", PUBLISHED))
    de = only(extract("Die Regierung hält am Atomabkommen mit dem Iran fest.", "de", PUBLISHED))
    assert (ru.name, de.name) == ("minsk_2", "jcpoa")


def test_an_open_treaty_takes_its_parties_from_the_text_and_needs_two(extract: Extract) -> None:
    assert extract("Iran remains a party to the Nuclear Non-Proliferation Treaty.", "en", PUBLISHED) == ()
    agreement = only(extract("India and Pakistan never signed the Nuclear Non-Proliferation Treaty.", "en", PUBLISHED))
    assert (agreement.name, agreement.parties) == ("npt", ("IND", "PAK"))


def test_an_unnamed_reference_beside_a_named_one_is_the_same_agreement(extract: Extract) -> None:
    body = "Washington left the JCPOA in 2018. The nuclear deal had limited Iran's enrichment of uranium."
    agreement = only(extract(body, "en", PUBLISHED))
    assert agreement.name == "jcpoa"


def test_every_outlet_and_language_meets_on_one_event_id(extract: Extract) -> None:
    from wirewatch.core.agreements import agreement_key

    en = only(extract("Both sides reaffirmed the Minsk agreements.", "en", PUBLISHED))
    es = only(extract("Ambas partes reafirmaron los Acuerdos de Minsk.", "es", PUBLISHED))
    assert agreement_key(en) == agreement_key(es)


def test_an_open_treaty_named_without_a_word_of_what_anyone_does_is_no_agreement(extract: Extract) -> None:
    body = "Germany and France recalled the principles of the UN Charter at the meeting."
    assert extract(body, "en", PUBLISHED) == ()


def test_a_treaty_founding_an_organisation_binds_it_with_the_state_that_acts(extract: Extract) -> None:
    agreement = only(extract("Finland ratified the North Atlantic Treaty in April 2023.", "en", PUBLISHED))
    assert (agreement.name, agreement.parties) == ("north_atlantic_treaty", ("FIN", "ORG:NATO"))


def test_an_unnamed_agreement_the_base_knows_by_its_description_takes_its_parties(extract: Extract) -> None:
    agreement = only(extract("Iran signed an interim nuclear agreement in Geneva on Sunday.", "en", PUBLISHED))
    assert agreement.type == "nuclear" and {"IRN", "USA", "RUS", "CHN", "ORG:EU"} <= set(agreement.parties)


def test_accession_to_an_open_treaty_is_acting_on_it(extract: Extract) -> None:
    agreement = only(extract("Присоединение Румынии к Североатлантическому договору было одобрено.", "ru", PUBLISHED))
    assert (agreement.name, agreement.parties) == ("north_atlantic_treaty", ("ORG:NATO", "ROU"))


def test_a_pipeline_named_without_a_word_of_its_agreement_is_no_report(extract: Extract) -> None:
    assert extract("The gas may come through Nord Stream or in reverse from Slovakia.", "en", PUBLISHED) == ()
    agreement = only(extract("Germany suspended the certification of Nord Stream 2.", "en", PUBLISHED))
    assert (agreement.name, agreement.status) == ("nord_stream_2", "suspended_or_cancelled")
