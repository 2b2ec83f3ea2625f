"""Case and accent folding that keeps character offsets aligned with the original text.

The matcher runs on ``lower_aligned(text)``: ``str.lower`` (fast, in C) whenever it keeps
the length, which is true for almost every text; a per-character fallback otherwise
(``İ`` lowers to two code points). Accent-insensitivity is obtained on the pattern side:
every surface form is inserted both as written and with its accents stripped, so the
text itself never needs a slow translation pass.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

# Letters that do not decompose under NFD but have an obvious base letter.
_MANUAL = MappingProxyType(
    str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h", "ё": "е", "ß": "ss"})
)
# Typographic variants folded to one spelling on the pattern side.
_PUNCT = MappingProxyType(str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"}))


_AND = ("and", "und", "et", "y", "e", "i", "en", "och", "og", "a", "és", "ve", "и")


def lower_aligned(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid.

    A character whose lower case is longer (Turkish İ → i + combining dot) keeps only the
    first code point of it; patterns go through the same function, so both sides agree."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower()[0] for c in text)


def strip_accents(text: str) -> str:
    """``text`` without combining marks (Pékin → Pekin, Россия stays Россия)."""
    return "".join(_strip_char(c) for c in text.translate(_MANUAL))


def _strip_char(char: str) -> str:
    # Only Latin and Greek carry optional accents. Cyrillic й and ї are letters of their own,
    # and in Indic scripts the combining signs are the vowels.
    if char >= "\u0400":
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


# Combining marks that continue a word (Latin accents in NFD text, Hebrew and Arabic points,
# Indic vowel signs): ``str.isalnum`` is false for them, yet they are not a word boundary.
WORD_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff"
_MARK = re.compile(f"[{WORD_MARKS}]")


def continues_word(char: str) -> bool:
    """True when ``char`` belongs to a word: a letter, a digit or a combining mark."""
    return char.isalnum() or (char > "\u02ff" and _MARK.match(char) is not None)


def surface_variants(form: str) -> set[str]:
    """The lower-case spellings a surface form is inserted under (accents optional, ’ = ')."""
    base = lower_aligned(form).translate(_PUNCT)
    variants = {base, strip_accents(base)}
    for variant in list(variants):
        if "-" in variant:
            variants.add(variant.replace("-", " "))
        if "'" in variant:
            variants.update(variant.replace("'", quote) for quote in "’‘ʼ")
        if "ё" in variant:
            variants.add(variant.replace("ё", "е"))
        if " & " in variant:  # CLDR writes Bosnia & Herzegovina; texts write the conjunction
            variants.update(variant.replace(" & ", f" {word} ") for word in _AND)
        if variant.startswith("st. "):
            variants.update((f"saint {variant[4:]}", f"st {variant[4:]}"))
    return {v for v in variants if v.strip()}
