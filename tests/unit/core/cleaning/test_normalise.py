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


def test_a_zero_width_space_between_a_letter_and_its_accent_still_gives_nfc() -> None:
    assert normalise_text("Sa\u200b\u0301o Tome\u0301") == "S\u00e1o Tom\u00e9"


def test_a_given_title_is_normalised_like_the_body(clean_text) -> None:
    body = "The council approved the harbour plan on Monday after a long debate in the town hall."
    article = clean_text(body, title="Ports\u00ad plan\x08  approved")
    assert article.title == "Ports plan approved"
    assert article.body == body
