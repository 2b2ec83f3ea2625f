"""Who the parties of an agreement are: the sentence's country mentions, and coreference.

Parties come from the country tagger's mentions (so "Moskau", "the Kremlin" are already RUS).
Organisations count only inside the clause that names the agreement: an aside such as
"elections rejected by the United Nations" does not make the UN a party.

Coreference, in order:

1. a group reference ("the two countries", "beide Länder", "les deux pays") takes the two
   nearest countries of the sentence and the four before it (within one sentence, the
   article's focus first), else the focus;
2. a sentence naming one party takes the other from the two sentences before it (the
   mention nearest to it: the last one of the sentence before), else from the focus.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from wirewatch.core.model import CountryMention

_GROUP_LOOKBACK = 4
_SINGLE_LOOKBACK = 2


@dataclass(frozen=True, slots=True)
class SentenceParties:
    """The codes mentioned in one sentence, in order of appearance (first mention)."""

    countries: tuple[str, ...]
    organisations: tuple[str, ...]
    nearest_last: tuple[str, ...] = ()  # every code, by its last mention, the sentence's end first

    @property
    def codes(self) -> tuple[str, ...]:
        """Countries then organisations."""
        return self.countries + self.organisations


def _is_org(code: str) -> bool:
    return code.startswith("ORG:")


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Body mentions sorted by position, for fast lookup of the mentions inside a range."""

    mentions: tuple[CountryMention, ...]
    starts: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted((m for m in self.mentions if m.span.field == "body"), key=lambda m: m.span.start))
        object.__setattr__(self, "mentions", ordered)  # frozen: set once, here
        object.__setattr__(self, "starts", tuple(m.span.start for m in ordered))

    def between(self, start: int, end: int) -> list[CountryMention]:
        """The body mentions that start inside ``[start, end)``, in order."""
        return list(self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)])


def parties_of(mentions: list[CountryMention], clause: tuple[int, int] | None = None) -> SentenceParties:
    """Countries in ``mentions``, and organisations inside ``clause`` (absolute offsets) when given."""
    countries = [m.code for m in mentions if not _is_org(m.code)]
    orgs = [m.code for m in mentions if _is_org(m.code) and (clause is None or clause[0] <= m.span.start < clause[1])]
    nearest = tuple(dict.fromkeys(m.code for m in reversed(mentions)))
    return SentenceParties(tuple(dict.fromkeys(countries)), tuple(dict.fromkeys(orgs)), nearest)


def clause_parties(
    mentions: list[CountryMention], clause: tuple[int, int], text: str, offset: int, joiner: re.Pattern[str]
) -> SentenceParties:
    """The parties a sentence names for an agreement whose trigger sits in ``clause`` (absolute offsets).

    1. The clause names two parties or more: the lists of names reaching into it ("Russia,
       China and Iran"), so an aside ("…, Brussels said") names no party.
    2. Otherwise the sentence's countries (organisations only inside the clause, or anywhere in a
       sentence that names a single state: "the IMF … concluded talks with Sri Lanka"); with more than
       two, the lists reaching into the clause plus the sentence's first list (its subject:
       "Russia, long isolated, signed a pact with Myanmar").

    ``text`` is the sentence, starting at body offset ``offset``.
    """
    inside = [m for m in mentions if clause[0] <= m.span.start < clause[1]]
    groups = _lists(mentions, text, offset, joiner)
    reaching = [g for g in groups if any(clause[0] <= m.span.start < clause[1] for m in g)]
    if len({m.code for m in inside}) >= 2:
        return parties_of([m for g in reaching for m in g])
    simple = parties_of(mentions, clause)
    if len(simple.codes) < 2 and len(simple.countries) == 1:
        return parties_of(mentions)  # one state and an organisation outside the clause: "the IMF … (£2.5bn) deal"
    if not simple.codes and len({m.code for m in mentions}) == 1 and _leads_into(mentions[-1], clause, text, offset):
        return parties_of(mentions)  # the one organisation, right before the clause: "the IMF, which granted it a loan"
    if len(simple.countries) <= 2:
        return simple
    if len({m.code for g in reaching for m in g}) < 2 and groups[0] not in reaching:
        reaching.insert(0, groups[0])
    return parties_of([m for g in reaching for m in g])


def _leads_into(mention: CountryMention, clause: tuple[int, int], text: str, offset: int) -> bool:
    """Whether only a comma stands between ``mention`` and the start of ``clause`` (a relative clause on it)."""
    gap = text[max(0, mention.span.end - offset) : max(0, clause[0] - offset)]
    return mention.span.end <= clause[0] and gap.strip() in ("", ",")


def _lists(
    mentions: list[CountryMention], text: str, offset: int, joiner: re.Pattern[str]
) -> list[list[CountryMention]]:
    """Mentions grouped into lists: neighbours joined only by commas, "and" and articles."""
    groups: list[list[CountryMention]] = []
    for m in mentions:
        if groups:
            gap = text[max(0, groups[-1][-1].span.end - offset) : max(0, m.span.start - offset)]
            if joiner.fullmatch(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def resolve_group(current: SentenceParties, before: list[SentenceParties], focus: tuple[str, ...]) -> tuple[str, ...]:
    """The two countries a group reference stands for (see the module docstring, rule 1).

    Nearest sentence first; within one sentence, focus countries before the others.
    """
    chosen: list[str] = []
    for sentence in [current, *reversed(before[-_GROUP_LOOKBACK:])]:
        ranked = sorted(sentence.countries, key=lambda c: c not in focus)  # stable: keeps text order
        chosen.extend(c for c in ranked if c not in chosen)
        if len(chosen) >= 2:
            break
    chosen.extend(c for c in focus if c not in chosen and not _is_org(c))
    return tuple(chosen[:2]) + tuple(o for o in current.organisations if o not in chosen)


def complete_single(party: str, before: list[SentenceParties], focus: tuple[str, ...]) -> str | None:
    """The other party of a sentence that names only ``party`` (see the module docstring, rule 2)."""
    for sentence in reversed(before[-_SINGLE_LOOKBACK:]):
        others = [c for c in sentence.nearest_last if c != party]
        if others:
            return others[0]
    return next((c for c in focus if c != party), None)
