"""Search terms and snippets: folding case and diacritics the way both full-text indexes do.

The indexes fold ("Šojgu" and "sojgu" are one word); a user's query is split into the same
words here, so that query syntax (quotes, ``*``, ``:``, ``&``) never reaches either engine.
"""

from __future__ import annotations

import html
import re
import unicodedata

_WORD = re.compile(r"\w+")
#: Combining marks following a Latin letter (Latin-1, Extended-A/B, Extended Additional).
_LATIN_MARKS = re.compile(r"(?<=[a-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+")
#: Markers a backend puts around a match; replaced by ``<mark>`` after the text is HTML-escaped.
OPEN, CLOSE = "\x02", "\x03"
#: Shortest term the infix search looks for, and the shortest word tail it indexes.
INFIX_MIN = 4
#: Words shorter than this are not split into tails (no compound is shorter).
COMPOUND_MIN = 8
#: Languages (ISO 639-1) that write compounds as one word: German, Dutch, the Nordic languages, …
COMPOUNDING = frozenset({"de", "nl", "lb", "af", "sv", "da", "no", "nb", "nn", "is", "fi", "et", "hu"})


def fold(text: str) -> str:
    """Lower case, Latin letters without their accents: "Militärabkommen" -> "militarabkommen".

    Folds exactly where SQLite's ``unicode61 remove_diacritics 2`` folds, never more: a query
    folded further than the index ("Шойгу" -> "шоигу", "straße" -> "strasse") would match
    nothing. So marks are dropped only after a Latin letter, and nothing is expanded.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    stripped = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", lowered))
    return unicodedata.normalize("NFC", stripped)


def terms(query: str) -> list[str]:
    """The folded words of a query, in order, without repeats (at most 12: a query, not a document)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(query)):
        seen.setdefault(word, None)
    return list(seen)[:12]


def tails(lang: str | None, text: str) -> str:
    """Every inner tail of every long word, folded, space-separated: the infix index's text.

    "Atomabkommen" gives "tomabkommen omabkommen mabkommen abkommen bkommen kommen ommen mmen": a
    query word matching the start of a tail (``"abkommen"*``) is found inside the compound. Only
    words of ``COMPOUND_MIN`` characters or more, and tails of ``INFIX_MIN`` or more, are kept, so
    the index grows by a few tokens per long word, not by one token per character as a trigram
    index does; and only in languages that write compounds as one word (``COMPOUNDING``; an
    article of unknown language too), where an English "ration" inside "cooperation" is noise.
    Deterministic: the delete trigger recomputes exactly what the insert indexed.
    """
    if lang is not None and lang not in COMPOUNDING:
        return ""
    words = _WORD.findall(fold(text))
    return " ".join([w[i:] for w in words if len(w) >= COMPOUND_MIN for i in range(1, len(w) - INFIX_MIN + 1)])


def marked(snippet: str) -> str:
    """An engine's snippet made safe for HTML: text escaped, matches in ``<mark>``."""
    return html.escape(snippet, quote=False).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def excerpt(text: str, words: list[str], width: int = 160) -> str:
    """A window of ``text`` around the first place any of ``words`` occurs (folded), each occurrence marked.

    Used where the engine's own snippet cannot see the match (an infix inside a compound).
    Folding almost never changes a text's length, and then positions carry over; where it does
    ("İ" lowers to two characters), the folded copy is built character by character, keeping
    for each folded character the position of the original one.
    """
    flat = fold(text)
    if len(flat) == len(text):
        owner = list(range(len(text)))
    else:
        flat, owner = "", []
        for index, ch in enumerate(text):
            piece = fold(ch)
            flat += piece
            owner += [index] * len(piece)
    hits = sorted((m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), flat) if w)
    if not hits:
        return marked(text[:width] + ("…" if len(text) > width else ""))
    first = owner[hits[0][0]]
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    out, cursor = [], start
    for low, high in hits:
        a, b = owner[low], owner[high - 1] + 1
        if a < cursor or b > end:
            continue
        out += [text[cursor:a], OPEN, text[a:b], CLOSE]
        cursor = b
    out.append(text[cursor:end])
    return marked(("…" if start else "") + "".join(out) + ("…" if end < len(text) else ""))
