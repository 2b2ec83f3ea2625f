"""Countries by place: the cities, regions and datelines that locate the news (``by_place``).

"Shelling in Kharkiv" names no country, yet a reader knows it is Ukraine. This module finds the
places of ``data/places.tsv`` (GeoNames cities of 15,000+ inhabitants and ISO 3166-2 regions,
built by ``scripts/build_places.py``) in a text and resolves each to one country. A place name
is far more often something else than a country name is (Essen is a meal, Victoria a woman,
Santiago a dozen cities, Bayern München a football club), so a match must pass, in order:

1. form: a capitalised word run as written (Russian case endings and the German genitive -s
   allowed), not inside a country or organisation mention, not after an article or determiner
   ("das Essen", "the Mobile"), not part of a longer capitalised name ("Washington Post",
   "Real Madrid", "Paris Hilton"), not a first name before a surname or a surname after one;
2. meaning: among the places of that name, one in a country the article names (or a place it
   names resolves to) wins (Paris with France named; Paris, Texas with the United States named);
   failing that, a city of 200,000
   or more that dwarfs its namesakes (Kharkiv, Казань), or a region whose name is its own
   (Bavaria); anything else is left out rather than guessed.

A dateline ("KYIV, March 3 (Reuters) -", "MOSKAU (dpa) -") is read as a place too, in capitals,
and flagged: it says where the news was written, which the focus weighs like a title mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wirewatch.core.model import CountryMention, PlaceMention, Span

BIG_CITY = 200_000  # a city this large is meant when no country is named, if its namesakes are far smaller
DWARFS = 10  # ... at least this many times smaller
_MIN_REGION_NAME = 6
_LONGEST_NAME = 4  # words in the longest place name looked up ("Santiago de los Caballeros")
_DATELINE_REACH = 80  # a dateline sits in the first characters of the body
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁІЇЄЎҐ"
_WORD = rf"[{_UPPER}][^\W\d_]*(?:['’-][^\W\d_]+)*"
_CONNECTOR = r"(?:de|del|da|do|di|la|le|les|am|an|im|der|sur|upon|on|na|en|el)"
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:(?:[^\S\n]+{_CONNECTOR})?[^\S\n]+{_WORD})*")
_DATELINE = re.compile(rf"^\W{{0,3}}([{_UPPER}][{_UPPER}'’ .-]{{2,40}}?)\s*(?:,|\(|—|–|-\s|/)")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: words before a place that say it is a common noun, per language (an article, a determiner)
_DETERMINERS = {
    "de": _set(
        "der die das dem den des ein eine einen einem einer eines kein keine keinen keinem keiner "
        "zum zur beim vom ins ans aufs am im"
    ),
    "en": _set("the a an this that these those"),
    "fr": _set("le la les un une des du au aux ce cette"),
    "es": _set("el la los las un una unos unas al lo este esta"),
    "ru": frozenset(),
}
#: capitalised words that may open a sentence before a place without being part of its name
_OPENERS = _set(
    "in at from near to for on and but as after before since with aus nach bei von vor seit mit im "
    "à a en de dans depuis vers pour au desde hacia para con y por в во из на под над до от к"
)
#: generic words after a place that keep it a place ("Kharkiv Oblast", "Mexico City")
_PLACE_TAILS = _set("Oblast Region Province Governorate District County City State Krai Okrug")
#: Russian case endings, longest first, tried when a Cyrillic word does not match as written
_RU_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах", "ях", "ам", "ям",
               "е", "у", "ю", "а", "я", "ы", "и", "о")  # fmt: skip
_RU_STEM_DROP = "аяоеьйыи"


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the table: its country, population (0 for a region), kind and canonical name."""

    code: str
    population: int
    kind: str  # city | region
    name: str
    common: bool = False  # the name is also a frequent word ("Essen", "Victoria", "Norden")


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """The places by surface as written, by upper-case surface (datelines) and by Russian stem."""

    exact: dict[str, tuple[Place, ...]]
    upper: dict[str, tuple[Place, ...]]
    stems: dict[str, tuple[Place, ...]]
    heads: frozenset[str] = frozenset()  # first words of the names of several words ("New", "Rio")

    def lookup(self, surface: str, lang: str | None) -> tuple[Place, ...]:
        """The places a word run may name, most populous first (inflected forms tried after the exact one)."""
        found = self.exact.get(surface)
        if found:
            return found
        if " " in surface:
            return ()
        if _is_cyrillic(surface):
            lowered = surface.lower()
            for ending in _RU_ENDINGS:
                if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
                    found = self.stems.get(lowered[: -len(ending)])
                    if found:
                        return found
            return self.stems.get(lowered, ())
        if lang == "de" and surface.endswith("s") and len(surface) > 4:
            return self.exact.get(surface[:-1], ())  # Münchens, Bayerns
        return ()


def _has_cyrillic(text: str) -> bool:
    """Whether any Cyrillic letter is in ``text`` (its words may then be inflected place names)."""
    return _CYRILLIC.search(text) is not None


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _is_cyrillic(text: str) -> bool:
    return "\u0400" <= text[0] <= "\u04ff"


def _stem(name: str) -> str:
    lowered = name.lower()
    return lowered[:-1] if lowered[-1] in _RU_STEM_DROP else lowered


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """Read ``data/places.tsv`` once per process."""
    exact: dict[str, list[Place]] = {}
    text = resources.files("wirewatch.core.countries").joinpath("data/places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        surface, code, population, kind, name, common = line.split("\t")
        exact.setdefault(surface, []).append(Place(code, int(population), kind, name, common == "1"))
    upper: dict[str, list[Place]] = {}
    stems: dict[str, list[Place]] = {}
    for surface, places in exact.items():
        upper.setdefault(surface.upper(), []).extend(places)
        if _is_cyrillic(surface) and " " not in surface:
            stems.setdefault(_stem(surface), []).extend(places)

    def ranked(table: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
        return {k: tuple(sorted(set(v), key=lambda p: (-p.population, p.code, p.name))) for k, v in table.items()}

    heads = frozenset(surface.split()[0] for surface in exact if " " in surface)
    return PlaceIndex(ranked(exact), ranked(upper), ranked(stems), heads)


def choose(places: tuple[Place, ...], named: frozenset[str], surface: str) -> Place | None:
    """The place meant, given the countries the article names; None when it cannot be told."""
    if not places:
        return None
    in_named = [p for p in places if p.code in named]
    if in_named:
        return max(in_named, key=lambda p: (p.kind == "city", p.population))
    if places[0].common:
        return None  # a frequent word names a place only where its country is named
    top, rest = places[0], [p for p in places[1:] if p.code != places[0].code]
    if top.kind == "city":
        bigger = not rest or top.population >= DWARFS * max(p.population for p in rest)
        return top if top.population >= BIG_CITY and bigger else None
    own = not rest and len(surface) >= _MIN_REGION_NAME
    return top if own else None


def _inside(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def find_places(
    text: str,
    field: str,
    index: PlaceIndex,
    *,
    lang: str | None,
    named: frozenset[str],
    mentions: Iterable[CountryMention],
    given_names: frozenset[str],
    blocked: Iterable[Span] = (),
) -> list[PlaceMention]:
    """The places of one field (``title`` or ``body``) resolved to countries; see the module docstring.

    One pass over the capitalised word runs finds the candidates that pass the form rules; then
    each is resolved, first against the countries the text names, then, for those left open,
    against those and the countries of the places just resolved ("Kharkiv … Mariupol").
    """
    taken = [(m.span.start, m.span.end) for m in mentions if m.span.field == field]
    taken += [(s.start, s.end) for s in blocked if s.field == field]  # what a blocker consumed names no place
    dateline = _dateline(text, index, named) if field == "body" else None
    if dateline is not None:
        taken.append((dateline.span.start, dateline.span.end))
    memo: dict[str, tuple[Place, ...]] = {}

    def look(surface: str) -> tuple[Place, ...]:
        found = memo.get(surface)
        if found is None:
            found = memo[surface] = index.lookup(surface, lang)
        return found

    runs = []
    exact, inflected = index.exact, lang == "de" or _has_cyrillic(text)
    for m in _RUN.finditer(text):
        word = m.group(0)
        if not inflected and word not in exact and " " not in word and "\t" not in word:
            continue  # one capitalised word that is no place name as written: most runs, one dict probe
        if " " not in word and "\t" not in word and not look(word.rstrip(".,;:")):
            continue
        runs.append(_Run(m.start(), word, _opens_sentence(text, m.start())))
    in_names = _inside_names(runs, look, index.heads)
    determiners = _DETERMINERS.get(lang or "", frozenset())
    candidates = [
        c
        for run in runs
        for c in _candidates(text, run, look, index.heads)
        if c[2].lower() not in in_names
        and not _inside(c[0], c[1], taken)
        and _free(text, c[0], c[1], determiners, given_names)
    ]
    found: list[PlaceMention] = []
    open_: list[tuple[int, int, str, tuple[Place, ...]]] = []
    for candidate in candidates:
        if not _resolve(candidate, named, field, found):
            open_.append(candidate)
    located = named | {p.code for p in found} | ({dateline.code} if dateline else set())
    if open_ and located != named:
        for candidate in open_:
            _resolve(candidate, frozenset(located), field, found)
    found.sort(key=lambda p: p.span.start)
    return ([dateline] if dateline else []) + found


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of capitalised words: where it starts, its text, whether it opens a sentence."""

    start: int
    text: str
    opens: bool

    def words(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _SPACE_SPLIT.finditer(self.text)]


_SPACE_SPLIT = re.compile(r"\S+")


def _resolve(
    candidate: tuple[int, int, str, tuple[Place, ...]], named: frozenset[str], field: str, found: list[PlaceMention]
) -> bool:
    """Add the candidate to ``found`` when ``choose`` settles it; whether it did."""
    start, end, surface, places = candidate
    place = choose(places, named, surface)
    if place is not None:
        found.append(PlaceMention(place.code, Span(start, end, field), surface, place.name, place.kind))
    return place is not None


def _inside_names(runs: list[_Run], look: Callable[[str], tuple[Place, ...]], heads: frozenset[str]) -> frozenset[str]:
    """Place names the text also uses inside a longer capitalised name (FC Bayern, Borussia Dortmund,
    Chelsea Manning, Juan Manuel Santos): in this text they are part of a name, wherever they stand."""
    inside: set[str] = set()
    for run in runs:
        words = run.text.split()
        if len(words) < 2:
            continue
        if run.opens:
            words = words[1:]
        words = [w for w in words if w.lower() not in _OPENERS]
        if len(words) < 2 or words[-1] in _PLACE_TAILS or (words[0] in heads and look(" ".join(words))):
            continue
        inside.update(w.lower() for w in words if look(w))
    return frozenset(inside)


def _candidates(
    text: str, run: _Run, look: Callable[[str], tuple[Place, ...]], heads: frozenset[str]
) -> list[tuple[int, int, str, tuple[Place, ...]]]:
    """(start, end, surface, places) of the run's place names that stand alone in it."""
    words = run.words()
    found = []
    i = 0
    while i < len(words):
        matched = _longest(run, words, i, look, heads)
        if matched is None:
            i += 1
            continue
        j, places = matched
        start = run.start + words[i][0]
        surface = run.text[words[i][0] : words[j - 1][1]].rstrip(".,;:")
        end = start + len(surface)
        # a first word capitalised by its position only, unless it is a place itself ("Bayern München")
        first = 1 if run.opens and not look(run.text[words[0][0] : words[0][1]]) else 0
        before = [w for w in words[first:i] if run.text[w[0] : w[1]].lower() not in _OPENERS]
        tail = j == len(words) - 1 and run.text[words[j][0] : words[j][1]] in _PLACE_TAILS
        alone = not before and (j == len(words) or tail)  # not part of a longer capitalised name
        opening = i == 0 and first == 0 and run.opens
        if alone and not (opening and places[0].common):  # "Solo …", "Norden …": a sentence's first word
            found.append((start, end, surface, places))
        i = j
    return found


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'«„“(")
    return not before or before[-1] in ".!?:;\n"


def _longest(
    run: _Run,
    words: list[tuple[int, int]],
    i: int,
    look: Callable[[str], tuple[Place, ...]],
    heads: frozenset[str],
) -> tuple[int, tuple[Place, ...]] | None:
    longest = _LONGEST_NAME if run.text[words[i][0] : words[i][1]] in heads else 1  # most words start no long name
    for j in range(min(len(words), i + longest), i, -1):
        places = look(run.text[words[i][0] : words[j - 1][1]].rstrip(".,;:"))
        if places:
            return j, places
    return None


def _free(text: str, start: int, end: int, determiners: frozenset[str], given_names: frozenset[str]) -> bool:
    """Not a common noun after a determiner, not a first or last name."""
    previous = text[max(0, start - 30) : start].split()
    last = previous[-1].lower().strip("(\"'«„“") if previous else ""
    if last in determiners:
        return False
    following = text[end : end + 30].split()
    surface = text[start:end].lower()
    if surface in given_names and following and following[0][:1].isupper():
        return False  # "Victoria Nuland", "Sofia Coppola"
    return last not in given_names or not previous[-1][:1].isupper()  # "Jack London"


def _dateline(text: str, index: PlaceIndex, named: frozenset[str]) -> PlaceMention | None:
    head = text[:_DATELINE_REACH]
    m = _DATELINE.match(head)
    if m is None:
        return None
    surface = m.group(1).strip(" .-")
    if not surface.isupper() or len(surface) < 3:
        return None
    places = index.upper.get(surface, ())
    if not places:
        return None
    in_named = [p for p in places if p.code in named]
    place = max(in_named, key=lambda p: p.population) if in_named else places[0]
    start = m.start(1)
    return PlaceMention(place.code, Span(start, start + len(surface), "body"), surface, place.name, place.kind, True)
