"""Bytes to text for fetched pages: the charset from a BOM, the HTTP header, a meta tag, or detection.

Order matters and follows the HTML standard's sniffing: a byte-order mark wins, then the
``Content-Type`` charset, then ``<meta charset>`` / ``http-equiv`` / the XML declaration in the
first bytes, then statistical detection (charset-normalizer), then UTF-8 with replacement.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.IGNORECASE)
_SNIFF_BYTES = 4096
_DETECT_BYTES = 65536
# Browsers treat these labels as windows-1252 (WHATWG Encoding), and so do we.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"})


class CharsetSource(StrEnum):
    """Where the charset of a document came from."""

    BOM = "bom"
    HEADER = "header"
    META = "meta"
    DETECTED = "detected"
    FALLBACK = "fallback"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded document and how its charset was chosen."""

    text: str
    encoding: str
    source: CharsetSource


def _known(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().lower()
    name = "cp1252" if name in _WINDOWS_1252_LABELS else name
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset a ``Content-Type`` header declares, when it names a codec Python knows."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _known(match.group(1)) if match else None


def charset_from_markup(head: bytes) -> str | None:
    """The charset declared by ``<meta>`` or an XML declaration in the first bytes of a document."""
    sniff = head[:_SNIFF_BYTES]
    match = _META_CHARSET.search(sniff) or _XML_ENCODING.search(sniff)
    return _known(match.group(1).decode("ascii", "replace")) if match else None


def _detect(body: bytes) -> str | None:
    best = from_bytes(body[:_DETECT_BYTES]).best()
    return _known(best.encoding) if best is not None else None


def _choose(body: bytes, content_type: str | None) -> tuple[str, CharsetSource, int]:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, CharsetSource.BOM, len(bom)
    declared = charset_from_content_type(content_type)
    if declared:
        return declared, CharsetSource.HEADER, 0
    declared = charset_from_markup(body)
    if declared:
        return declared, CharsetSource.META, 0
    detected = _detect(body)
    if detected:
        return detected, CharsetSource.DETECTED, 0
    return "utf-8", CharsetSource.FALLBACK, 0


def decode_document(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a fetched page; undecodable bytes become U+FFFD rather than an error."""
    encoding, source, skip = _choose(body, content_type)
    if source is not CharsetSource.BOM and encoding != "utf-8" and _is_utf8(body):
        # A page served as latin-1 that is valid UTF-8 is UTF-8 (a common server default).
        encoding, source = "utf-8", CharsetSource.DETECTED
    return Decoded(body[skip:].decode(encoding, errors="replace"), encoding, source)


def _is_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
