"""Find country and organisation mentions in a title and body, and rank them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wirewatch.core.countries.gazetteer import Gazetteer
from wirewatch.core.model import CountryMention, CountryTag, Span


@dataclass(frozen=True, slots=True)
class CountryTagging:
    """The tagger's result: per-code tags for countries and organisations, and every mention."""

    countries: tuple[CountryTag, ...]
    organisations: tuple[CountryTag, ...]
    mentions: tuple[CountryMention, ...]


def find_mentions(text: str, field: str, gazetteer: Gazetteer) -> list[CountryMention]:
    """Every gazetteer match in ``text``, in order."""
    found = []
    for m in gazetteer.pattern.finditer(text):
        group = m.lastindex or 0
        code, kind = gazetteer.entries[group - 1]
        found.append(CountryMention(code, Span(m.start(), m.end(), field), m.group(0), kind))
    return found


def _salience(mentions: list[CountryMention], body_len: int) -> float:
    in_title = any(m.span.field == "title" for m in mentions)
    lead = any(m.span.field == "body" and m.span.start < max(400, body_len // 10) for m in mentions)
    return round(min(1.0, 0.4 * in_title + 0.15 * lead + 0.05 * len(mentions)), 3)


def _tags(by_code: dict[str, list[CountryMention]], body_len: int) -> list[CountryTag]:
    tags = [
        CountryTag(
            code=code,
            mentions=len(ms),
            salience=_salience(ms, body_len),
            focus=False,
            spans=tuple(m.span for m in ms),
            surfaces=tuple(dict.fromkeys(m.surface for m in ms)),
        )
        for code, ms in by_code.items()
    ]
    tags.sort(key=lambda t: (-t.salience, -t.mentions, t.code))
    return tags


def _with_focus(tags: list[CountryTag]) -> list[CountryTag]:
    if not tags:
        return tags
    top = tags[0].salience
    out = []
    for rank, tag in enumerate(tags):
        focus = rank < 3 and tag.salience >= 0.5 * top and tag.salience >= 0.3
        out.append(CountryTag(tag.code, tag.mentions, tag.salience, focus or rank == 0, tag.spans, tag.surfaces))
    return out


def tag_countries(title: str, body: str, gazetteer: Gazetteer) -> CountryTagging:
    """Tag the countries and organisations the title and body refer to."""
    mentions = find_mentions(title, "title", gazetteer) + find_mentions(body, "body", gazetteer)
    countries: dict[str, list[CountryMention]] = defaultdict(list)
    orgs: dict[str, list[CountryMention]] = defaultdict(list)
    for m in mentions:
        (orgs if m.code.startswith("ORG:") else countries)[m.code].append(m)
    return CountryTagging(
        countries=tuple(_with_focus(_tags(countries, len(body)))),
        organisations=tuple(_tags(orgs, len(body))),
        mentions=tuple(mentions),
    )
