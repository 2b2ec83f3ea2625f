"""Named agreements: the treaties, pacts and deals that news names, and what a reader knows of them.

The base is data (``data/named/*.json``, one file per domain; the format is in
``data/named/README.md``): for each agreement its names in several languages, abbreviations, its
parties, type, the year it was signed and its later status changes. ``find_named`` finds the
mentions in a text; a mention then stands for the agreement whatever the sentence around it
says: "under the Minsk agreements" names Russia, Ukraine and the OSCE even when the text does not.

Matching, in two steps so that a text pays almost nothing for a base of hundreds of names:

1. one Aho–Corasick pass over the lower-cased text finds each name's *anchor* (its most
   distinctive word, as a stem: "minsk" for "Minsker Abkommen"), and one pass over the text as
   written finds the abbreviations (``NAFTA``, ``ДСНВ``), case-sensitive and as whole words;
2. around each anchor, only the names holding it are tried as regular expressions whose words
   allow the language's inflection endings ("Минских соглашений", "Abkommens", "accords") and
   whose little words may be left out ("Abkommen von Minsk" / "Abkommen Minsk").

The longest match wins where two overlap.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import ahocorasick

from wirewatch.core.countries.normalize import lower_aligned
from wirewatch.core.errors import ConfigurationError

_COMMON_WORDS = "common_words.json"
_ANY = "*"  # the automaton of a language the base has no names in: the abbreviations alone
_WINDOW = 160  # characters either side of an anchor that a name holding it may span
_SEPARATOR = r"[\s\-‐‑–]+"
_SPLIT = re.compile(r"[\s\-‐‑–]+")
#: "post-Brexit deal", "pre-Lisbon": a name after such a prefix dates something else, it does not name it
_TIME_PREFIX = re.compile(r"(?<!\w)(?:post|pre|pós|пост)[-‐‑]$")

#: Per language: endings a word may take in the text beyond the form the base writes, and
#: little words a writer may leave out. Russian (and other Slavic) words are cut to a stem first.
_ENDINGS = {
    "de": r"(?:e|en|er|es|em|n|s|ns|ens)?",
    "ru": r"[а-яё]{0,4}",
    "pl": r"[a-ząćęłńóśźż]{0,4}",
}
_DEFAULT_ENDING = r"(?:s|es)?"
_SLAVIC_ENDINGS = sorted(
    (
        *("а", "я", "о", "е", "ё", "и", "ы", "у", "ю", "ь", "й", "ая", "яя", "ое", "ее", "ие", "ые", "ой", "ей", "ий"),
        *("ый", "ом", "ем", "ам", "ям", "ах", "ях", "ами", "ями", "ого", "его", "ому", "ему", "ую", "юю", "ых", "их"),
        *("ым", "им", "ыми", "ими", "ов", "ев", "ию", "ия", "ии", "ью"),
    ),
    key=len,
    reverse=True,
)
_LITTLE = {
    "en": {"the", "of", "on", "with", "and", "for", "a", "to", "in"},
    "de": {"der", "die", "das", "dem", "den", "des", "von", "vom", "mit", "über", "zum", "zur", "und", "zwischen"},
    "fr": {"le", "la", "les", "l'", "l’", "de", "du", "des", "d'", "d’", "sur", "avec", "et", "entre"},
    "es": {"el", "la", "los", "las", "de", "del", "sobre", "con", "y", "entre"},
    "it": {"il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "sul", "sulla", "con", "e", "tra"},
    "pt": {"o", "a", "os", "as", "de", "do", "da", "dos", "das", "sobre", "com", "e", "entre"},
    "ru": {"о", "об", "по", "с", "и", "между", "в"},
    "pl": {"o", "w", "z", "i", "między"},
}
#: Acronyms of states and organisations: an anchor "US" would try every US name in most texts.
_STATE_ACRONYMS = {
    "US", "USA", "UK", "EU", "UN", "ONU", "UE", "NATO", "OTAN", "UAE", "USSR", "ASEAN", "OPEC", "G7", "G20",
    "США", "ЕС", "ООН", "НАТО", "СССР", "EEUU", "EE.UU", "EUA", "RF", "РФ",
}  # fmt: skip


class BadNamedBase(ConfigurationError, ValueError):
    """A named-agreement data file breaks the format (a packaging error, found at load time)."""


@dataclass(frozen=True, slots=True)
class Milestone:
    """A change in an agreement's standing after it was signed: a withdrawal, a ratification …"""

    year: int
    status: str
    by: str | None  # the party that made the change; None: the agreement as a whole


@dataclass(frozen=True, slots=True)
class NamedAgreement:
    """One agreement of the base."""

    id: str
    parties: tuple[str, ...]  # of an open multilateral treaty, only the organisation it founds (if any)
    open: bool
    type: str
    signed: int | None
    milestones: tuple[Milestone, ...]
    context: tuple[str, ...]  # words one of which the article must hold for a name to count
    described_by: tuple[tuple[str, str], ...] = ()  # (type, party): "a nuclear deal with Iran" is this one
    project: bool = False  # a pipeline or plant: its name alone is no report of an agreement

    def standing(self, year: int | None) -> str:
        """Its status in ``year`` (None: as the base knows it now), before any word of the text.

        Only a change to the agreement as a whole counts (one party leaving the Iran deal does
        not end it for the others): the latest such change up to ``year``; else ``existing``
        once signed, ``negotiating`` before.
        """
        changes = [m for m in self.milestones if m.by is None and (year is None or m.year <= year)]
        if changes:
            latest = max(changes, key=lambda m: m.year).status
            return "existing" if latest == "signed" else latest
        if self.signed is None or (year is not None and year < self.signed):
            return "negotiating"
        return "existing"


@dataclass(frozen=True, slots=True)
class NamedMention:
    """A place in a text that names an agreement of the base."""

    agreement: NamedAgreement
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class _Name:
    """One name of one agreement: its regex (compiled on first use), or None for an abbreviation."""

    source: str | None
    agreement: NamedAgreement
    needles: tuple[str, ...] = ()  # the other words' stems, lower-cased: all must be near the anchor
    written: str | None = None  # the anchor must appear exactly so (an acronym: "START", "NAFTA")


@dataclass(frozen=True, slots=True)
class NamedBase:
    """The compiled base: one automaton of anchors per language, and the agreements by id.

    An automaton runs over the lower-cased text; an acronym anchor ("START" in "New START") and
    an abbreviation (``NAFTA``, ``ДСНВ``: every language's automaton holds them all, and ``"*"``
    serves a language the base has no names in) is then checked as written.
    """

    agreements: dict[str, NamedAgreement]
    automata: dict[str, Any]  # language -> ahocorasick.Automaton: anchor -> (length, tuple[_Name, ...])
    names: int  # names and abbreviations in the base, for the README's count
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)  # compiled on first use
    descriptions: dict[tuple[str, str], NamedAgreement] = field(default_factory=dict)  # (type, party) -> agreement

    def described(self, kind: str, parties: tuple[str, ...]) -> NamedAgreement | None:
        """The agreement an unnamed one of type ``kind`` with these parties describes, if the base has one.

        "A deal on Iran's nuclear programme" is the one the news means by it, with all its parties,
        even where the sentence names only Iran.
        """
        for party in parties:
            known = self.descriptions.get((kind, party))
            if known is not None:
                return known
        return None

    def find(self, text: str, language: str) -> list[NamedMention]:
        """Every mention of a base agreement in ``text`` (language ``language``), in text order.

        A name's regex runs only when every other word of the name is near its anchor (a
        substring test at C speed): most anchors found belong to names the text does not hold.
        """
        found: list[NamedMention] = []
        lowered = lower_aligned(text)
        automaton = self.automata.get(language) or self.automata.get(_ANY)
        if automaton is None:
            return found
        present: dict[str, bool] = {}  # needle -> in the text at all (most names fail here, once)
        for last, (length, names) in automaton.iter(lowered):
            start, end = last - length + 1, last + 1
            if start > 0 and lowered[start - 1].isalnum():
                continue  # an anchor starts a word
            for name in names:
                if name.written is not None and text[start:end] != name.written:
                    continue
                if name.source is None:  # an abbreviation: a whole word as written
                    if end == len(text) or not text[end].isalnum():
                        found.append(NamedMention(name.agreement, start, end, text[start:end]))
                elif _near(name.needles, lowered, start, end, present):
                    found.extend(self._matches(text, max(0, start - _WINDOW), end + _WINDOW, start, name))
        return _longest(found, lowered)

    def _matches(self, text: str, lo: int, hi: int, anchor: int, name: _Name) -> list[NamedMention]:
        """The matches of ``name`` in ``text[lo:hi]`` that cover the anchor at ``anchor``."""
        assert name.source is not None
        pattern = self.patterns.get(name.source)
        if pattern is None:
            pattern = self.patterns[name.source] = re.compile(name.source, re.IGNORECASE)
        return [
            NamedMention(name.agreement, m.start(), m.end(), m.group(0))
            for m in pattern.finditer(text, lo, hi)
            if m.start() <= anchor < m.end()
        ]


def _near(needles: tuple[str, ...], lowered: str, start: int, end: int, present: dict[str, bool]) -> bool:
    """Whether every needle is in the text, and near the anchor at ``start:end``."""
    for needle in needles:
        known = present.get(needle)
        if known is None:
            known = present[needle] = needle in lowered
        if not known or lowered.find(needle, max(0, start - _WINDOW), end + _WINDOW) < 0:
            return False
    return True


def _longest(mentions: list[NamedMention], lowered: str) -> list[NamedMention]:
    """Non-overlapping mentions, the longest first; names whose context the text lacks are dropped."""
    kept: list[NamedMention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if m.agreement.context and not any(word in lowered for word in m.agreement.context):
            continue
        if _TIME_PREFIX.search(lowered, max(0, m.start - 5), m.start):
            continue
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _stem(word: str, language: str) -> str:
    """The part of ``word`` the text must show unchanged; its ending may vary by ``_ENDINGS``."""
    if language in ("ru", "pl") and len(word) > 4:
        for ending in _SLAVIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    elif language not in _ENDINGS and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]  # "Minsk agreements" finds "the Minsk agreement" too
    return word


def _word_pattern(token: str, language: str) -> str:
    """One word of a name: acronyms as written, other words in any case with their endings."""
    if len(token) >= 2 and token.isupper():
        return f"(?-i:{re.escape(token)})"
    head, mark, rest = token.rpartition("'") if "'" in token else token.rpartition("’")
    if mark and rest:  # an elided article or preposition: "l'accord", "d’Oslo"
        return re.escape(head.lower()) + "['’]" + _word_pattern(rest, language)
    return re.escape(_stem(token.lower(), language)) + _ENDINGS.get(language, _DEFAULT_ENDING)


def _name_pattern(
    name: str, language: str, rarity: Counter[str], common: dict[str, int]
) -> tuple[str, str, bool, tuple[str, ...]]:
    """The regex source of one name, its anchor, whether the anchor is matched as written, and
    the stems of its other words (every one must occur near the anchor).

    Little words ("the", "von", "de") may be left out by the writer; an anchor is never one.
    The anchor is an acronym of the name if it has one ("START" in "New START", matched as
    written), else the word news uses least (``common``: rank among the most frequent words,
    absent = rare), then the word the base uses least (``rarity``), then the longest: an anchor
    as common as "security" or "Russia" would make the name be tried in most texts.
    """
    tokens = [t for t in _SPLIT.split(name.strip()) if t]
    if not tokens:
        raise BadNamedBase(f"name without words: {name!r}")
    little = _LITTLE.get(language, set())
    pattern = ""
    for i, token in enumerate(tokens):
        piece = _word_pattern(token, language) + ("" if i == len(tokens) - 1 else _SEPARATOR)
        pattern += f"(?:{piece})?" if token.lower() in little and len(tokens) > 1 else piece
    source = rf"(?<!\w){pattern}(?!\w)"
    required = [t for t in tokens if t.lower() not in little or len(tokens) == 1]
    acronyms = [t for t in tokens if _is_acronym(t) and t.strip(".") not in _STATE_ACRONYMS and len(t) >= 3]
    if acronyms:
        anchor, exact = max(acronyms, key=len), True
    else:
        words = [t for t in required if len(_bare(t)) >= 3] or required
        words = [t for t in words if t.upper().strip(".") not in _STATE_ACRONYMS] or words
        anchor = min(words, key=lambda t: (-common.get(_bare(t), len(common) + 1), rarity[_bare(t)], -len(t)))
        exact = False
    needles = tuple(_stem(_bare(t), language) for t in required if t is not anchor)
    return source, anchor if exact else _stem(_bare(anchor), language), exact, needles


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _bare(token: str) -> str:
    """A name's token lower-cased, without an elided article ("l'accord" -> "accord")."""
    return token.lower().rpartition("'")[2].rpartition("’")[2]


def _agreement(entry: dict[str, Any]) -> NamedAgreement:
    milestones = tuple(Milestone(int(c["year"]), c["status"], c.get("by")) for c in entry.get("status_changes", []))
    return NamedAgreement(
        id=entry["id"],
        parties=tuple(sorted(entry.get("parties", []))),
        open=bool(entry.get("open", False)),
        type=entry["type"],
        signed=entry.get("signed"),
        milestones=milestones,
        context=tuple(w.lower() for w in entry.get("context", [])),
        described_by=tuple((d["type"], d["party"]) for d in entry.get("described_by", [])),
        project=bool(entry.get("project", False)),
    )


def compile_named(entries: list[dict[str, Any]], common: dict[str, list[str]] | None = None) -> NamedBase:
    """Compile base entries (the ``agreements`` lists of the data files) into a ``NamedBase``.

    ``common``: per language, the words most news uses, most frequent first (``common_words.json``).
    """
    ranks = {lang: {w: i for i, w in enumerate(words)} for lang, words in (common or {}).items()}
    agreements: dict[str, NamedAgreement] = {}
    rarity: Counter[str] = Counter(
        _bare(t) for entry in entries for names in entry["names"].values() for n in names for t in _SPLIT.split(n)
    )
    tables: dict[str, dict[str, list[_Name]]] = defaultdict(lambda: defaultdict(list))
    abbreviations: list[tuple[str, _Name]] = []
    count = 0
    for entry in entries:
        agreement = _agreement(entry)
        if agreement.id in agreements:
            raise BadNamedBase(f"agreement id {agreement.id!r} is defined twice")
        agreements[agreement.id] = agreement
        for language, names in entry["names"].items():
            for name in dict.fromkeys(names):
                source, anchor, as_written, needles = _name_pattern(name, language, rarity, ranks.get(language, {}))
                written = anchor if as_written else None
                tables[language][lower_aligned(anchor)].append(_Name(source, agreement, needles, written))
                count += 1
        abbreviations.extend((a, _Name(None, agreement, written=a)) for a in entry.get("abbreviations", []))
        count += len(entry.get("abbreviations", []))
    automata: dict[str, Any] = {}
    for language in (*tables, _ANY):
        table = tables[language]
        for abbreviation, name in abbreviations:
            table[lower_aligned(abbreviation)].append(name)
        automaton = ahocorasick.Automaton()
        for anchor, found in table.items():
            automaton.add_word(anchor, (len(anchor), tuple(found)))
        if table:
            automaton.make_automaton()
            automata[language] = automaton
    descriptions = {d: a for a in agreements.values() for d in a.described_by}
    return NamedBase(agreements, automata, count, descriptions=descriptions)


def load_named() -> NamedBase:
    """Load and compile every file of ``data/named/`` (slow: once per process)."""
    folder = resources.files("wirewatch.core.agreements").joinpath("data", "named")
    entries: list[dict[str, Any]] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json") and path.name != _COMMON_WORDS:
            entries.extend(json.loads(path.read_text(encoding="utf-8"))["agreements"])
    common = json.loads(folder.joinpath(_COMMON_WORDS).read_text(encoding="utf-8"))["words"]
    return compile_named(entries, common)
