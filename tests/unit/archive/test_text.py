"""Search terms and snippets (``archive/text.py``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.archive.text import excerpt, fold, marked, terms


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
