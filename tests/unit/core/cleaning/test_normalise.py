"""Unicode and whitespace normalisation and charset repair."""

from __future__ import annotations

import unicodedata

from wirewatch.core.cleaning.normalise import normalise_text, repair_mojibake


def test_text_is_nfc_without_invisible_characters_and_single_spaced() -> None:
    text = "Cafe\u0301  au\u00adto\u200b  bahn\tnow\r\nnext"
    assert normalise_text(text) == "Caf\u00e9 auto bahn now\nnext"
    assert unicodedata.is_normalized("NFC", normalise_text(text))


def test_utf8_read_as_latin1_is_repaired() -> None:
    original = "Fran\u00e7ais, \u00e9t\u00e9, na\u00efve \u2014 \u00fcber"
    broken = original.encode("utf-8").decode("latin-1")
    assert repair_mojibake(broken) == original


def test_clean_text_is_not_touched_by_the_repair() -> None:
    text = "Gr\u00fc\u00dfe aus M\u00fcnchen, \u00e0 bient\u00f4t"
    assert repair_mojibake(text) == text
