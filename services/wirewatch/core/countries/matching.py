"""One pass of the automaton over a text: candidate matches, checked and made non-overlapping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wirewatch.core.countries.gazetteer import LATIN_BYTES, Entry, Gazetteer
from wirewatch.core.countries.inflection import CLITIC_PREFIX
from wirewatch.core.countries.normalize import WORD_MARKS, continues_word, lower_aligned, strip_accents

_WORD_REST = re.compile(f"(?:[^\\W_]|[{WORD_MARKS}])*")
_MAX_CLITIC = 3
_MIN_FOREIGN_STEM = 5
_HYPHENS = frozenset("-\u2010\u2011")
_COMPOUNDING = frozenset({"de", "nl"})
_MIN_COMPOUND_HEAD, _MIN_COMPOUND_TAIL, _MIN_SHORT_HEAD = 5, 4, 4
# Four-letter names (Irak, Kuba, Iran, Peru, Oman) compound only with these common heads of
# news compounds: Irakkrieg, Kubakrise, Iranpolitik, Irakoorlog (a prefix of the tail).
_SHORT_HEAD_TAILS = (
    "krieg", "krise", "politik", "abkommen", "reise", "besuch", "konflikt", "regierung", "gipfel", "botschaft",
    "grenze", "sanktion", "embargo", "einsatz", "deal", "frage", "wahl", "präsident", "minister", "hilfe",
    "export", "import", "handel", "beziehung", "verhandlung", "oorlog", "beleid", "crisis", "reis", "bezoek",
    "grens", "regering", "akkoord", "ambassade", "verkiezing",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A checked match: ``[start, end)`` covers the whole word, ``stem_end`` the matched stem."""

    start: int
    end: int
    stem_end: int
    entry: Entry


def _starts_ok(lower: str, start: int, entry: Entry) -> bool:
    if entry.boundary == "none" or start == 0 or not continues_word(lower[start - 1]):
        return True
    if entry.boundary != "clitic":
        return False
    first = start
    while first > 0 and continues_word(lower[first - 1]):
        first -= 1
    prefixes = "".join(CLITIC_PREFIX.get(code, "") for code in entry.langs)
    return start - first <= _MAX_CLITIC and all(c in prefixes for c in lower[first:start])


def _ending_ok(suffix: str, entry: Entry, lang: str | None, stem_length: int) -> bool:
    if suffix in entry.endings:
        return True
    if entry.open_suffix and lang is not None and len(suffix) <= entry.open_suffix:
        return True  # any case ending, but only when the text is known to be in that language
    if _compound(suffix, entry, lang, stem_length):
        return True
    return not suffix.isascii() and strip_accents(suffix) in entry.endings


def _compound(suffix: str, entry: Entry, lang: str | None, stem_length: int) -> bool:
    """German and Dutch write compounds as one word: Ukrainekrieg, Russlandreise, Iranbeleid.
    A German or Dutch name (CLDR; Indianerstamm is not India) of at least ``_MIN_COMPOUND_HEAD``
    letters followed by a word of at least ``_MIN_COMPOUND_TAIL`` letters counts (shorter ones
    would catch Polenta, Malibu); any name of four letters or more before a common head of news
    compounds (``_SHORT_HEAD_TAILS``: Irakkrieg, Kubakrise, Iranpolitik)."""
    if lang not in _COMPOUNDING or entry.kind not in ("name", "metonym") or not suffix.isalpha():
        return False
    if suffix.startswith(_SHORT_HEAD_TAILS):
        return stem_length >= _MIN_SHORT_HEAD and (lang in entry.langs or not entry.langs)
    return lang in entry.langs and stem_length >= _MIN_COMPOUND_HEAD and len(suffix) >= _MIN_COMPOUND_TAIL


def _case_ok(text: str, start: int, stem_end: int, entry: Entry) -> bool:
    if entry.case == "cap":
        first = text[start]
        return first == first.upper()
    if entry.case == "exact":
        return text[start:stem_end] in entry.forms
    return True


def _lang_ok(entry: Entry, lang: str | None, length: int) -> bool | None:
    """Language-specific forms count in their language, English names everywhere. Names of other
    languages count when long enough not to be everyday words elsewhere (Siri, Cada, Man) —
    which keeps the tagger useful when the language was identified wrongly — but with a known
    language only as written in that other language's own nominative (``None``: check that;
    "Albani" is a surname, not an inflected Albania). Adjectives of other languages never count
    (the Spanish china is English porcelain)."""
    if not entry.langs or lang in entry.langs:
        return True
    if lang is None:
        return "en" in entry.langs or length >= _MIN_FOREIGN_STEM
    if "en" in entry.langs and entry.kind == "name":
        return True
    if entry.kind == "name" and length >= _MIN_FOREIGN_STEM:
        return None
    return False


def _check(
    text: str, lower: str, start: int, stem_end: int, entry: Entry, lang: str | None, full: frozenset[str]
) -> Candidate | None:
    lang_ok = _lang_ok(entry, lang, stem_end - start)
    if lang_ok is False or not _starts_ok(lower, start, entry):
        return None
    end = stem_end
    if entry.boundary != "none":
        end = _WORD_REST.match(lower, stem_end).end()  # type: ignore[union-attr]  # a * pattern always matches
        if not _ending_ok(lower[stem_end:end], entry, lang, stem_end - start):
            return None
    if lang_ok is None and strip_accents(lower[start:end]) not in full:
        return None
    if not _case_ok(text, start, stem_end, entry):
        return None
    if entry.kind == "prefix" and text[end : end + 1] not in _HYPHENS:
        return None  # combining forms (Sino-US, franco-allemand) only before a hyphen; russo alone is Italian
    return Candidate(start, end, stem_end, entry)


def find_candidates(text: str, gazetteer: Gazetteer, lang: str | None = None) -> list[Candidate]:
    """Every valid match in ``text`` (overlapping ones included), in automaton order."""
    lower = lower_aligned(text)
    found: list[Candidate] = []
    present = _script_leads(text)
    for scanner in gazetteer.scanners:
        if not scanner.leads or scanner.leads & present:
            searched = text if scanner.original_case else lower
            found.extend(_scan(text, searched, scanner.automaton, lang, gazetteer.full_names))
    return found


def _script_leads(text: str) -> set[int]:
    """UTF-8 lead bytes of the non-Latin characters in ``text`` (see ``gazetteer.SCRIPTS``)."""
    if text.isascii():
        return set()
    return set(text.encode("utf-8", "surrogatepass").translate(None, LATIN_BYTES))


def _scan(text: str, lower: str, automaton: Any, lang: str | None, full: frozenset[str]) -> list[Candidate]:
    found: list[Candidate] = []
    for last, (length, entries, word_start) in automaton.iter(lower):
        start = last + 1 - length
        if word_start and start and (lower[start - 1].isalnum() or continues_word(lower[start - 1])):
            continue  # inside a word: the common case, rejected before any other work
        stem_end = last + 1
        for entry in entries:
            candidate = _check(text, lower, start, stem_end, entry, lang, full)
            if candidate is not None:
                found.append(candidate)
                break
    return found


def longest_matches(candidates: list[Candidate]) -> list[Candidate]:
    """Leftmost-longest non-overlapping selection: Papua New Guinea beats Guinea."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), -(c.stem_end - c.start)))
    chosen: list[Candidate] = []
    reach = 0
    for candidate in ordered:
        if candidate.start >= reach:
            chosen.append(candidate)
            reach = candidate.end
    return chosen
