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
  - congo, korea: kept here, resolved per article by ``tagger._resolve`` (COD or COG,
    KOR or PRK) from the unambiguous mentions around them;
  - mali: the Italian plural noun (i mali, mali estremi: evils);
  - brussels: the EU's seat, unless the text names Belgium (belge, Belgian, belgisch) too.
Rules applied to office holders named by surname alone: ``someone_else``. Applied to names of
another language than the article's: ``foreign_first_name`` (Mauricio Macri).
Publication and company names (Washington Post, Air India) are blockers in names.tsv: the
longest match consumes them, so no rule is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from wirewatch.core.countries.matching import Candidate
from wirewatch.core.countries.normalize import strip_accents


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOMAIN_AFTER = re.compile(r"\.[a-z]{2,6}(?![\w.])")
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'-]*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w'.-]*)[ \u00a0]+$")
_WINDOW = 300

_HONORIFICS = _words("mr mrs ms dr herr frau m. mme sr sra sig mr. mrs. ms. dr. sen. rep. gov. st. saint san")
# Capitalised words that follow a country's name without making it a person's name.
# Offices and honorifics before a surname that keep it the office holder (Präsident Putin,
# Mr Starmer); German compounds end in one of ``_TITLE_HEADS`` (Kremlchef, Regierungschef).
_TITLES = _HONORIFICS | _words(
    "president präsident président presidente prezydent prime minister ministre ministro ministerin premier "
    "premiere premierminister kanzler kanzlerin chancellor chancelier canciller cancelliere leader chef chief "
    "secretary secrétaire secretario segretario sekretär state staats estado king könig roi rey re queen "
    "emir sheikh crown prince prinz vice vize vizepräsident senator sénateur senador senatore spokesman "
    "sprecher porte-parole portavoz portavoce envoy counterpart homologue homólogo omologo amtskollege "
    "general dictator diktator autocrat autokrat strongman führer machthaber staatschef regierungschef "
    "mandatario mandataria mandatário jefe jefa líder lider dirigente dirigeant capo republic république "
    "república repubblica état etat l'état l'etat "
    "kremlchef government gouvernement gobierno governo regierung kabinett cabinet administration team era ära "
    "президент премьер министр глава лидер"
)
_TITLE_HEADS = ("chef", "präsident", "minister", "ministerin", "kanzler", "führer", "haber", "kollege", "sprecher")
# Capitalised words that open a sentence or a clause rather than name a person.
_NOT_NAMES = _words(
    "the a an and but when while after before as if so then now today yesterday also meanwhile however "
    "monday tuesday wednesday thursday friday saturday sunday der die das und aber als wenn dann heute "
    "gestern auch nun le la les et mais quand puis aujourd'hui hier el los las y pero cuando hoy ayer "
    "il lo gli e ma quando oggi ieri o os mas quando het de en maar toen in on at for with by from to of "
    "about against under mit von für bei nach vor gegen über zu auch doch laut selon pour avec según para "
    "con secondo per da su tra afterwards later earlier instead still yet thus there here only even once since "
    "until although though because whether where why how what who whom both neither either nor like unlike "
    "despite during following including via ensuite puis alors depuis malgré après avant después luego "
    "entonces también tras antes poi dopo anche allora mentre prima inoltre então depois também ainda "
    "daarna ook toen"
)
_IT_PLURAL = _words("i dei dai ai coi sui tanti molti troppi pochi due tre quei questi quali altri nuovi vecchi tutti")
_IT_EVILS = _words(
    "estremi minori maggiori peggiori necessari comuni oscuri antichi cronici endemici sociali moderni del dell' "
    "della di che"
)
_BELGIAN = ("belg", "bélg", "бельги", "wallon", "flemish", "flamand", "flämisch", "vlaams", "flandre", "flander")
_JORDAN_ELSEWHERE = frozenset({"de", "fr", "es", "it", "pt", "nl", "pl"})
_GERMAN_NOUN_ENDINGS = (
    "ung", "heit", "keit", "schaft", "en", "er", "e", "ion", "tät", "ismus", "um", "chen", "nis", "ei", "ik", "tur",
    "ment", "ie", "el", "ern", "ten", "zeug", "werk", "land", "amt", "rat", "geld", "staat", "zeit", "mann",
)  # fmt: skip
_ADJECTIVE_ENDINGS = (
    "ed", "ing", "ful", "ive", "ous", "ant", "ent", "al", "ic", "y", "less", "ish", "ble", "ico", "ica", "oso", "osa",
    "ado", "ada", "ido", "ida", "ante", "ente", "ivo", "iva", "eux", "euse", "que", "é", "ée", "ig", "lich", "isch",
)  # fmt: skip
_DETERMINERS = _words("the a an der die das dem den des le la les l' un une el los las il lo gli o os het")
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
_PRICES = _words("price prices cost costs sales shortage shortages supply supplies")  # of the bird before a feast
_FEASTS = ("thanksgiving", "christmas", "poultry", "holiday meal", "feast")
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
    other: str = ""  # the other field: for the title its body, for the body its title
    match_ends: frozenset[int] = frozenset()  # where the field's other matches end


def _next_word(ctx: Context, c: Candidate) -> str:
    m = _NEXT_WORD.match(ctx.text, c.end)
    return m.group(1) if m else ""


def _prev_word(ctx: Context, c: Candidate) -> str:
    m = _PREV_WORD.search(ctx.text, max(0, c.start - 40), c.start)
    return m.group(1) if m else ""


def _prev_word_before(ctx: Context, c: Candidate, prev: str) -> str:
    m = _PREV_WORD.search(ctx.text, max(0, c.start - 60), c.start - len(prev) - 1)
    return m.group(1) if m else ""


def foreign_first_name(ctx: Context, c: Candidate) -> bool:
    """A name of another language than the article's, followed by a capitalised word, is a
    person's first name (Mauricio Macri is no Mauritius in English)."""
    if c.entry.kind != "name" or not c.entry.langs or ctx.lang is None or ctx.lang in c.entry.langs:
        return False
    nxt = _next_word(ctx, c)
    return ctx.field == "body" and nxt[:1].isupper() and not nxt.isupper() and nxt.lower() not in _AFTER_COUNTRY


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
    if ctx.text[c.start : c.stem_end] == "Jordan" and ctx.lang in _JORDAN_ELSEWHERE:
        return True  # these languages write the kingdom Jordanien, Jordanie, Jordania: Jordan is the river
    nxt = _next_word(ctx, c)
    if not nxt or not nxt[0].isupper() or nxt.lower() in _AFTER_COUNTRY or nxt.isupper():
        return False
    if ctx.field == "title":  # Title Case: a person only when the body names them too
        return _named_in(ctx.other, ctx.text[c.start : c.end], nxt)
    if ctx.lang == "de":  # every noun is capitalised: a surname is no German noun and follows a noun
        noun = nxt.lower().endswith(_GERMAN_NOUN_ENDINGS)
        return not noun and (_prev_word(ctx, c)[:1].isupper() or _named_in(ctx.text, ctx.text[c.start : c.end], nxt))
    return True


def _named_in(body: str, first: str, last: str) -> bool:
    """``first last`` in ``body``, or ``last`` alone inside a sentence there (… said Smith): a
    capitalised word opening a sentence may be any word (Votes were counted)."""
    return f"{first} {last}" in body or re.search(rf"(?<=[\w,] ){re.escape(last)}\b", body) is not None


def _window(ctx: Context, c: Candidate) -> str:
    return ctx.lower[max(0, c.start - _WINDOW) : c.end + _WINDOW]


def _georgia(ctx: Context, c: Candidate) -> bool:
    if ctx.lang == "de" and ctx.text[c.start : c.end] == "Georgia":
        return True  # German writes the country Georgien; Georgia is the state
    around = _window(ctx, c) + " " + ctx.other[: 2 * _WINDOW].lower()  # and the title or the body
    us = sum(cue in around for cue in _US_CUES)
    geo = sum(cue in around for cue in _GEO_CUES)
    return us > geo


def _turkey(ctx: Context, c: Candidate) -> bool:
    nxt, prev = _next_word(ctx, c).lower(), _prev_word(ctx, c).lower()
    feast = any(cue in _window(ctx, c) for cue in _FEASTS)
    return (
        nxt in _FOOD
        or (feast and nxt in _PRICES)
        or (prev in _BIRD_BEFORE and prev not in ("a", "the"))
        or (prev in ("a", "the") and ctx.text[c.start].islower())
    )


def _niger(ctx: Context, c: Candidate) -> bool:
    return _next_word(ctx, c).lower() in _RIVER or _prev_word(ctx, c).lower() in _RIVER


def _american(ctx: Context, c: Candidate) -> bool:
    if strip_accents(ctx.lower[c.start : c.end]) in ("americas", "ameriques"):
        return True  # the Americas, les Amériques, las Américas: the continents
    prev = _prev_word(ctx, c).lower().strip("-")
    nxt = _next_word(ctx, c).lower()
    glued = ctx.lower[max(0, c.start - 6) : c.start]
    return prev in _CONTINENTAL or nxt in _CONTINENTAL or glued.endswith(("latin-", "south-", "north-", "pan-"))


def _brussels(ctx: Context, c: Candidate) -> bool:
    """Brussels mostly stands for the EU; it is Belgium's capital when the text names Belgium too."""
    return not any(cue in ctx.lower or cue in ctx.other.lower() for cue in _BELGIAN)


def _mali(ctx: Context, c: Candidate) -> bool:
    """Italian mali are evils: the country takes il/del/in, the evils plurals (i mali, mali estremi)."""
    if ctx.lang != "it":
        return False
    return _prev_word(ctx, c).lower() in _IT_PLURAL or _next_word(ctx, c).lower() in _IT_EVILS


def _porcelain(ctx: Context, c: Candidate) -> bool:
    return ctx.text[c.start].islower() and ctx.lang != "es"  # la economía china


def _not_english(ctx: Context, c: Candidate) -> bool:
    # Island (Iceland), Chili (Chile), Reunion: English words too, unless written with the accent.
    # With the language unknown they count: the text may well be French or German.
    return ctx.lang == "en" and ctx.text[c.start : c.end].isascii()


_RULES: Mapping[str, Callable[[Context, Candidate], bool]] = MappingProxyType(
    {
        "not_english": _not_english,
        "porcelain": _porcelain,
        "georgia": _georgia,
        "first_name": _first_name,
        "turkey": _turkey,
        "niger": _niger,
        "american": _american,
        "mali": _mali,
        "brussels": _brussels,
    }
)


def someone_else(ctx: Context, c: Candidate) -> bool:
    """A surname named alone belongs to someone else after a given name (Francesca Albanese,
    Daniil Medvedev) or after an article and a role that is no office (el portero Rubio).
    Titles (President, Kanzler, Mr), acronyms (US) and possessives (Russia's) keep it."""
    if " " in ctx.text[c.start : c.end]:
        return False  # a full name: the longest match already chose it
    prev = _prev_word(ctx, c)
    low = prev.lower()
    if low in ctx.given_names:
        return True
    if not prev or _is_title(low) or prev.isupper() or low.endswith(("'s", "’s")):
        return False
    if _end_before(ctx, c.start) in ctx.match_ends:
        return False  # a country before the surname: prezydent Rosji Putin, президент России Путин
    if ctx.field == "title" and f"{prev} {ctx.text[c.start : c.end]}" in ctx.other:
        return True  # the body repeats the full name of someone else (Jay Carney)
    if prev[0].isupper():  # Title Case headlines and German nouns: only given names count there
        before = _end_before(ctx, _end_before(ctx, c.start) - len(prev))
        opens = before == 0 or not ctx.text[before - 1].isalnum()  # the sentence or the text starts there
        latin = prev.isascii() or "a" <= strip_accents(prev[0].lower()) <= "z"
        return ctx.field == "body" and ctx.lang != "de" and low not in _NOT_NAMES and (latin or not opens)
    # the embattled Netanyahu, el polémico Bolsonaro; German writes every noun capitalised
    adjective = low.endswith(_ADJECTIVE_ENDINGS) or ctx.lang == "de"
    return not adjective and _prev_word_before(ctx, c, prev).lower() in _DETERMINERS


def _end_before(ctx: Context, start: int) -> int:
    """Where the text before ``start`` ends once the spaces before ``start`` are skipped."""
    window = ctx.text[max(0, start - 40) : start]
    return start - (len(window) - len(window.rstrip()))


def _is_title(low: str) -> bool:
    parts = low.split("-")  # President-elect, ex-President, US-Präsident, expresidente
    return any(
        word in _TITLES or word.endswith(_TITLE_HEADS)
        for p in (parts[0], parts[-1])
        for word in (p, p[2:] if p.startswith("ex") else p)
    )


def rejected(ctx: Context, c: Candidate) -> bool:
    """True when the candidate does not refer to the country or organisation it names."""
    if c.entry.kind == "blocker":
        return True
    if c.entry.kind == "person":
        return someone_else(ctx, c)
    if is_web_name(ctx, c) or after_given_name(ctx, c) or foreign_first_name(ctx, c):
        return True
    rule = _RULES.get(c.entry.rule)
    return rule is not None and rule(ctx, c)
