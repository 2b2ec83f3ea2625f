"""Inflection by rule: a surface form becomes a stem plus the endings it may take.

The automaton holds stems; after a stem matches, the rest of the word must be one of
the stem's endings (compared without accents). This covers German genitives
(Russlands), Slavic cases (России, Rosji), Romance agreement (rusas, birmane) and
German adjective endings (russischen) without listing every form. Agglutinative
languages (Finnish, Hungarian, Turkish, Korean, …) accept any short suffix instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

SLAVIC = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "pl", "cs", "sk", "hr", "sl", "bs"})
# Suffixing languages where a name takes case endings we do not enumerate.
OPEN_SUFFIX = MappingProxyType(
    {
        "fi": 6,
        "et": 5,
        "hu": 7,
        "tr": 6,
        "az": 6,
        "uz": 6,
        "kk": 6,
        "lt": 4,
        "lv": 4,
        "ko": 4,
        "ro": 4,
        "sq": 3,
        "el": 2,
        "ar": 3,
        "he": 2,
        "fa": 3,
        "ur": 3,
        "hy": 4,
        "ka": 4,
        "ga": 1,
    }
)
# Scripts written without spaces: match anywhere, no word boundaries.
NO_BOUNDARY = frozenset({"zh", "ja", "th", "my", "km", "lo"})
# Languages whose clitics (and, the, in, to) are written attached before the word.
CLITIC_PREFIX = MappingProxyType({"ar": "وبلفكال", "he": "הובלמשכ"})

_NAME_ENDINGS = MappingProxyType(
    {
        "en": ("", "s"),
        "de": ("", "s", "es"),
        "nl": ("", "s"),
        "sv": ("", "s"),
        "da": ("", "s"),
        "nb": ("", "s"),
        "no": ("", "s"),
        "is": ("", "s"),
    }
)
_CYRILLIC_ENDINGS = (
    "",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "и",
    "ы",
    "ой",
    "ей",
    "ом",
    "ем",
    "ею",
    "ою",
    "ах",
    "ях",
    "ам",
    "ям",
    "ами",
    "ями",
    "ии",
    "ию",
    "ией",
    "ь",
    "ью",
    "і",
    "ії",
    "ією",
    "ію",
    "о",
    "ої",
    "ій",
)
_LATIN_SLAVIC_ENDINGS = (
    "",
    "a",
    "e",
    "i",
    "o",
    "u",
    "y",
    "em",
    "om",
    "ou",
    "ie",
    "ii",
    "ia",
    "iu",
    "ej",
    "ach",
    "ami",
    "owi",
    "ego",
    "emu",
    "ym",
    "ich",
    "iej",
    "im",
    "ji",
    "ju",
    "jo",
    "ije",
    "ja",
    "je",
    "iji",
)
_CYRILLIC_STRIP = ("ия", "ія", "ая", "ий", "ый", "ой", "а", "я", "ы", "ь", "й")
# Case forms tried for the inner words of multi-word Slavic names (Северной Кореи, Korei Północnej).
_CYRILLIC_INNER = ("ой", "ую", "ого", "ом", "ии", "и", "е")
_LATIN_INNER = ("ej", "a", "i", "e", "y", "iej")
_SOFT = MappingProxyType({"ś": "s", "ć": "c", "ń": "n", "ź": "z"})
_MIN_STEM = 4
_MIN_ADJECTIVE_STEM = 3  # ruso → rus-a, -os, -as  # shorter stems would match the start of too many unrelated words
_LATIN_STRIP = ("ija", "ia", "ja", "ie", "a", "o", "e", "y")
_VOWELS = frozenset("aouáóúаоуэ")  # Samoa, Papua, Самоа: a vowel before -a means a borrowed, undeclined name


@dataclass(frozen=True, slots=True)
class Stem:
    """What goes into the automaton for one surface form."""

    stem: str
    endings: frozenset[str]
    open_suffix: int = 0  # > 0: any suffix up to this many letters is accepted


def _fixed(stem: str, endings: tuple[str, ...]) -> Stem:
    return Stem(stem, frozenset(endings))


def _slavic_word(word: str) -> tuple[str, tuple[str, ...]]:
    """Stem and case endings of one word of a Slavic name. Borrowed names ending in -o, -u, -i,
    -e or a vowel + a (Того, Peru, Mali, Самоа) do not decline: they keep their form."""
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    if word[-1:] in _SOFT and len(word) > _MIN_STEM:
        base = _SOFT[word[-1]]  # Białoruś → Białorusi: the soft sign turns into -si-
        return word[:-1], tuple(base + e for e in ("", "i", "ia", "ie", "iu"))
    strip = _CYRILLIC_STRIP if cyrillic else _LATIN_STRIP
    endings = _CYRILLIC_ENDINGS if cyrillic else _LATIN_SLAVIC_ENDINGS
    for tail in strip:
        stem = word[: -len(tail)]
        if word.endswith(tail) and len(stem) >= _MIN_STEM and _declines(stem, tail):
            return stem, (tail, *endings)  # the nominative ending itself, too
    return word, endings


def _declines(stem: str, tail: str) -> bool:
    if tail in ("a", "а", "я", "y", "ы"):
        return stem[-1] not in _VOWELS
    if tail in ("o", "е", "e"):
        return stem.endswith(("sk", "ck", "čk"))  # Czech and Slovak -sko/-cko names: Rusko, Německo
    return True


def _slavic_name(form: str) -> list[Stem]:
    """Each word of a Slavic name inflects. Inner words get a few concrete case forms, one
    word at a time and all words in the same case slot, never the full product."""
    words = form.split(" ")
    last_stem, endings = _slavic_word(words[-1])
    if len(words) == 1:
        return [_fixed(last_stem, endings)]
    inner = [_inner_forms(word) for word in words[:-1]]
    heads = {" ".join(words[:-1])}
    for i, forms in enumerate(inner):
        heads.update(" ".join([*words[:i], f, *words[i + 1 : -1]]) for f in forms)
    for slot in range(max(len(forms) for forms in inner)):
        heads.add(" ".join(forms[min(slot, len(forms) - 1)] for forms in inner))
    return [_fixed(f"{head} {last_stem}", endings) for head in sorted(heads)]


def _inner_forms(word: str) -> list[str]:
    stem, _ = _slavic_word(word)
    if stem == word:
        return [word]
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    return [word, *(stem + e for e in (_CYRILLIC_INNER if cyrillic else _LATIN_INNER))]


def _virile_plural(form: str, lang: str) -> list[Stem]:
    """Polish -ski/-cki adjectives alternate in the masculine personal plural (polski → polscy)."""
    if lang == "pl" and form.endswith(("ski", "cki")):
        return [_fixed(form[:-3] + ("scy" if form.endswith("ski") else "ccy"), ("",))]
    return []


def _german_name(form: str) -> list[Stem]:
    """German names ending in -e take -n in the dative plural (in den Niederlanden, den Emiraten);
    the adjectives of multi-word names decline (der Vereinigten Arabischen Emirate), all alike."""
    words = form.split(" ")
    endings = ("", "s", "es", "n") if words[-1].endswith("e") else ("", "s", "es")
    heads = {" ".join(words[:-1])}
    for ending in _ADJ_DE[1:]:
        heads.add(" ".join(_german_inner(word, ending) for word in words[:-1]))
    return [_fixed(f"{head} {words[-1]}".strip(), endings) for head in sorted(heads)]


def _german_inner(word: str, ending: str) -> str:
    for tail in ("es", "er", "en", "em", "e"):
        if word.endswith(tail) and len(word) - len(tail) >= _MIN_STEM:
            return word[: -len(tail)] + ending
    return word


def name_stems(form: str, lang: str) -> list[Stem]:
    """Stems for a country name in ``lang`` (lower-case form)."""
    if lang == "de":
        return _german_name(form)
    if lang in SLAVIC:
        return _slavic_name(form)
    if lang in OPEN_SUFFIX:
        stems = [Stem(form, frozenset({""}), OPEN_SUFFIX[lang])]
        if lang in ("fi", "et") and form.endswith("i") and len(form) > _MIN_STEM:
            stems.append(Stem(form[:-1] + "e", frozenset({""}), OPEN_SUFFIX[lang]))  # Suomi → Suomessa
        return stems
    return [_fixed(form, _NAME_ENDINGS.get(lang, ("", "s")))]


def adjective_stems(form: str, lang: str) -> list[Stem]:
    """Stems for an adjective or demonym given in its base (masculine singular) form."""
    rule = _ADJECTIVE_RULES.get(lang)
    if rule is None:
        return name_stems(form, lang)
    for tail, keep, endings in rule:
        if form.endswith(tail) and len(form) - len(tail) >= _MIN_ADJECTIVE_STEM:
            stem = form[: len(form) - len(tail)] + keep
            return [_fixed(stem, endings), *_virile_plural(form, lang)]
    return [_fixed(form, rule[-1][2])]


_ADJ_DE = ("", "e", "en", "em", "er", "es")
_ADJ_RU = ("ий", "ая", "ое", "ие", "ого", "ой", "ому", "им", "их", "ими", "ую", "ом", "ый", "ые", "ым", "ых", "ыми")
_ADJ_PL = ("i", "a", "ie", "iego", "iej", "im", "ich", "imi", "iemu", "y", "e", "ego", "ej", "ym", "ych", "ymi")
_ADJ_CS = ("y", "a", "e", "eho", "em", "emu", "ou", "ych", "ym", "ymi", "u", "i", "ej", "eho")
# (ending of the base form, what of it stays in the stem, endings the stem takes); first match wins,
# the last row is the default.
_ADJECTIVE_RULES: Mapping[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = MappingProxyType(
    {
        "en": (("", "", ("", "s")),),
        "de": (
            ("isch", "isch", _ADJ_DE),
            ("sch", "sch", _ADJ_DE),  # deutsch: the one German nationality adjective without -isch
            ("e", "", ("e", "en", "in", "innen")),
            ("er", "er", ("", "n", "in", "innen")),
            ("", "", ("", "en", "in", "innen", "s")),
        ),
        "fr": (
            ("en", "en", ("", "ne", "s", "nes")),
            ("e", "e", ("", "s")),
            ("s", "s", ("", "e", "es")),
            ("", "", ("", "e", "s", "es")),
        ),
        "es": (
            ("o", "", ("o", "a", "os", "as")),
            ("és", "", ("es", "esa", "eses", "esas")),
            ("án", "", ("an", "ana", "anes", "anas")),
            ("í", "", ("i", "ies", "is")),
            ("", "", ("", "s", "es")),
        ),
        "it": (
            ("o", "", ("o", "a", "i", "e")),
            ("e", "", ("e", "i")),
            ("a", "", ("a", "i", "e", "he")),
            ("", "", ("",)),
        ),
        "pt": (
            ("ão", "", ("ao", "a", "aes", "as", "aos")),
            ("o", "", ("o", "a", "os", "as")),
            ("ês", "", ("es", "esa", "eses", "esas")),
            ("e", "", ("e", "es")),
            ("í", "", ("i", "is")),
            ("", "", ("", "s")),
        ),
        "nl": (("", "", ("", "e", "en", "s", "sen")),),
        "pl": (
            ("ski", "sk", _ADJ_PL),
            ("cki", "ck", _ADJ_PL),
            ("zki", "zk", _ADJ_PL),
            ("in", "", ("in", "ina", "inowi", "inem", "ie", "", "om", "ami", "ach", "ka", "ki", "ce", "ek")),
            ("", "", ("", "a", "u", "em", "ie", "owie", "ow", "i", "y", "ami", "ka", "ki", "ce")),
        ),
        "ru": (
            ("ий", "", _ADJ_RU),
            ("ый", "", _ADJ_RU),
            ("ой", "", _ADJ_RU),
            ("ин", "", ("ин", "ина", "ину", "ином", "ине", "е", "ам", "ами", "ах", "", "ка", "ки", "ку", "кой")),
            ("", "", ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
        ),
        "cs": (("ý", "", _ADJ_CS),),
        "sk": (("ý", "", _ADJ_CS),),
        "sv": (("", "", ("", "a", "t", "e", "ar", "arna")),),
        "uk": (
            ("ий", "", ("ий", "а", "е", "і", "ого", "ої", "ому", "ій", "им", "их", "ими", "у", "ою")),
            ("", "", ("", "а", "у", "ом", "і", "и", "ів", "ам", "ами", "ах")),
        ),
    }
)
