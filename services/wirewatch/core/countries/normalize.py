"""Case and accent folding that keeps character offsets aligned with the original text.

The matcher runs on ``lower_aligned(text)``: ``str.lower`` (fast, in C) whenever it keeps
the length, which is true for almost every text; a per-character fallback otherwise
(``İ`` lowers to two code points). Accent-insensitivity is obtained on the pattern side:
every surface form is inserted both as written and with its accents stripped, so the
text itself never needs a slow translation pass.
"""

from __future__ import annotations

import unicodedata

# Letters that do not decompose under NFD but have an obvious base letter.
_MANUAL = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ı": "i", "ħ": "h", "ё": "е", "ß": "ss"})
# Typographic variants folded to one spelling on the pattern side.
_PUNCT = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})


def lower_aligned(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def strip_accents(text: str) -> str:
    """``text`` without combining marks (Pékin → Pekin, Россия stays Россия)."""
    return "".join(_strip_char(c) for c in text.translate(_MANUAL))


def _strip_char(char: str) -> str:
    # Cyrillic й and ї are letters of their own, not accented и and і: keep them.
    if "\u0400" <= char <= "\u04ff":
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def surface_variants(form: str) -> set[str]:
    """The lower-case spellings a surface form is inserted under (accents optional, ’ = ')."""
    base = form.lower().translate(_PUNCT)
    variants = {base, strip_accents(base)}
    for variant in list(variants):
        if "-" in variant:
            variants.add(variant.replace("-", " "))
        if "'" in variant:
            variants.add(variant.replace("'", "’"))
        if "ё" in variant:
            variants.add(variant.replace("ё", "е"))
    return {v for v in variants if v.strip()}
