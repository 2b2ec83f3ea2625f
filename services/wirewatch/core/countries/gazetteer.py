"""The gazetteer: every surface form of every country and organisation, compiled once.

Sources, in the order they are read (see ``lexicon``):
  1. CLDR territory names for ``LANGUAGES`` (via babel), inflected by ``inflection``;
  2. ``data/names.tsv``: official, short, old and alternative names, acronyms, metonyms
     (capitals, seats of government), state institutions, organisations and blockers
     (company, publication and place names that contain a country's name);
  3. ``data/demonyms.tsv``: adjectives and demonyms in nine languages, inflected by rule;
  4. ``data/people.tsv``: heads of state and government, foreign and defence ministers,
     with the years they held office.
All of it goes into one Aho–Corasick automaton (pyahocorasick), built by ``load_gazetteer``
once per process and shared, read-only, by every call of ``tag_countries``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import ahocorasick

from wirewatch.core.countries.inflection import CLITIC_PREFIX, NO_BOUNDARY, Stem
from wirewatch.core.countries.lexicon import Form, read_forms, read_given_names, read_rules
from wirewatch.core.countries.normalize import strip_accents, surface_variants

# Kinds, in the order they win when two entries share a stem.
KINDS = ("blocker", "name", "metonym", "institution", "organisation", "adjective", "person")


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
class Gazetteer:
    """The compiled matcher and the word lists the disambiguation rules consult."""

    automaton: Any  # ahocorasick.Automaton; values are (stem length, tuple[Entry, ...])
    given_names: frozenset[str]
    as_of: str
    languages: tuple[str, ...]
    size: int  # number of stems

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        """The entries stored under a lower-case stem (for tests and diagnostics)."""
        found: tuple[int, tuple[Entry, ...]] = self.automaton.get(surface, (0, ()))
        return found[1]


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
            for variant in surface_variants(stem.stem):
                table[variant].append(entry)
    return {key: _merge(entries) for key, entries in table.items()}


def load_gazetteer(languages: tuple[str, ...] | None = None) -> Gazetteer:
    """Build the gazetteer (about a second): call once per process and share the result."""
    forms, as_of, langs = read_forms(languages)
    automaton = ahocorasick.Automaton()
    table = build_table(forms, read_rules())
    for key, entries in table.items():
        automaton.add_word(key, (len(key), entries))
    automaton.make_automaton()
    return Gazetteer(automaton, read_given_names(), as_of, langs, len(table))
