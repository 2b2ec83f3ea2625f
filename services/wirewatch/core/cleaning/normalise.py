"""Unicode and whitespace normalisation, and repair of text decoded with the wrong charset."""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

# Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and they split words.
INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = MappingProxyType(dict.fromkeys(map(ord, INVISIBLE_CHARS)))
# Control characters other than tab and newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-8 read as Latin-1/cp1252 leaves pairs like "Ã©" or "â€™"; three such pairs are evidence.
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152-\u017e\u02c6\u02dc]")


def normalise_text(text: str) -> str:
    """NFC, no invisible or control characters, single spaces in lines, no blank-line runs."""
    text = repair_mojibake(text).translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    # NFC last: removing a zero-width character can bring a letter and its accent together.
    text = unicodedata.normalize("NFC", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252/Latin-1 ("FranÃ§ais" → "Français"); else unchanged."""
    if len(_MOJIBAKE.findall(text[:20_000])) < 3:
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text
