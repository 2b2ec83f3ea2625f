"""Build the surface-form → code table the country tagger matches against.

Walking-skeleton version: CLDR country names (via babel) in English, German and French,
and a handful of adjectives and capitals. The country-tagger issue grows this into the
full multilingual gazetteer; ``load_gazetteer`` stays the one entry point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry
from babel import Locale

LANGUAGES = ("en", "de", "fr")

# (code, kind, surface forms); inflected stems end in a regex fragment.
_EXTRA: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("RUS", "adjective", ("russian", "russisch(?:e[nmrs]?)?", "russes?")),
    ("RUS", "metonym", ("moscow", "moskau", "moscou", "kremlin", "kreml")),
    ("MMR", "name", ("burma", "birma", "birmanie")),
    ("MMR", "adjective", ("burmese", "birmanisch(?:e[nmrs]?)?", "birmanes?")),
    ("MMR", "metonym", ("naypyidaw", "naypyitaw", "nay pyi taw")),
    ("CHN", "metonym", ("beijing", "peking", "pékin")),
    ("CHN", "adjective", ("chinese", "chinesisch(?:e[nmrs]?)?", "chinois(?:es?)?")),
    ("PRK", "metonym", ("pyongyang", "pjöngjang")),
    ("UKR", "adjective", ("ukrainian", "ukrainisch(?:e[nmrs]?)?", "ukrainiens?")),
    ("ORG:UN", "organisation", ("united nations", "vereinten nationen", "nations unies", "un")),
    ("ORG:ASEAN", "organisation", ("asean",)),
    ("ORG:EU", "organisation", ("european union", "europäische union", "union européenne", "eu")),
    ("ORG:NATO", "organisation", ("nato", "otan")),
)
# Names that are also ordinary words or too ambiguous to match case-insensitively.
_CASE_SENSITIVE = frozenset({"un", "eu", "china", "turkey", "chad", "jordan", "georgia"})


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """A compiled matcher: one regex alternation, plus the code and kind of every alternative."""

    pattern: re.Pattern[str]
    entries: tuple[tuple[str, str], ...]  # index = regex group number - 1


def _cldr_names() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for lang in LANGUAGES:
        territories = Locale.parse(lang).territories
        for country in pycountry.countries:
            name = territories.get(country.alpha_2)
            if name:
                # German genitive: "Myanmars", "Russlands"
                rows.append((country.alpha_3, "name", re.escape(name.lower()) + "(?:s)?"))
    return rows


def load_gazetteer() -> Gazetteer:
    """Build the gazetteer; call once per process, it compiles a large regex."""
    rows = _cldr_names() + [(code, kind, form) for code, kind, forms in _EXTRA for form in forms]
    # Longest alternatives first, so "papua new guinea" wins over "guinea".
    rows.sort(key=lambda r: -len(r[2]))
    seen: set[str] = set()
    groups: list[str] = []
    entries: list[tuple[str, str]] = []
    for code, kind, form in rows:
        if form in seen:
            continue
        seen.add(form)
        body = form if form not in _CASE_SENSITIVE else f"(?-i:{form.upper() if len(form) <= 3 else form.title()})"
        groups.append(f"({body})")
        entries.append((code, kind))
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(groups) + r")(?![\w]|\.\w)", re.IGNORECASE)
    return Gazetteer(pattern=pattern, entries=tuple(entries))
