"""Read the gazetteer's sources into ``Form`` records: CLDR via babel and ``data/*.tsv``.

File formats (tab-separated, ``#`` starts a comment):
  names.tsv      CODE  KIND  LANG  FORMS      CODE may join two codes with "|" (both Koreas);
                                              KIND: name | metonym | institution | organisation |
                                              blocker; LANG: a language code or ``*``; FORMS are
                                              comma-separated; ``=FORM`` must match with its exact case
  demonyms.tsv   CODE  en  de  fr  es  it  pt  nl  pl  ru   base forms, comma-separated, ``-`` for none
  people.tsv     CODE  ROLE  FROM  TO  NAMES  ALONE      TO empty: in office on the ``# as_of:`` date;
                                              ALONE: surname forms that name the person by themselves
  rules.tsv      SURFACE  RULE                 disambiguation rule for a surface (see ``rules``)
  given_names.txt                              first names, one per line (person-name rule)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import pycountry
from babel import Locale

from wirewatch.core.countries.inflection import Stem, adjective_stems, name_stems
from wirewatch.core.countries.normalize import lower_aligned, strip_accents

# CLDR locales read for country names: the most used languages of news on the web.
LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar", "zh", "zh_Hant", "ja", "ko", "tr", "fa",
    "hi", "id", "ms", "vi", "th", "sv", "da", "nb", "fi", "cs", "sk", "hu", "ro", "el", "bg", "sr", "hr", "sl",
    "he", "ur", "bn", "ca", "lt", "lv", "et", "sw",
)  # fmt: skip
# Codes whose CLDR names are ambiguous or composite ("Congo - Kinshasa"); names.tsv covers them.
_CURATED_ONLY = frozenset({"COD", "COG"})
# Surnames written in Latin letters take Slavic case endings in Polish, Czech, Slovak, Croatian
# texts (Zełenskim, Putinem, Lavrovem); short ones do not, or Xi would match Xia.
_SURNAME_ENDINGS = frozenset(
    {"", "s", "m", "a", "u", "e", "y", "i", "em", "om", "ie", "owi", "ovi", "im", "ym", "ego", "emu"}
)
_MIN_DECLINED_SURNAME = 5
_MIN_LATIN_LENGTH = 4  # shorter CLDR names in Latin script are too often ordinary words (Nga, Séc)


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form as a source gives it, before inflection."""

    code: str
    kind: str
    lang: str  # language code, or "*" for a form used across languages
    text: str
    case: str = "cap"
    period: tuple[int, int] = (0, 0)

    def stems(self) -> list[Stem]:
        """The automaton stems of this form (see ``inflection``)."""
        low = lower_aligned(self.text)
        if self.case == "exact":
            return [Stem(low, frozenset({"", "s"}))]
        if self.kind == "adjective":
            return adjective_stems(low, self.lang)
        if self.kind in ("name", "metonym", "institution", "organisation") and self.lang != "*":
            return name_stems(low, self.lang)
        if self.kind == "person" and self.lang not in ("*", "en"):
            return name_stems(low, self.lang)
        if self.kind == "person" and len(low) >= _MIN_DECLINED_SURNAME:
            return [Stem(low, _SURNAME_ENDINGS)]
        return [Stem(low, frozenset({"", "s"}))]


def _data(name: str) -> str:
    return resources.files("wirewatch.core.countries").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name).splitlines() if line.strip() and not line.startswith("#")]


def _split_cldr(name: str) -> list[str]:
    """ "Myanmar (Burma)" → both; "Bosnia - Herzegovina", "Hong Kong, SAR …" → the first part too.

    A bracketed acronym is a qualifier, not another name: "Виргинские о-ва (США)" is not the USA.
    """
    parts = [p.strip() for p in re.split(r"[()（）]", name) if p.strip()]
    parts = [p for i, p in enumerate(parts) if i == 0 or not p.isupper()]
    for part in list(parts):
        head = re.split(r" - |, |، ", part)[0].strip()
        if head != part and len(head) >= _MIN_LATIN_LENGTH:
            parts.append(head)
    return [p for p in parts if not re.fullmatch(r"[\W\d]*", p)]


def _cldr_case(text: str) -> str:
    """Short Latin-script names (Nga, Mỹ, Đức) match only exactly as written: as plain
    lower-case words they are everyday words in other languages. Names CLDR writes in
    lower case (eSwatini) match in any case; the rest must start with a capital."""
    if len(strip_accents(text)) < _MIN_LATIN_LENGTH and strip_accents(text).isascii():
        return "exact"
    return "cap" if text[:1] == text[:1].upper() else "any"


def cldr_forms(languages: tuple[str, ...]) -> list[Form]:
    """Country names from CLDR for every ISO 3166-1 country, in every language given."""
    forms: list[Form] = []
    countries = [(c.alpha_2, c.alpha_3) for c in pycountry.countries if c.alpha_3 not in _CURATED_ONLY]
    for locale_name in languages:
        territories = Locale.parse(locale_name).territories
        lang = locale_name.split("_")[0]
        for alpha2, alpha3 in countries:
            for part in _split_cldr(territories.get(alpha2, "")):
                if " - " not in part:
                    forms.append(Form(alpha3, "name", lang, part, _cldr_case(part)))
    return forms


def _case_of(text: str) -> tuple[str, str]:
    if text.startswith("="):
        return text[1:], "exact"
    return text, ("cap" if text[:1].isupper() else "any")


def curated_forms() -> list[Form]:
    """Forms from names.tsv (names, metonyms, institutions, organisations, blockers)."""
    forms: list[Form] = []
    for code, kind, lang, texts in _rows("names.tsv"):
        for raw in texts.split(","):
            text, case = _case_of(raw.strip())
            if text:
                forms.append(Form("" if code == "-" else code, kind, lang, text, case))
    return forms


def demonym_forms() -> list[Form]:
    """Adjectives and demonyms from demonyms.tsv, one Form per language and base form."""
    rows = _rows("demonyms.tsv")
    header = [h.strip() for h in _data("demonyms.tsv").splitlines()[0].lstrip("# ").split("\t")]
    forms: list[Form] = []
    for row in rows:
        for lang, cell in zip(header[1:], row[1:], strict=False):
            for raw in cell.split(","):
                text, case = _case_of(raw.strip())
                if text and text != "-":
                    forms.append(Form(row[0], "adjective", lang, text, case))
    return forms


def _year(cell: str, default: int) -> int:
    return int(cell) if cell.strip() else default


def people_forms() -> tuple[list[Form], str]:
    """Office holders from people.tsv and the file's "as of" date."""
    lines = _data("people.tsv").splitlines()
    as_of = next(line.split("as_of:", 1)[1].strip() for line in lines if "as_of:" in line)
    forms: list[Form] = []
    for code, _role, start, end, names, alone in _rows("people.tsv"):
        period = (_year(start, 0), _year(end, 9999))
        for raw in [*names.split(","), *alone.split(",")]:
            text, case = _case_of(raw.strip())
            if text and text != "-":
                lang = "ru" if re.search("[\u0400-\u04ff]", text) else "*"
                forms.append(Form(code, "person", lang, text, case, period))
    return forms, as_of


def read_forms(languages: tuple[str, ...] | None = None) -> tuple[list[Form], str, tuple[str, ...]]:
    """Every form from every source, the office holders' "as of" date, and the CLDR languages."""
    langs = languages or LANGUAGES
    people, as_of = people_forms()
    return cldr_forms(langs) + curated_forms() + demonym_forms() + people, as_of, langs


def read_rules() -> dict[str, str]:
    """Surface (lower case, no accents) → disambiguation rule name."""
    return {surface.strip(): rule.strip() for surface, rule in _rows("rules.tsv")}


def read_given_names() -> frozenset[str]:
    """First names (lower case) that mark a following country name as part of a person's name."""
    lines = _data("given_names.txt").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))
