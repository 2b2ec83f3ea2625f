"""Search terms and snippets: folding case and diacritics the way both full-text indexes do.

The indexes fold ("Šojgu" and "sojgu" are one word); a user's query is split into the same
words here, so that query syntax (quotes, ``*``, ``:``, ``&``) never reaches either engine.
"""

from __future__ import annotations

import html
import re
import unicodedata

_WORD = re.compile(r"\w+")
#: Markers a backend puts around a match; replaced by ``<mark>`` after the text is HTML-escaped.
OPEN, CLOSE = "\x02", "\x03"
#: Shortest term the infix (trigram) search can look for.
INFIX_MIN = 3


def fold(text: str) -> str:
    """Lower case without diacritics: "Atomabkommen" -> "atomabkommen", "Šojgu" -> "sojgu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def terms(query: str) -> list[str]:
    """The folded words of a query, in order, without repeats (at most 12: a query, not a document)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(query)):
        seen.setdefault(word, None)
    return list(seen)[:12]


def marked(snippet: str) -> str:
    """An engine's snippet made safe for HTML: text escaped, matches in ``<mark>``."""
    return html.escape(snippet, quote=False).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def excerpt(text: str, words: list[str], width: int = 160) -> str:
    """A window of ``text`` around the first place any of ``words`` occurs (folded), each occurrence marked.

    Used where the engine's own snippet cannot see the match (an infix inside a compound).
    Folding can change lengths ("ß" -> "ss"), so positions are searched character by character
    in a folded copy that keeps one entry per original character.
    """
    folded = [fold(ch) for ch in text]
    flat, owner = "", []
    for index, piece in enumerate(folded):
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
