"""What one sentence says about an agreement: its trigger word, status, type, signatories, venue.

Each function reads one sentence with one language's ``Lexicon`` and returns plain values;
``extract.py`` combines them with the parties and the article context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.core.agreements.lexicon import Lexicon

#: Statuses a weak trigger ("cooperation", "joint exercises") needs to count as an agreement.
FIRM_FOR_WEAK = frozenset({"signed", "ratified", "negotiating", "planned", "established", "suspended_or_cancelled"})
#: Statuses that outweigh words of intention ("could", "wants to") in the same sentence.
FIRM_OVER_INTENT = frozenset({"signed", "ratified", "suspended_or_cancelled", "existing", "established", "negotiating"})

_TYPE_WINDOW = 60  # characters either side of the trigger that count as the agreement's own words
_CLAUSE_BREAK = re.compile(r"[;:()–—]|,\s")
_CAPITALISED_BEFORE = re.compile(r"(?<!\S)[A-ZÀ-ÝА-Я][\w'’.-]*[\s-]$")  # a capitalised word just before


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words in a sentence that name an agreement (``strong``) or a cooperation (weak)."""

    start: int
    end: int
    strong: bool
    anaphoric: bool


def find_triggers(text: str, lexicon: Lexicon, skip: tuple[tuple[int, int], ...] = ()) -> list[Trigger]:
    """The agreement nouns of ``text`` that name one agreement each, in order; else its first cooperation noun.

    Nouns inside a ``skip`` span (a named agreement's name: "the Minsk agreements") are passed over.
    A sentence may list several ("denounced the agreement on X and the agreement on Y").
    """
    anaphora = [(a.start(), a.end()) for a in lexicon.anaphora.finditer(text)]
    strong = [
        Trigger(m.start(), m.end(), True, any(a <= m.start() < b for a, b in anaphora))
        for m in lexicon.agreement_noun.finditer(text)
        if not _bare_plural(text, m, lexicon)
        and not any(a <= m.start() < b or _ends_name(text, b, m.start()) for a, b in skip)
    ]
    if strong:
        return strong
    weak = lexicon.cooperation_noun.search(text)
    return [Trigger(weak.start(), weak.end(), False, False)] if weak else []


def _ends_name(text: str, name_end: int, at: int) -> bool:
    """Whether a noun at ``at`` closes a name that ends at ``name_end``: "the AfCFTA agreement",
    "the Minsk (II) accord", "das AfCFTA-Abkommen" name one agreement, not two."""
    return name_end <= at and not text[name_end:at].strip(" )]\"'’”-")


def _bare_plural(text: str, m: re.Match[str], lexicon: Lexicon) -> bool:
    """A plural without a determiner ("brokers of arms deals") speaks of agreements in general."""
    if not lexicon.plural_noun.match(m.group(0)):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    if m.group(0)[0].isupper() and _CAPITALISED_BEFORE.search(before):
        return False  # a plural after a capitalised word names one instrument: "the Abraham Accords",
        # "die Minsker Vereinbarungen" (German capitalises every noun: a capital alone says nothing)
    return not lexicon.plural_determiner.search(before)


_STATUS_REACH = 80  # characters either side of the agreement's words where its own status marker is looked for


def find_status(text: str, lexicon: Lexicon, around: tuple[int, int] | None = None) -> str | None:
    """The strongest status marker in ``text`` (see ``STATUS_PRIORITY``), or None.

    With ``around`` (the span of the words naming the agreement), the strongest marker near them
    wins over the sentence's: "the council plans to meet to review last week's agreement".
    """
    lowered = text.lower()
    if around is not None:
        lo, hi = max(0, around[0] - _STATUS_REACH), around[1] + _STATUS_REACH
        near = _strongest(text[lo:hi], lowered[lo:hi], lexicon)
        if near is not None:
            return near
    return _strongest(text, lowered, lexicon)


def _strongest(text: str, lowered: str, lexicon: Lexicon) -> str | None:
    for name, cue in lexicon.status:
        if cue.possible(lowered) and cue.pattern.search(text):
            return name
    return None


def states_intent_only(text: str, status: str | None, lexicon: Lexicon) -> bool:
    """Whether the sentence only states an intention, offer or possibility (a near miss), or says
    that no agreement came about ("no agreement was signed": a signing verb, but nothing signed)."""
    if lexicon.negation.search(text):
        return True
    return status not in FIRM_OVER_INTENT and bool(lexicon.intent_only.search(text))


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause around ``position``: between the nearest clause breaks (``;``, ``:``, ``, ``, dashes)."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, position):
        start = m.end()
    nxt = _CLAUSE_BREAK.search(text, position)
    return start, nxt.start() if nxt else len(text)


def score_types(text: str, trigger: Trigger, lexicon: Lexicon, weight: float = 1.0) -> dict[str, float]:
    """Type cue scores: words near the trigger count three times (four inside or touching the noun), the rest once."""
    scores: dict[str, float] = {}
    near_start, near_end = max(0, trigger.start - _TYPE_WINDOW), trigger.end + _TYPE_WINDOW
    lowered = text.lower()
    for name, cue in lexicon.types:
        if not cue.possible(lowered):
            continue
        for m in cue.pattern.finditer(text):
            near = m.start() < near_end and m.end() > near_start
            own = (
                m.start() <= trigger.end and m.end() >= trigger.start
            )  # in the noun itself: "tratado de libre comercio"
            scores[name] = scores.get(name, 0.0) + weight * (4.0 if own else 3.0 if near else 1.0)
    return scores


def context_types(text: str, lexicon: Lexicon, weight: float) -> dict[str, float]:
    """Type cue scores of a neighbouring sentence, each cue counted ``weight``."""
    scores: dict[str, float] = {}
    lowered = text.lower()
    for name, cue in lexicon.types:
        hits = len(cue.pattern.findall(text)) if cue.possible(lowered) else 0
        if hits:
            scores[name] = weight * hits
    return scores


def best_type(scores: dict[str, float], lexicon: Lexicon) -> str:
    """The highest-scoring type; ties go to the type listed first in the lexicon; ``other`` when none."""
    order = [name for name, _ in lexicon.types]
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    return ranked[0][0] if ranked and ranked[0][1] > 0 else "other"


def find_signatories(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Names and titles after markers such as "signed by" or "during a visit by"."""
    names: list[str] = []
    for pattern in lexicon.signatory:
        for m in pattern.finditer(text):
            name = m["name"].strip(" .,")
            if name and name not in names:
                names.append(name)
    return tuple(names)


def find_venue(text: str, lexicon: Lexicon, places: list[tuple[int, int]]) -> str | None:
    """The first place after a venue marker ("in", "à") that is a known place (``places``: spans in ``text``)."""
    for pattern in lexicon.venue:
        for m in pattern.finditer(text):
            start, end = m.span("place")
            if any(s < end and start < e for s, e in places):
                return m["place"]
    return None
