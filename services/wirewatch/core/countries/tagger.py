"""Find country and organisation mentions in a title and body, and rank them.

Stages of ``tag_countries``:
  1. match: one automaton pass per field, leftmost-longest (``matching``);
  2. disambiguate: drop domains, surnames, the bird, the river, the US state … (``rules``),
     and office holders named far from their years in office (``published``);
  3. resolve Congo and Korea named alone from the unambiguous mentions of the article;
  4. find the places that locate the news, resolved to countries by what the article names
     (``places``: reported apart, as ``by_place``; mentions stay mentions);
  5. group by code, score salience from mentions and places, and flag the focus countries (``salience``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from types import MappingProxyType

from wirewatch.core.countries.gazetteer import Gazetteer
from wirewatch.core.countries.matching import Candidate, find_candidates, longest_matches
from wirewatch.core.countries.places import PlaceIndex, find_places
from wirewatch.core.countries.rules import Context, rejected
from wirewatch.core.countries.salience import Scored, focus_codes, score
from wirewatch.core.model import CountryMention, CountryTag, PlaceMention, Span

# An office holder still counts a few years before and well after the term (campaigns, memoirs).
_YEARS_BEFORE, _YEARS_AFTER = 5, 10
_KIND_OUT = MappingProxyType({"prefix": "adjective"})  # Sino-US: reported as the adjective it is
# Codes language identifiers return for a language the gazetteer (CLDR) files under another
# code: py3langid says "no" for Norwegian, CLDR names Bokmål "nb"; old ISO 639 codes too.
_LANGUAGE_ALIASES = MappingProxyType({"no": "nb", "nn": "nb", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"})
#: Places are read in the title and the body's first characters: enough for where the news happens,
#: and a bound on what a very long page costs (a place costs about as much as the country scan).
PLACES_READ = 20_000
_AMBIGUOUS = MappingProxyType({"congo": ("COD", "COG"), "korea": ("KOR", "PRK")})  # rule → (default, alternative)


@dataclass(frozen=True, slots=True)
class CountryTagging:
    """The tagger's result: per-code tags for countries and organisations, and every mention."""

    countries: tuple[CountryTag, ...]
    organisations: tuple[CountryTag, ...]
    mentions: tuple[CountryMention, ...]
    by_place: tuple[PlaceMention, ...] = ()
    #: the focus the mentions alone give (no places): what the agreement extractor completes parties from
    named_focus: tuple[str, ...] = ()


def _year(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None


def _in_office(candidate: Candidate, year: int | None) -> bool:
    if candidate.entry.kind != "person" or year is None:
        return True
    first, last = candidate.entry.period
    return first - _YEARS_BEFORE <= year <= last + _YEARS_AFTER


def _field_matches(
    text: str, field: str, gazetteer: Gazetteer, lang: str | None, year: int | None, other: str
) -> tuple[list[Candidate], list[Span]]:
    """The accepted candidates, and the spans blockers consumed (the OSCE Minsk Group, Paris Hilton)."""
    chosen = longest_matches(find_candidates(text, gazetteer, lang))
    ends = frozenset(c.end for c in chosen)
    ctx = Context(text, text.lower(), lang, field, gazetteer.given_names, other, ends)
    blocked = [Span(c.start, c.end, field) for c in chosen if c.entry.kind == "blocker"]
    return [c for c in chosen if not rejected(ctx, c) and _in_office(c, year)], blocked


def _resolve(candidates: list[Candidate]) -> list[str]:
    """The code of each candidate, with Congo/Korea alone decided by the article's other mentions."""
    plain = Counter(c.entry.code for c in candidates if c.entry.rule not in _AMBIGUOUS)  # counted once: a
    codes = []  # hostile page of a hundred thousand mentions must not cost their square
    for c in candidates:
        default, other = _AMBIGUOUS.get(c.entry.rule, (c.entry.code, c.entry.code))
        codes.append(other if plain[other] > plain[default] else default)
    return codes


def _kind(candidate: Candidate) -> str:
    return _KIND_OUT.get(candidate.entry.kind, candidate.entry.kind)


def find_mentions(
    title: str, body: str, gazetteer: Gazetteer, *, lang: str | None = None, published: str | None = None
) -> list[CountryMention]:
    """Every country and organisation mention in title and body, title first, in text order."""
    return _mentions_and_blocks(title, body, gazetteer, lang, published)[0]


def _mentions_and_blocks(
    title: str, body: str, gazetteer: Gazetteer, lang: str | None, published: str | None
) -> tuple[list[CountryMention], list[Span]]:
    year = _year(published)
    fields = [("title", title), ("body", body)]
    others = {"title": body, "body": title}
    found: list[tuple[str, Candidate]] = []
    blocked: list[Span] = []
    for f, text in fields:
        accepted, consumed = _field_matches(text, f, gazetteer, lang, year, others[f])
        found += [(f, c) for c in accepted]
        blocked += consumed
    codes = _resolve([c for _, c in found])
    texts = dict(fields)
    mentions = [
        CountryMention(one, Span(c.start, c.end, f), texts[f][c.start : c.end], _kind(c))
        for (f, c), code in zip(found, codes, strict=True)
        for one in code.split("|")  # "North and South Korea", 中美: one phrase, two countries
    ]
    return mentions, blocked


def _known_language(lang: str | None, gazetteer: Gazetteer) -> str | None:
    """The base language code if the gazetteer knows the language; None (any language) otherwise,
    so an unsupported or undetermined language ("und", "lb") does not silence every form."""
    base = lang.replace("-", "_").split("_")[0].lower() if lang else None
    base = _LANGUAGE_ALIASES.get(base, base) if base else None
    known = {code.split("_")[0] for code in gazetteer.languages}
    return base if base in known else None


def _tag(item: Scored, focus: bool) -> CountryTag:
    surfaces = tuple(dict.fromkeys(m.surface for m in item.mentions))
    spans = tuple(m.span for m in item.mentions)
    return CountryTag(item.code, len(item.mentions), item.salience, focus, spans, surfaces, len(item.places))


def tag_countries(
    title: str,
    body: str,
    gazetteer: Gazetteer,
    *,
    lang: str | None = None,
    published: str | None = None,
    places: PlaceIndex | None = None,
) -> CountryTagging:
    """Tag the countries and organisations the title and body refer to, and the places that locate it.

    ``lang`` (ISO 639-1) restricts language-specific forms to that language; ``published``
    (ISO 8601) dates office holders named alone; without ``places`` no place is read. All optional.
    """
    known = _known_language(lang, gazetteer)
    mentions, blocked = _mentions_and_blocks(title, body, gazetteer, known, published)
    countries: dict[str, list[CountryMention]] = defaultdict(list)
    orgs: dict[str, list[CountryMention]] = defaultdict(list)
    for m in mentions:
        (orgs if m.code.startswith("ORG:") else countries)[m.code].append(m)
    located: list[PlaceMention] = []
    if places is not None:
        named = frozenset(countries)
        for field, text in (("title", title), ("body", body[:PLACES_READ])):
            located += find_places(
                text,
                field,
                places,
                lang=known,
                named=named,
                mentions=mentions,
                given_names=gazetteer.given_names,
                blocked=blocked,
            )
    by_code: dict[str, list[PlaceMention]] = defaultdict(list)
    for p in located:
        by_code[p.code].append(p)
    scored = score(countries, body, by_code)
    focus = focus_codes(scored)
    by_mentions = score(countries, body) if located else scored
    chosen = focus_codes(by_mentions) if located else focus
    named_focus = tuple(s.code for s in by_mentions if s.code in chosen)  # most salient first
    return CountryTagging(
        countries=tuple(_tag(s, s.code in focus) for s in scored),
        organisations=tuple(_tag(s, False) for s in score(orgs, body)),
        mentions=tuple(mentions),
        by_place=tuple(located),
        named_focus=named_focus,
    )
