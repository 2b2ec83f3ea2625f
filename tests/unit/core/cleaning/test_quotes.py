"""Split quotations are glued back into one line; intact lines are left alone."""

from __future__ import annotations

from wirewatch.core.cleaning.quotes import join_split_quotes


def test_a_lone_opening_mark_the_words_and_the_closing_rest_become_one_line() -> None:
    lines = ["The minister spoke first.", '"', "We will build the bridge,", '" she said.', "Next paragraph."]
    assert join_split_quotes(lines) == [
        "The minister spoke first.",
        '"We will build the bridge," she said.',
        "Next paragraph.",
    ]


def test_a_quoted_word_inside_a_sentence_is_rejoined() -> None:
    lines = ['Relations were called "', "excellent", '" by both sides.']
    assert join_split_quotes(lines) == ['Relations were called "excellent" by both sides.']


def test_a_closing_mark_with_a_full_stop_joins_the_previous_line() -> None:
    lines = ["It is a historic day for the region", "\u201d."]
    assert join_split_quotes(lines) == ["It is a historic day for the region\u201d."]


def test_balanced_lines_are_unchanged() -> None:
    lines = ['He said "yes" to the plan.', "A second line.", "\u00ab Bonjour \u00bb, dit-elle."]
    assert join_split_quotes(lines) == lines
