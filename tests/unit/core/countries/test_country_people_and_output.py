"""Office holders with their years, and the shape of the output: spans, surfaces, salience, focus."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.core.countries import find_mentions


def test_ministers_of_2022_resolve_to_their_country(codes) -> None:
    text = "Lavrov met Min Aung Hlaing; Shoigu stayed at home."
    assert codes(text, lang="en", published="2022-08-03T10:00:00Z") == {"RUS", "MMR"}


def test_a_garbled_name_needs_other_clues(codes) -> None:
    assert codes("Lavrov then met regime leader Min Aunging.", lang="en", published="2022-08-03") == {"RUS"}


def test_a_surname_far_from_its_years_in_office_does_not_count(codes) -> None:
    assert codes("Mr Zelensky spoke.", lang="en", published="2019-06-01") == {"UKR"}
    assert codes("Mr Zelensky spoke.", lang="en", published="2005-06-01") == set()
    assert codes("Mr Zelensky spoke.", lang="en") == {"UKR"}  # undated: every holder counts


def test_a_head_of_state_named_alone_counts_in_any_language(codes) -> None:
    assert codes("Putin und Xi trafen sich.", lang="de") == {"RUS", "CHN"}
    assert codes("Встреча Путина и Эрдогана.", lang="ru") == {"RUS", "TUR"}


def test_earlier_office_holders_count_in_their_years_and_in_russian_cases(codes) -> None:
    assert codes("Встреча Обамы с Меркель и Олландом.", lang="ru", published="2015-02-01") == {"USA", "DEU", "FRA"}
    assert codes("Kerry met Yatsenyuk in Kyiv.", lang="en", published="2014-03-01") == {"USA", "UKR"}
    assert codes("Kerry spoke.", lang="en", published="2030-01-01") == set()  # long out of office


def test_spans_point_at_the_surface_in_title_and_body(tag) -> None:
    title, body = "Russland und Myanmar", "Moskau lobt die birmanische Junta. Die Russen bleiben."
    result = tag(body, lang="de", title=title)
    for m in result.mentions:
        text = title if m.span.field == "title" else body
        assert text[m.span.start : m.span.end] == m.surface
    assert {m.span.field for m in result.mentions} == {"title", "body"}
    assert [m.kind for m in result.mentions if m.span.field == "body"] == ["metonym", "adjective", "adjective"]


def test_each_tag_counts_its_mentions_and_lists_its_surfaces(tag) -> None:
    result = tag("Russia and Russia's allies; the Russian navy; Moscow.", lang="en")
    (russia,) = result.countries
    assert russia.code == "RUS" and russia.mentions == 4 and len(russia.spans) == 4
    assert russia.surfaces == ("Russia", "Russian", "Moscow")


def test_salience_is_in_unit_range_and_ranks_the_subject_first(tag) -> None:
    body = "France and Germany signed. France will pay. France hosts it. Germany agreed; Chile watched."
    result = tag(body, lang="en", title="France signs deal")
    assert result.countries[0].code == "FRA"
    assert all(0.0 <= t.salience <= 1.0 for t in result.countries)
    assert [t.salience for t in result.countries] == sorted((t.salience for t in result.countries), reverse=True)


def test_an_office_holder_weighs_half_a_mention_in_the_focus(tag) -> None:
    story = "Ukraine voted. Ukraine counted. Ukraine waited. Ukraine celebrated. "
    quoted = tag(story + "Kerry said so. Kerry repeated it.", lang="en", published="2014-05-26")
    named = tag(story + "The United States said so. The United States repeated it.", lang="en", published="2014-05-26")
    assert {t.code for t in quoted.countries} == {t.code for t in named.countries} == {"UKR", "USA"}
    assert {t.code for t in quoted.countries if t.focus} == {"UKR"}
    assert {t.code for t in named.countries if t.focus} == {"UKR", "USA"}


def test_focus_is_one_to_three_countries_and_not_a_passing_mention(tag) -> None:
    body = (
        "Russia and Myanmar signed a pact. Russia will train officers from Myanmar. "
        "Russia sends jets; Myanmar pays. The author once taught in Belgium and Thailand."
    )
    result = tag(body, lang="en", title="Russia and Myanmar sign pact")
    assert {t.code for t in result.countries if t.focus} == {"RUS", "MMR"}
    assert 1 <= sum(t.focus for t in result.countries) <= 3


def test_organisations_come_out_separately_as_org_codes(tag) -> None:
    result = tag("The UN and NATO criticised ASEAN; die Vereinten Nationen schwiegen.", lang="en")
    assert {t.code for t in result.organisations} == {"ORG:UN", "ORG:NATO", "ORG:ASEAN"}
    assert result.countries == ()
    assert not any(t.focus for t in result.organisations)


def test_no_text_no_tags(tag) -> None:
    result = tag("", lang="en")
    assert result.countries == () and result.organisations == () and result.mentions == ()


_WORDS = st.sampled_from(
    ["Russia", "Moskau", "birmanischen", "China", "the", "und", "Kremlin.ru", "Georgia", "—", "’s", "\n\n", "İ", "Ⅻ"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join), st.sampled_from([None, "en", "de"]))
def test_any_text_gives_spans_inside_the_text_that_match_the_surface(gazetteer, text, lang) -> None:
    for m in find_mentions("", text, gazetteer, lang=lang):
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.surface


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_breaks_the_tagger(gazetteer, text) -> None:
    for m in find_mentions(text, text, gazetteer):
        assert text[m.span.start : m.span.end] == m.surface


def test_an_unknown_language_code_counts_as_any_language(codes) -> None:
    assert codes("Die russischen Truppen.", lang="und") == {"RUS"}
    assert codes("Die russischen Truppen.", lang="de-AT") == {"RUS"}


def test_xi_is_the_chinese_leader_only_as_written(codes) -> None:
    assert codes("Xi met Putin.", lang="en") == {"CHN", "RUS"}
    assert codes("Pope Pius XI and Louis XI.", lang="en") == set()
