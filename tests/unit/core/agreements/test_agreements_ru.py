"""Русский: статусы, типы, кореференция, сроки, даты, почти-соглашения (фразы написаны для этих тестов)."""

from __future__ import annotations

import pytest
from tests.unit.core.agreements.conftest import Extract, only

PUBLISHED = "2024-03-13T09:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("body", "parties", "kind", "status"),
    [
        ("Россия и Китай подписали соглашение о военном сотрудничестве.", ("CHN", "RUS"), "military", "signed"),
        (
            "Соглашение о безопасности между Арменией и Францией было подписано вчера.",
            ("ARM", "FRA"),
            "security",
            "signed",
        ),
        ("Индия и Вьетнам планируют подписать торговое соглашение.", ("IND", "VNM"), "trade", "planned"),
        ("Вьетнам и Лаос намерены заключить договор о торговле.", ("LAO", "VNM"), "trade", "planned"),
        ("Казахстан ведёт переговоры с Узбекистаном о газовом соглашении.", ("KAZ", "UZB"), "energy", "negotiating"),
        (
            "Россия и Казахстан обсуждают проект соглашения о таможенном сотрудничестве.",
            ("KAZ", "RUS"),
            "trade",
            "negotiating",
        ),
        (
            "Госдума ратифицировала соглашение между Россией и Ираном о безопасности.",
            ("IRN", "RUS"),
            "security",
            "ratified",
        ),
        (
            "Сербия приостановила соглашение о безопасности с Венгрией.",
            ("HUN", "SRB"),
            "security",
            "suspended_or_cancelled",
        ),
        (
            "Польша вышла из соглашения с Германией о поставках газа.",
            ("DEU", "POL"),
            "energy",
            "suspended_or_cancelled",
        ),
        (
            "Сербия и Венгрия денонсировали договор о военном сотрудничестве.",
            ("HUN", "SRB"),
            "military",
            "suspended_or_cancelled",
        ),
        (
            "В рамках действующего соглашения Россия поставляет Индии нефть.",
            ("IND", "RUS"),
            "energy",
            "existing",
        ),
    ],
)
def test_each_status(extract: Extract, body: str, parties: tuple[str, ...], kind: str, status: str) -> None:
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, status)


@pytest.mark.parametrize(
    ("body", "date", "resolved"),
    [
        ("Соглашение о свободной торговле между Сербией и Турцией подписано в 2019 году.", "2019", "2019"),
        (
            "Соглашение о свободной торговле между Сербией и Турцией было подписано в прошлом году.",
            "в прошлом году",
            "2023",
        ),
        ("Сербия и Турция подписали торговое соглашение 12 марта 2020 года.", "12 марта 2020", "2020-03-12"),
        ("Сербия и Турция подписали торговое соглашение в мае прошлого года.", "мае прошлого года", "2023-05"),
    ],
)
def test_signed_in_an_earlier_year_is_existing(extract: Extract, body: str, date: str, resolved: str) -> None:
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.status, agreement.date, agreement.date_resolved) == ("existing", date, resolved)


def test_obe_strany_resolve_from_the_sentence_before(extract: Extract) -> None:
    body = "Представители Индии и Вьетнама встретились в Ханое.\n\nОбе страны подписали соглашение об энергетике."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("IND", "VNM"), "energy", "signed")


def test_storony_as_adjectives_name_the_parties(extract: Extract) -> None:
    body = "Российская и китайская стороны подписали меморандум о торговле."
    assert only(extract(body, "ru", PUBLISHED)).parties == ("CHN", "RUS")


def test_eto_soglashenie_adds_to_the_agreement_before(extract: Extract) -> None:
    body = "Россия и Китай подписали энергетическое соглашение. Это соглашение вступит в силу в январе."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.status, agreement.date_resolved) == ("signed", "2024-01")


@pytest.mark.parametrize(
    ("phrase", "duration"),
    [
        ("соглашение о поставках газа сроком на пять лет", "P5Y"),
        ("пятилетнее соглашение о поставках газа", "P5Y"),
        ("соглашение о поставках газа на 10 лет", "P10Y"),
        ("двухлетний контракт на поставку газа", "P2Y"),
        ("соглашение о поставках газа на шесть месяцев", "P6M"),
        ("соглашение о поставках газа на полгода", "P6M"),
    ],
)
def test_durations(extract: Extract, phrase: str, duration: str) -> None:
    agreement = only(extract(f"Турция и Азербайджан подписали {phrase}.", "ru", PUBLISHED))
    assert agreement.duration == duration


@pytest.mark.parametrize(
    "body",
    [
        "Армения хочет подписать соглашение с Францией.",
        "Франция могла бы заключить договор с Германией.",
        "Россия и Китай обсудили возможность подписания соглашения о торговле.",
        "Россия предлагает Индии заключить соглашение о поставках оружия.",
    ],
)
def test_intentions_are_near_misses(extract: Extract, body: str) -> None:
    assert extract(body, "ru", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Россия и Япония так и не подписали мирный договор.",
        "Никакого соглашения между Сербией и Венгрией подписано не было.",
        "Россия и Турция подписали бы соглашение, если бы не санкции.",
        "Переговоры Армении и Азербайджана о мирном договоре сорвались.",
    ],
)
def test_negations_are_not_reported(extract: Extract, body: str) -> None:
    assert extract(body, "ru", PUBLISHED) == ()


def test_a_cooperation_noun_needs_a_firm_status(extract: Extract) -> None:
    agreed = only(extract("Россия и Египет договорились о сотрудничестве в атомной энергетике.", "ru", PUBLISHED))
    assert (agreed.type, agreed.status) == ("nuclear", "signed")
    assert extract("Сотрудничество России и Египта в энергетике продолжается.", "ru", PUBLISHED) == ()


def test_a_plural_with_a_determiner_and_adjectives_is_reported(extract: Extract) -> None:
    body = "Россия и Индия подписали ряд двусторонних соглашений в области энергетики."
    assert only(extract(body, "ru", PUBLISHED)).type == "energy"


def test_a_bare_plural_is_not_one_agreement(extract: Extract) -> None:
    assert extract("Россия и Индия подписали меморандумы.", "ru", PUBLISHED) == ()


def test_a_deal_without_a_type_is_not_reported(extract: Extract) -> None:
    assert extract("Россия и Китай заключили сделку.", "ru", PUBLISHED) == ()


def test_the_signing_as_a_noun_is_not_a_signature(extract: Extract) -> None:
    body = "Россия и Китай готовятся к подписанию соглашения о торговле."
    assert only(extract(body, "ru", PUBLISHED)).status == "planned"


def test_a_postponed_signing_is_still_planned(extract: Extract) -> None:
    body = "Подписание соглашения между Россией и Китаем о торговле отложено."
    assert only(extract(body, "ru", PUBLISHED)).status == "planned"


def test_a_loan_between_states_is_a_financial_agreement(extract: Extract) -> None:
    body = "Китай предоставил Пакистану кредит в размере двух миллиардов долларов."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("CHN", "PAK"), "financial", "signed")


def test_weekday_and_venue(extract: Extract) -> None:
    body = "Россия и Египет подписали соглашение о строительстве АЭС в понедельник в Москве."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.type, agreement.date_resolved, agreement.venue) == ("nuclear", "2024-03-11", "Москве")


def test_g_dot_does_not_end_the_sentence(extract: Extract) -> None:
    body = "Соглашение было подписано в 2020 г. Россией и Китаем в Пекине."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.status, agreement.evidence) == (("CHN", "RUS"), "existing", body)


def test_the_eu_and_the_cis_in_oblique_cases_are_parties(extract: Extract) -> None:
    body = "Армения денонсировала соглашение с Содружеством Независимых Государств о таможенных пошлинах."
    assert only(extract(body, "ru", PUBLISHED)).parties == ("ARM", "ORG:CIS")
    body = "Грузия подписала соглашение о торговле с Европейским союзом."
    assert only(extract(body, "ru", PUBLISHED)).parties == ("GEO", "ORG:EU")


def test_text_that_lost_its_spaces_still_has_words_and_sentences(extract: Extract) -> None:
    body = "Армения денонсировалаСоглашение о таможенных пошлинах с Казахстаном.Оба соглашения устарели."
    agreement = extract(body, "ru", PUBLISHED)[0]
    assert (agreement.parties, agreement.type, agreement.status) == (("ARM", "KAZ"), "trade", "suspended_or_cancelled")
    assert agreement.evidence.endswith("Казахстаном.")
    body = "Армения подписала Cоглашение о торговле с Казахстаном."  # a Latin C in a Russian word
    assert only(extract(body, "ru", PUBLISHED)).type == "trade"


def test_listed_agreements_of_one_type_with_their_own_topics_stay_apart(extract: Extract) -> None:
    body = (
        "Армения денонсировала соглашение с Казахстаном о транзите нефти, "
        "соглашение о поставках газа и соглашение о строительстве электростанции."
    )
    found = extract(body, "ru", PUBLISHED)
    assert [(a.parties, a.type) for a in found] == [(("ARM", "KAZ"), "energy")] * 3


def test_a_counted_plural_with_joined_topics_lists_two_agreements(extract: Extract) -> None:
    body = "Армения денонсировала два соглашения с Казахстаном — о таможенных пошлинах и об инвестициях."
    assert sorted(a.type for a in extract(body, "ru", PUBLISHED)) == ["economic", "trade"]


def test_enumerators_take_up_the_agreements_just_counted(extract: Extract) -> None:
    body = (
        "Армения вышла из трёх соглашений с Казахстаном. Одно из них касается таможенных пошлин, "
        "второе связано с поставками газа, а третье — о культурном обмене."
    )
    found = extract(body, "ru", PUBLISHED)
    assert sorted(a.type for a in found) == ["energy", "other", "trade"]
    assert {(a.parties, a.status) for a in found} == {(("ARM", "KAZ"), "suspended_or_cancelled")}


def test_the_capital_where_an_agreement_is_signed_is_no_party(extract: Extract) -> None:
    body = "Армения и Казахстан подписали соглашение о торговле в Москве."
    assert only(extract(body, "ru", PUBLISHED)).parties == ("ARM", "KAZ")


def test_an_organisation_alone_takes_its_partner_from_the_agreement_before(extract: Extract) -> None:
    body = (
        "Армения денонсировала соглашение с СНГ о таможенных пошлинах. "
        "Грузия об этом не сообщала. "
        "Также денонсировано соглашение о поставках газа, заключённое в рамках СНГ."
    )
    found = extract(body, "ru", PUBLISHED)
    assert [(a.parties, a.type) for a in found] == [(("ARM", "ORG:CIS"), "trade"), (("ARM", "ORG:CIS"), "energy")]


def test_a_list_with_no_verb_continues_the_agreement_before(extract: Extract) -> None:
    body = (
        "Армения денонсировала соглашение с Казахстаном о таможенных пошлинах. "
        "А также другие два соглашения — одно о поставках газа, а второе — о культурном обмене."
    )
    found = extract(body, "ru", PUBLISHED)
    assert sorted(a.type for a in found) == ["energy", "other", "trade"]
    assert {(a.parties, a.status) for a in found} == {(("ARM", "KAZ"), "suspended_or_cancelled")}


def test_named_peace_treaties_in_oblique_cases(extract: Extract) -> None:
    found = extract("Венгрия, обиженная Трианонскими соглашениями, требовала пересмотра границ.", "ru", PUBLISHED)
    assert only(found).name == "treaty_of_trianon_1920"
    found = extract("Земли были отторгнуты от Германии по Версальскому мирному соглашению.", "ru", PUBLISHED)
    assert only(found).name == "treaty_of_versailles_1919"


def test_a_foreign_minister_signing_says_nothing_of_the_type(extract: Extract) -> None:
    body = (
        "23 марта Германия подписала договор с министром иностранных дел Румынии. "
        "Экономическое соглашение между Румынией и Германией вступило в силу."
    )
    assert only(extract(body, "ru", PUBLISHED)).type == "economic"


def test_a_state_company_acts_for_its_state(extract: Extract) -> None:
    body = "Молдова расторгла контракт с «Газпромом» на поставки газа."
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (("MDA", "RUS"), "energy", "suspended_or_cancelled")


def test_a_pact_of_political_parties_is_a_near_miss(extract: Extract) -> None:
    assert extract("Проевропейские партии Молдовы подписали пакт о сотрудничестве с Румынией.", "ru", PUBLISHED) == ()


def test_the_topic_of_another_noun_is_not_the_agreements(extract: Extract) -> None:
    body = (
        "После подписания соглашения Украины с ЕС и вступления в силу положения о зоне свободной торговли "
        "цены снизятся. Украина подпишет соглашение об ассоциации с ЕС."
    )
    assert only(extract(body, "ru", PUBLISHED)).parties == ("ORG:EU", "UKR")


def test_an_agreement_with_no_word_of_what_or_what_became_of_it_is_not_reported(extract: Extract) -> None:
    assert extract("Сравнения с пактом Молдовы и Румынии некорректны.", "ru", PUBLISHED) == ()


def test_quoted_titles_after_a_colon_list_agreements(extract: Extract) -> None:
    body = "Армения денонсировала соглашения с СНГ: «О таможенных пошлинах», «О поставках газа» и «О культуре»."
    assert sorted(a.type for a in extract(body, "ru", PUBLISHED)) == ["energy", "other", "trade"]


def test_one_agreement_named_by_two_wordings_of_its_topic_is_one(extract: Extract) -> None:
    body = (
        "Армения подписала с Казахстаном соглашение о свободной торговле. "
        "Соглашение о создании зоны свободной торговли между Арменией и Казахстаном вступит в силу в мае."
    )
    assert only(extract(body, "ru", PUBLISHED)).type == "trade"


def test_an_organisation_right_after_the_noun_is_its_party_one_far_from_it_is_not(extract: Extract) -> None:
    body = "Армения подписала соглашение о таможне с Казахстаном. Армения вышла из трёх соглашений, заключённых в СНГ."
    assert [a.parties for a in extract(body, "ru", PUBLISHED)] == [("ARM", "KAZ"), ("ARM", "ORG:CIS")]
    body = "Соглашение о торговле, как и многие другие документы последних лет, одобрили, по данным источников, в ОДКБ."
    assert extract(body, "ru", PUBLISHED) == ()


def test_a_short_topic_word_in_two_cases_is_one_topic(extract: Extract) -> None:
    body = (
        "Армения вышла из двух соглашений с Казахстаном. Одно из них касается газа, второе — таможенных пошлин. "
        "Соглашение о газе Армения считает устаревшим, сообщили в Ереване."
    )
    assert sorted(a.type for a in extract(body, "ru", PUBLISHED)) == ["energy", "trade"]


def test_the_association_agreement_called_a_dogovor(extract: Extract) -> None:
    body = "Брюссель обсуждает подписание договора об ассоциации между ЕС и Украиной."
    assert only(extract(body, "ru", PUBLISHED)).name == "eu_ukraine_association_agreement"


def test_an_agreement_acted_under_is_an_existing_one(extract: Extract) -> None:
    body = "Сирия уничтожила химическое оружие в соответствии с договорённостью, достигнутой с Россией."
    assert only(extract(body, "ru", PUBLISHED)).status == "existing"


def test_withdrawal_glued_to_the_next_word(extract: Extract) -> None:
    body = "Армения вышлаещё из двух соглашений с Казахстаном о таможне."
    assert only(extract(body, "ru", PUBLISHED)).status == "suspended_or_cancelled"


@pytest.mark.parametrize(
    ("body", "parties", "kind"),
    [
        ("Армения и Иран подписали соглашение о дружбе.", ("ARM", "IRN"), "diplomatic"),
        ("Сербия и Венгрия заключили договор о добрососедстве.", ("HUN", "SRB"), "diplomatic"),
        ("Казахстан и Киргизия подписали договор о делимитации государственной границы.", ("KAZ", "KGZ"), "diplomatic"),
        ("Договор о демаркации границы между Эстонией и Латвией подписан.", ("EST", "LVA"), "diplomatic"),
    ],
)
def test_friendship_and_border_treaties_are_diplomatic(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str
) -> None:
    """Treaties of friendship, good-neighbourliness and border delimitation are the classic
    diplomatic treaties of Russian news."""
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type) == (parties, kind)


@pytest.mark.parametrize(
    "body",
    [
        "Япония и Южная Корея заключили соглашение об обмене разведданными.",
        "Соглашение об обмене разведданными между Индией и США продлено.",
    ],
)
def test_intelligence_sharing_is_security(extract: Extract, body: str) -> None:
    assert only(extract(body, "ru", PUBLISHED)).type == "security"


@pytest.mark.parametrize(
    "body",
    [
        "Венгрия заблокировала соглашение между ЕС и Украиной о торговле.",
        "Соглашение о торговле между ЕС и Украиной было заблокировано.",
        "Кипр блокирует соглашение ЕС с Турцией о торговле.",
    ],
)
def test_blocking_an_agreement_suspends_it(extract: Extract, body: str) -> None:
    assert only(extract(body, "ru", PUBLISHED)).status == "suspended_or_cancelled"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Украина получит кредит МВФ на 15 млрд долларов.", "planned"),
        ("Украина ведёт переговоры с МВФ о новой программе кредитования.", "negotiating"),
        ("Египет и МВФ согласовали кредитную программу на три года.", "signed"),
        ("Пакистан и МВФ подписали программу расширенного финансирования.", "signed"),
    ],
)
def test_imf_programmes_and_loans_to_come(extract: Extract, body: str, status: str) -> None:
    """An IMF lending programme is an agreement between the state and the Fund; a loan the state
    'will receive' (получит) is planned."""
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.type, agreement.status) == ("financial", status)
    assert "ORG:IMF" in agreement.parties


@pytest.mark.parametrize(
    ("body", "parties", "kind"),
    [
        ("Ирак и Иран договорились о поставках газа.", ("IRN", "IRQ"), "energy"),
        ("Армения и Азербайджан договорились об обмене пленными.", ("ARM", "AZE"), "humanitarian"),
        ("Грузия и Армения договорились в Тбилиси о взаимной отмене виз.", ("ARM", "GEO"), "diplomatic"),
        ("Вчера Сербия договорилась с Венгрией о продлении транзита нефти.", ("HUN", "SRB"), "energy"),
    ],
)
def test_agreed_on_a_concrete_matter_is_an_agreement(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str
) -> None:
    """'договорились о поставках / об обмене / об отмене …' states an agreement reached without an
    agreement noun; a meeting or 'more cooperation' agreed on is not one."""
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, "signed")


@pytest.mark.parametrize(
    "body",
    [
        "Индия и Китай договорились о встрече министров.",
        "Сербия и Венгрия так и не договорились о поставках газа.",
    ],
)
def test_agreed_on_a_meeting_or_not_agreed_is_no_agreement(extract: Extract, body: str) -> None:
    assert extract(body, "ru", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Туркмения и Афганистан подписали соглашение о транзите электроэнергии.", ("AFG", "TKM")),
        ("Бишкек и Душанбе подписали договор о границе.", ("KGZ", "TJK")),
        ("ФРГ заключила с Катаром контракт на поставку газа, сообщили в Дохе.", ("DEU", "QAT")),
        ("Соглашение о торговле между Кишинёвом и Ригой вступит в силу в мае.", ("LVA", "MDA")),
    ],
)
def test_russian_names_and_capitals_name_the_parties(extract: Extract, body: str, parties: tuple[str, ...]) -> None:
    """Russian news names states by their Russian short names (Туркмения, ФРГ) and by their capitals
    in any case (в Дохе, Кишинёвом)."""
    assert only(extract(body, "ru", PUBLISHED)).parties == parties


@pytest.mark.parametrize(
    "body",
    [
        "Россия и Египет пришли к соглашению о строительстве АЭС.",
        "После долгих переговоров Иран и Ирак пришли к компромиссу и подписали меморандум о транзите газа.",
        "Армения и Грузия пришли к окончательной договорённости о поставках электроэнергии.",
    ],
)
def test_came_to_an_agreement_is_signed(extract: Extract, body: str) -> None:
    """'пришли к соглашению / к договорённости / к компромиссу' reports an agreement reached."""
    assert only(extract(body, "ru", PUBLISHED)).status == "signed"


@pytest.mark.parametrize(
    "body",
    [
        "Казахстан и Китай продлят соглашение о поставках нефти.",
        "Сербия продлит с Венгрией договор о транзите газа.",
    ],
)
def test_will_extend_is_planned(extract: Extract, body: str) -> None:
    assert only(extract(body, "ru", PUBLISHED)).status == "planned"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Россия и Вьетнам подписали декларацию о стратегическом партнёрстве.", "diplomatic"),
        ("Россия и Иран подписали договор о всеобъемлющем стратегическом партнёрстве.", "diplomatic"),
        ("Киргизия и Таджикистан подписали договор о государственной границе.", "diplomatic"),
        ("Соглашение о реадмиссии между Евросоюзом и Белоруссией приостановлено.", "security"),
        ("Азербайджан и Туркмения парафировали меморандум о разработке месторождения.", "energy"),
    ],
)
def test_partnership_border_readmission_and_field_types(extract: Extract, body: str, kind: str) -> None:
    """A strategic partnership and a border treaty are diplomatic, readmission of migrants is
    security, the development of a (gas or oil) field is energy."""
    assert only(extract(body, "ru", PUBLISHED)).type == kind


@pytest.mark.parametrize(
    ("body", "parties", "kind"),
    [
        ("Вьетнам и Южная Корея начали переговоры о свободной торговле.", ("KOR", "VNM"), "trade"),
        ("Индонезия и Египет ведут переговоры по зоне свободной торговли.", ("EGY", "IDN"), "trade"),
        ("Турция начнёт переговоры о вступлении в ЕС.", ("ORG:EU", "TUR"), "diplomatic"),
        ("Переговоры о вступлении Сербии в Евросоюз продолжаются.", ("ORG:EU", "SRB"), "diplomatic"),
    ],
)
def test_free_trade_and_accession_talks_are_negotiations(
    extract: Extract, body: str, parties: tuple[str, ...], kind: str
) -> None:
    """Talks on free trade or on joining a union are the negotiation of an agreement even when no
    agreement noun is written ('переговоры о свободной торговле', 'о вступлении в ЕС')."""
    agreement = only(extract(body, "ru", PUBLISHED))
    assert (agreement.parties, agreement.type, agreement.status) == (parties, kind, "negotiating")


@pytest.mark.parametrize(
    "body",
    [
        "Подписание соглашения о поставках газа между Китаем и Туркменией состоится в июне.",
        "Россия выделит Белоруссии кредит на 1,5 млрд долларов.",
        "Китай предоставит Пакистану кредит в 2 млрд долларов.",
    ],
)
def test_a_signing_to_take_place_or_a_loan_to_be_granted_is_planned(extract: Extract, body: str) -> None:
    assert only(extract(body, "ru", PUBLISHED)).status == "planned"


def test_zst_is_free_trade(extract: Extract) -> None:
    """ЗСТ is the usual abbreviation of зона свободной торговли."""
    body = "Соглашение о ЗСТ между Грузией и Китаем вступило в силу в 2018 году."
    assert only(extract(body, "ru", PUBLISHED)).type == "trade"


@pytest.mark.parametrize(
    "body",
    [
        "Грузия отказалась подписывать соглашение с Россией.",
        "Венгрия отказывается ратифицировать договор с Украиной.",
        "Британский премьер и американский президент заявили о готовности подписать торговую сделку.",
        "Власти Латвии заключили контракт с немецкой компанией на строительство дороги.",
        "Правительство Сербии подписало меморандум с китайскими компаниями о строительстве завода.",
    ],
)
def test_refusals_readiness_and_deals_with_companies_are_not_agreements(extract: Extract, body: str) -> None:
    """Refusing to sign (imperfective 'подписывать' too), being ready to sign, and a contract with
    a company ('с немецкой компанией') are not agreements between states."""
    assert extract(body, "ru", PUBLISHED) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Вашингтон и Сеул договорились о размещении противоракетной системы.",
        "Польша и США подписали соглашение о противоракетном комплексе.",
        "Казахстан и Киргизия заключили соглашение о единой противовоздушной сети.",
    ],
)
def test_missile_and_air_defence_are_military(extract: Extract, body: str) -> None:
    assert only(extract(body, "ru", PUBLISHED)).type == "military"
