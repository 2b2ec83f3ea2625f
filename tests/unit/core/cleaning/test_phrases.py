"""The phrase lists load for every language and match on normalised keys."""

from __future__ import annotations

import pytest

from wirewatch.core.cleaning.phrases import LANGUAGES, line_key, load_phrasebook


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_brings_whole_lines_prefixes_and_source_labels(lang: str) -> None:
    book = load_phrasebook((lang,))
    assert book.whole and book.prefixes and book.source_labels and book.end_markers


def test_keys_ignore_case_bullets_and_edge_punctuation() -> None:
    assert line_key("  • READ ALSO:  ") == "read also"
    assert line_key("Lesen Sie auch …") == "lesen sie auch"


def test_prefixes_need_a_word_boundary() -> None:
    book = load_phrasebook(("en",))
    assert book.has_prefix("read also the report")
    assert not book.has_prefix("read alsoxyz")
