"""Charset choice: BOM, header, meta, detection, fallback."""

from __future__ import annotations

from wirewatch.core.feeds import CharsetSource, decode_document
from wirewatch.core.feeds.charset import charset_from_content_type, charset_from_markup

RUSSIAN = "Министры иностранных дел обсудили соглашение о сотрудничестве в области энергетики и торговли."
GERMAN = "Die Außenminister unterzeichneten in Genf ein Abkommen über Zusammenarbeit und Handel."


def test_header_charset_wins_over_detection():
    decoded = decode_document(GERMAN.encode("iso-8859-15"), "text/html; charset=ISO-8859-15")
    assert decoded.source is CharsetSource.HEADER
    assert GERMAN in decoded.text


def test_meta_charset_is_used_without_a_header():
    body = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'.encode("cp1251")
    decoded = decode_document(body, "text/html")
    assert (decoded.source, decoded.encoding) == (CharsetSource.META, "cp1251")
    assert RUSSIAN in decoded.text


def test_http_equiv_meta_is_read():
    body = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    assert charset_from_markup(body) == "koi8-r"


def test_windows_1251_without_any_declaration_is_detected():
    body = f"<html><body><p>{RUSSIAN}</p><p>{RUSSIAN}</p></body></html>".encode("cp1251")
    decoded = decode_document(body, "text/html")
    assert decoded.source is CharsetSource.DETECTED
    assert RUSSIAN in decoded.text


def test_bom_wins_over_everything():
    body = "\ufeffÜbereinkunft".encode("utf-16-le")
    decoded = decode_document(body, "text/html; charset=iso-8859-1")
    assert decoded.source is CharsetSource.BOM
    assert decoded.text == "Übereinkunft"


def test_utf8_served_as_latin1_is_read_as_utf8():
    decoded = decode_document(GERMAN.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert decoded.encoding == "utf-8"
    assert GERMAN in decoded.text


def test_unknown_labels_are_ignored():
    assert charset_from_content_type("text/html; charset=no-such-codec") is None
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type('text/html; charset="UTF-8"') == "utf-8"


def test_undecodable_bytes_never_raise():
    assert isinstance(decode_document(b"\xff\xfe\xfa\x00\x81" * 10, "text/html; charset=utf-8").text, str)
