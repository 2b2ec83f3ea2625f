"""Split an article body into sentences that keep their character offsets.

Two stages:

1. Paragraphs are rejoined where the page-to-text step broke a sentence: a block that starts
   with a lower-case letter or a closing quote, or follows a block ending in an opening quote
   or a comma, continues the previous block (quotations split over several lines).
2. Each joined block is cut after ``.``, ``!``, ``?`` or ``…`` when the next word starts a
   sentence, except after an abbreviation or an initial ("Mr.", "z.B.", "U."); a stop glued to
   the next word ("СНГ.Одно") cuts too when both sides are words of two letters or more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK = re.compile(r"[^\n]+")
_WS = re.compile(r"\s+")
_OPENING = ('"', "“", "„", "«", "‚", "‘", ",", ":", "(", "–", "—")
_CONTINUATION = re.compile(r"""^[\s]*(?:["”»’)\],;:.…]|[a-zà-ÿа-яёąćęłńóśźż])""")
_TERMINAL = re.compile(r"""[.!?…]["”»’)]*\s*$""")
# After the stop, a space; or none at all where the stop sits between two words of two letters or
# more ("… СНГ.Одно из них …": text that lost its spaces), never inside a number or an initial.
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])(["”»’)]*)(?:\s+|(?<=[^\W\d_]{2}[.!?…])(?=[^\W\d_]{2}))(?=["“„«‚‘(]?(?P<next>[^\W_]))"""
)
_LONE_CLOSE = re.compile(r"""^\s*["”»’]\s*[.,;:]""")
_LAST_WORD = re.compile(r"""(\S+)[.!?…]["”»’)]*$""")
_WORD_TAIL = 64  # characters before a full stop searched for its word (no abbreviation is longer)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text exactly as in the body (``body[start:end]``) and its position."""

    text: str
    start: int
    end: int
    index: int

    @property
    def clean(self) -> str:
        """The text with every run of whitespace (line breaks of split quotes) made one space."""
        return _WS.sub(" ", self.text).strip()


def _blocks(body: str) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(body):
        start, end = m.start(), m.end()
        if not body[start:end].strip():
            continue
        if joined and _continues(body[joined[-1][0] : joined[-1][1]], body[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _continues(previous: str, current: str) -> bool:
    tail = previous.rstrip()[-4:]
    if _TERMINAL.search(tail) and not tail.endswith(_OPENING):
        return bool(_LONE_CLOSE.match(current))  # a lone closing quote after the stop
    return tail.endswith(_OPENING) or bool(_CONTINUATION.match(current))


def _is_abbreviation(text: str, abbreviation: re.Pattern[str]) -> bool:
    m = _LAST_WORD.search(text)
    if not m:
        return False
    word = m.group(1).lstrip('("“„«')
    return (len(word) == 1 and word.isupper()) or bool(abbreviation.search(word))


def split_sentences(body: str, abbreviation: re.Pattern[str]) -> list[Sentence]:
    """The body's sentences in order; ``abbreviation`` matches words a full stop does not end."""
    sentences: list[Sentence] = []
    for start, end in _blocks(body):
        cut = start
        for m in _BOUNDARY.finditer(body, start, end):
            if m["next"].islower():
                continue  # a sentence starts with a capital or a digit (Ł, Ё and Ž included)
            # Only the word before the stop decides; a bounded tail keeps the check O(1) per stop.
            if _is_abbreviation(body[max(cut, m.start() - _WORD_TAIL) : m.end(1)], abbreviation):
                continue
            _append(sentences, body, cut, m.end(1))
            cut = m.end()
        _append(sentences, body, cut, end)
    return sentences


def _append(sentences: list[Sentence], body: str, start: int, end: int) -> None:
    text = body[start:end]
    stripped = text.strip()
    if not stripped:
        return
    lead = len(text) - len(text.lstrip())
    s, e = start + lead, start + lead + len(stripped)
    sentences.append(Sentence(body[s:e], s, e, len(sentences)))
