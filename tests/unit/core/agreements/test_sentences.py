"""Sentence splitting keeps offsets, rejoins split quotations, and respects abbreviations."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.core.agreements.sentences import split_sentences

ABBREVIATIONS = re.compile(r"(?:^|(?<=[\s(]))(?:mr|dr|gen)$", re.IGNORECASE)


def texts(body: str) -> list[str]:
    return [s.clean for s in split_sentences(body, ABBREVIATIONS)]


def test_splits_after_stops_before_capitals() -> None:
    assert texts("One is here. Two is there! Three? 4 follows.") == [
        "One is here.",
        "Two is there!",
        "Three?",
        "4 follows.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert texts("Mr. Smith met Gen. Lee and J. Doe. Then they left.") == [
        "Mr. Smith met Gen. Lee and J. Doe.",
        "Then they left.",
    ]


def test_headings_stay_apart_from_the_next_paragraph() -> None:
    assert texts("A heading\n\nThe paragraph starts. It goes on.") == [
        "A heading",
        "The paragraph starts.",
        "It goes on.",
    ]


def test_a_quotation_split_over_lines_is_rejoined() -> None:
    body = 'In 2015, a "\n\nmemorandum\n\n" was signed.\n\nNext one.'
    assert texts(body) == ['In 2015, a " memorandum " was signed.', "Next one."]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert texts('He said "yes." She agreed.') == ['He said "yes."', "She agreed."]


@given(st.text(alphabet=st.sampled_from(list('ab .!?\n"A1')), max_size=80))
def test_every_sentence_is_an_exact_slice_of_the_body(body: str) -> None:
    previous_end = 0
    for sentence in split_sentences(body, ABBREVIATIONS):
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_sentences_may_start_with_any_capital_letter() -> None:
    assert texts("Umowę podpisano. Łotwa też. Ёлка стоит. Žilina czeka.") == [
        "Umowę podpisano.",
        "Łotwa też.",
        "Ёлка стоит.",
        "Žilina czeka.",
    ]
    assert texts("Umowę podpisano w 2020 r. w Warszawie.") == ["Umowę podpisano w 2020 r. w Warszawie."]
