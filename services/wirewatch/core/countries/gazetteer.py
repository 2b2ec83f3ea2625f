"""The gazetteer: every surface form of every country and organisation, compiled once.

Sources, in the order they are read (see ``lexicon``):
  1. CLDR territory names for ``LANGUAGES`` (via babel), inflected by ``inflection``;
  2. ``data/names.tsv``: official, short, old and alternative names, acronyms, metonyms
     (capitals, seats of government), state institutions, organisations and blockers
     (company, publication and place names that contain a country's name);
  3. ``data/demonyms.tsv``: adjectives and demonyms in nine languages, inflected by rule;
  4. ``data/people.tsv``: heads of state and government, foreign and defence ministers,
     with the years they held office.
All of it goes into Aho–Corasick automata (pyahocorasick), one per script, built by
``load_gazetteer`` once per process and shared, read-only, by every call of ``tag_countries``.
One automaton per script keeps each trie's root small: with every script in one trie, each
character of a Latin text paid for a search among thousands of CJK, Cyrillic and Arabic
first characters (measured: 6x slower). A text is scanned only by the automata of the
scripts it contains (deleting Latin bytes from its UTF-8 with ``bytes.translate`` leaves the lead bytes of the
other scripts: one C loop).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import ahocorasick

from wirewatch.core.countries.inflection import CLITIC_PREFIX, NO_BOUNDARY, Stem
from wirewatch.core.countries.lexicon import Form, read_forms, read_given_names, read_rules
from wirewatch.core.countries.normalize import lower_aligned, strip_accents, surface_variants

EXACT_MARK = "\x00"  # prefix of table keys that match case-sensitively on the original text
# Kinds, in the order they win when two entries share a stem.
KINDS = ("blocker", "name", "metonym", "institution", "organisation", "adjective", "prefix", "person")


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of one stem in the automaton."""

    code: str  # ISO 3166-1 alpha-3, ``ORG:NAME``, or "" for a blocker
    kind: str
    endings: frozenset[str]
    open_suffix: int
    case: str  # any | cap (first letter upper case) | exact (one of ``forms`` as written)
    forms: frozenset[str]
    langs: frozenset[str]  # empty: any language
    boundary: str  # word | none (scripts without spaces) | clitic (attached prefixes allowed)
    rule: str = ""  # disambiguation rule applied to matches (see ``rules``)
    period: tuple[int, int] = (0, 0)  # office holders: first and last year in office


@dataclass(frozen=True, slots=True)
class Scanner:
    """One automaton and when to run it."""

    leads: frozenset[int]  # UTF-8 lead bytes of its script; empty: run on every text
    original_case: bool  # match the text as written (exact forms) rather than lower-cased
    automaton: Any  # ahocorasick.Automaton; values: (stem length, tuple[Entry, ...], must start a word)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The compiled matcher and the word lists the disambiguation rules consult."""

    scanners: tuple[Scanner, ...]
    full_names: frozenset[str]  # every name as a source writes it (lower case, no accents)
    given_names: frozenset[str]
    as_of: str
    languages: tuple[str, ...]
    size: int  # number of stems

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        """The entries stored under a lower-case stem (for tests and diagnostics)."""
        for scanner in self.scanners:
            found: tuple[int, tuple[Entry, ...], bool] | None = scanner.automaton.get(surface, None)
            if found is not None:
                return found[1]
        return ()


def _boundary(lang: str) -> str:
    if lang in NO_BOUNDARY:
        return "none"
    return "clitic" if CLITIC_PREFIX.get(lang) else "word"


def _entry(form: Form, stem: Stem, rules: dict[str, str]) -> Entry:
    return Entry(
        code=form.code,
        kind=form.kind,
        endings=frozenset(strip_accents(e) for e in stem.endings),
        open_suffix=stem.open_suffix,
        case=form.case,
        forms=frozenset({form.text}) if form.case == "exact" else frozenset(),
        langs=frozenset({form.lang}) if form.lang != "*" else frozenset(),
        boundary=_boundary(form.lang),
        rule=rules.get(strip_accents(form.text.lower()), ""),
        period=form.period,
    )


def _merge(entries: list[Entry]) -> tuple[Entry, ...]:
    """Merge entries that differ only in endings, languages or exact forms."""
    merged: dict[tuple[object, ...], Entry] = {}
    for e in entries:
        key = (e.code, e.kind, e.case, e.boundary, e.rule, e.open_suffix, e.period)
        old = merged.get(key)
        if old is None:
            merged[key] = e
            continue
        langs = frozenset() if not old.langs or not e.langs else old.langs | e.langs
        merged[key] = replace(old, endings=old.endings | e.endings, langs=langs, forms=old.forms | e.forms)
    return tuple(sorted(merged.values(), key=lambda e: (KINDS.index(e.kind), e.code)))


def build_table(forms: list[Form], rules: dict[str, str]) -> dict[str, tuple[Entry, ...]]:
    """Stem → entries, for every form and every spelling variant of its stems."""
    table: dict[str, list[Entry]] = defaultdict(list)
    for form in forms:
        for stem in form.stems():
            entry = _entry(form, stem, rules)
            if form.case == "exact":
                table[EXACT_MARK + form.text].append(entry)  # matched on the original text, as written
                continue
            for variant in surface_variants(stem.stem):
                table[variant].append(entry)
    return {key: _merge(entries) for key, entries in table.items()}


# Scripts with an automaton of their own: name, first-character range, and the UTF-8 lead
# bytes of their characters (a superset is fine: it only runs an automaton more).
SCRIPTS: tuple[tuple[str, str, frozenset[int]], ...] = (
    ("cyrillic", "\u0400-\u052f", frozenset(range(0xD0, 0xD5))),
    ("greek", "\u0370-\u03ff", frozenset({0xCD, 0xCE, 0xCF})),
    ("hebrew", "\u0590-\u05ff", frozenset({0xD6, 0xD7})),
    ("arabic", "\u0600-\u06ff\u0750-\u077f", frozenset({0xD8, 0xD9, 0xDA, 0xDB, 0xDD})),
    ("indic", "\u0900-\u0dff", frozenset({0xE0})),
    ("thai", "\u0e00-\u0eff", frozenset({0xE0})),
    ("cjk", "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af",
     frozenset({0xE1, *range(0xE3, 0xEE)})),
)  # fmt: skip
# UTF-8 bytes that never start a character of those scripts: ASCII, continuation bytes, the
# lead bytes of Latin letters (U+0080–U+036F) and of general punctuation (0xE2: ’ “ ” –).
LATIN_BYTES = bytes([*range(0xCD), 0xE2])


def _script_of(key: str) -> str:
    if key.startswith(EXACT_MARK):
        return "exact"
    for name, chars, _ in SCRIPTS:
        if re.match(f"[{chars}]", key):
            return name
    return "latin"


def _automaton(items: list[tuple[str, tuple[Entry, ...]]]) -> Any:
    automaton = ahocorasick.Automaton()
    for marked, entries in items:
        key = marked.removeprefix(EXACT_MARK)
        word_start = all(e.boundary == "word" for e in entries)
        automaton.add_word(key, (len(key), entries, word_start))
    automaton.make_automaton()
    return automaton


def compile_automata(table: dict[str, tuple[Entry, ...]]) -> tuple[Scanner, ...]:
    """One automaton per script; the Latin one (no lead bytes) always runs, the others when the
    text's UTF-8 contains one of their lead bytes. Forms that must match exactly as written
    (acronyms: US, UN, EU) get an automaton of their own, run on the original text: as
    lower-case keys they would hit inside every "because" and "under"."""
    by_script: dict[str, list[tuple[str, tuple[Entry, ...]]]] = defaultdict(list)
    for key, entries in table.items():
        by_script[_script_of(key)].append((key, entries))
    leads = {name: lead for name, _, lead in SCRIPTS}
    return tuple(
        Scanner(leads.get(name, frozenset()), name == "exact", _automaton(items))
        for name, items in sorted(by_script.items())
    )


def load_gazetteer(languages: tuple[str, ...] | None = None) -> Gazetteer:
    """Build the gazetteer (a few seconds): call once per process and share the result."""
    forms, as_of, langs = read_forms(languages)
    table = build_table(forms, read_rules())
    full_names = frozenset(strip_accents(lower_aligned(f.text)) for f in forms if f.kind == "name")
    return Gazetteer(compile_automata(table), full_names, read_given_names(), as_of, langs, len(table))
