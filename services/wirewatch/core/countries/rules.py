"""Disambiguation rules: when a matched name does not refer to the country.

Each rule is a small predicate over a candidate and its context; ``rules.tsv`` names the
rule that applies to a surface (Georgia → ``georgia``). Rules applied to every match:
  - web: a name glued to a domain (``Kremlin.ru``, ``LA.lv``, ``@kremlin``) is a source;
  - given name: a place name right after a first name is a surname (Michael Jordan,
    Jack London, François Hollande, George Washington).
Rules named in rules.tsv:
  - georgia: the US state when the context names US places or politics, or the text is German;
  - first_name: Jordan, Chad, Israel, … followed by a capitalised surname are a person;
  - turkey: the bird before food words or after roast/stuffed;
  - niger: the river next to river words;
  - not_english: names of other languages that are English words (Island, Chili);
  - porcelain: lower-case china outside Spanish (where it is the feminine adjective);
  - american: the continent after Latin/South/North/Central or before continent words;
  - congo, korea: kept here, resolved per article in ``resolve_ambiguous`` (COD or COG,
    KOR or PRK) from the unambiguous mentions around them.
Publication and company names (Washington Post, Air India) are blockers in names.tsv: the
longest match consumes them, so no rule is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wirewatch.core.countries.matching import Candidate


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOMAIN_AFTER = re.compile(r"\.[a-z]{2,6}(?![\w.])")
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'-]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w'.-]*)[ \u00a0]+$")
_WINDOW = 300

_HONORIFICS = _words("mr mrs ms dr herr frau m. mme sr sra sig mr. mrs. ms. dr. sen. rep. gov. st. saint san")
# Capitalised words that follow a country's name without making it a person's name.
_AFTER_COUNTRY = _words(
    "president prime minister ministry king queen crown government army armed military embassy foreign "
    "defence defense national state valley river basin lake sea gulf border authorities officials police "
    "parliament central security airways airlines times today news post and or in on at to for with has "
    "have had is was will would said says the of junta forces leader"
)
_FOOD = _words(
    "sandwich sandwiches breast breasts meat dinner roast burger burgers slices leg legs bacon stuffing "
    "gravy farm farms farmers feathers day trot season hunting vulture vultures neck"
)
_BIRD_BEFORE = _words("roast roasted wild thanksgiving stuffed smoked christmas a the")
_RIVER = _words(
    "river delta basin valley bend fluss fleuve rio río fiume rivier nigerdelta inland река реки rzeka rzeki du des"
)
_CONTINENTAL = _words(
    "latin south north central pan inter ibero meso latino latina latine du sud nord centrale del do da "
    "américa continent continents hemisphere continente kontinent americas"
)
_US_CUES = (
    "atlanta",
    "savannah",
    "u.s. state",
    "state of georgia",
    "georgia state",
    "governor",
    "republican",
    "democrat",
    "senate",
    "county",
    "fulton",
    "peach",
    "alabama",
    "florida",
    "tennessee",
    "carolina",
    "bulldogs",
    "ga.",
    "u.s. senator",
    "voters",
    "midterm",
    "primary election",
    "bundesstaat",
    "état de",
)
_GEO_CUES = (
    "tbilisi",
    "caucasus",
    "ossetia",
    "abkhazia",
    "georgian",
    "kobakhidze",
    "saakashvili",
    "zourabichvili",
    "kavelashvili",
    "batumi",
    "sakartvelo",
    "тбилиси",
    "грузи",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may look at: the field's text (original and lower case) and the language."""

    text: str
    lower: str
    lang: str | None
    field: str
    given_names: frozenset[str]


def _next_word(ctx: Context, c: Candidate) -> str:
    m = _NEXT_WORD.match(ctx.text, c.end)
    return m.group(1) if m else ""


def _prev_word(ctx: Context, c: Candidate) -> str:
    m = _PREV_WORD.search(ctx.text, max(0, c.start - 40), c.start)
    return m.group(1) if m else ""


def is_web_name(ctx: Context, c: Candidate) -> bool:
    """``Kremlin.ru``, ``LA.lv``, ``kremlin.ru/events``: a domain, not the state."""
    if _DOMAIN_AFTER.match(ctx.text, c.end):
        return True
    if c.start == 0:
        return False
    before = ctx.text[c.start - 1]
    return before in "@/" or (before == "." and c.start > 1 and ctx.text[c.start - 2].isalnum())


def after_given_name(ctx: Context, c: Candidate) -> bool:
    """``Michael Jordan``, ``Jack London``: the name is a surname."""
    prev = _prev_word(ctx, c)
    low = prev.lower()
    return bool(prev) and prev[0].isupper() and (low in ctx.given_names or low in _HONORIFICS)


def _first_name(ctx: Context, c: Candidate) -> bool:
    if ctx.field == "title" or ctx.lang == "de":
        return False  # titles are often in Title Case; German capitalises every noun
    nxt = _next_word(ctx, c)
    return bool(nxt) and nxt[0].isupper() and nxt.lower() not in _AFTER_COUNTRY and not nxt.isupper()


def _window(ctx: Context, c: Candidate) -> str:
    return ctx.lower[max(0, c.start - _WINDOW) : c.end + _WINDOW]


def _georgia(ctx: Context, c: Candidate) -> bool:
    if ctx.lang == "de" and ctx.text[c.start : c.end] == "Georgia":
        return True  # German writes the country Georgien; Georgia is the state
    around = _window(ctx, c)
    us = sum(cue in around for cue in _US_CUES)
    geo = sum(cue in around for cue in _GEO_CUES)
    return us > geo


def _turkey(ctx: Context, c: Candidate) -> bool:
    nxt, prev = _next_word(ctx, c).lower(), _prev_word(ctx, c).lower()
    return (
        nxt in _FOOD
        or (prev in _BIRD_BEFORE and prev not in ("a", "the"))
        or (prev in ("a", "the") and ctx.text[c.start].islower())
    )


def _niger(ctx: Context, c: Candidate) -> bool:
    return _next_word(ctx, c).lower() in _RIVER or _prev_word(ctx, c).lower() in _RIVER


def _american(ctx: Context, c: Candidate) -> bool:
    prev = _prev_word(ctx, c).lower().strip("-")
    nxt = _next_word(ctx, c).lower()
    glued = ctx.lower[max(0, c.start - 6) : c.start]
    return prev in _CONTINENTAL or nxt in _CONTINENTAL or glued.endswith(("latin-", "south-", "north-", "pan-"))


def _porcelain(ctx: Context, c: Candidate) -> bool:
    return ctx.text[c.start].islower() and ctx.lang != "es"  # la economía china


def _not_english(ctx: Context, c: Candidate) -> bool:
    # Island (Iceland), Chili (Chile), Reunion: English words too, unless written with the accent.
    # With the language unknown they count: the text may well be French or German.
    return ctx.lang == "en" and ctx.text[c.start : c.end].isascii()


_RULES: dict[str, Callable[[Context, Candidate], bool]] = {
    "not_english": _not_english,
    "porcelain": _porcelain,
    "georgia": _georgia,
    "first_name": _first_name,
    "turkey": _turkey,
    "niger": _niger,
    "american": _american,
}


def rejected(ctx: Context, c: Candidate) -> bool:
    """True when the candidate does not refer to the country or organisation it names."""
    if c.entry.kind in ("blocker", "person"):
        return c.entry.kind == "blocker"
    if is_web_name(ctx, c) or after_given_name(ctx, c):
        return True
    rule = _RULES.get(c.entry.rule)
    return rule is not None and rule(ctx, c)
