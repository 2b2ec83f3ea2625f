"""Search terms and snippets (``archive/text.py``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.archive.text import excerpt, fold, marked, tails, terms


def test_fold_drops_case_and_diacritics() -> None:
    assert fold("Šojgu MILITÄRABKOMMEN") == "sojgu militarabkommen"


def test_terms_are_words_only_so_no_query_syntax_reaches_an_engine() -> None:
    assert terms('"Abkommen" OR x* & y:* ; DROP') == ["abkommen", "or", "x", "y", "drop"]
    assert terms("a a A") == ["a"]
    assert terms("   ") == []


def test_marked_escapes_html_and_keeps_only_our_marks() -> None:
    assert marked("<b>\x02Abkommen\x03</b>") == "&lt;b&gt;<mark>Abkommen</mark>&lt;/b&gt;"


def test_excerpt_marks_a_match_inside_a_compound() -> None:
    text = "Vorher. " * 30 + "Das Atomabkommen gilt."
    snippet = excerpt(text, ["abkommen"])
    assert "Atom<mark>abkommen</mark>" in snippet and snippet.startswith("…")


@given(st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_excerpt_never_fails_and_never_lets_markup_through(text: str, words: list[str]) -> None:
    snippet = excerpt(text, [fold(w) for w in words])
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_tails_cover_every_inner_start_of_long_words_only() -> None:
    assert tails("de", "Das Atomabkommen gilt") == "tomabkommen omabkommen mabkommen abkommen bkommen kommen ommen mmen"
    assert "arabkommen" in tails(None, "Militärabkommen").split()  # folded: ä -> a
    assert tails("de", "kurze Wörter") == ""  # nothing under eight characters
    assert tails("en", "military cooperation") == ""  # English writes its compounds apart


@given(st.text())
def test_tails_are_deterministic_and_made_of_words(text: str) -> None:
    assert tails("de", text) == tails("de", text)
    assert all(len(tail) >= 4 for tail in tails("de", text).split())


def test_excerpt_keeps_positions_when_folding_changes_the_length() -> None:
    assert "<mark>abkommen</mark>" in excerpt("İİ Das Atomabkommen", ["abkommen"])
