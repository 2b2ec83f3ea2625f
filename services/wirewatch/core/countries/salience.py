"""How much an article is about each country: salience in [0, 1] and the focus flag.

Salience mixes four signals a reader uses: how often the country is named relative to the
most named one (0.50), whether the title names it (0.30), whether the lead (first paragraph,
at most ``LEAD_CHARS``) names it (0.10), and how often it stands near the start of its
sentence, where the grammatical subject usually is (0.10). Its places (``places.py``) count as
evidence beside its mentions, each ``PLACE_WEIGHT`` of a mention, and a dateline like a title
mention: "KYIV —" says where the news is. An office holder's mention weighs ``PERSON_WEIGHT``.

Focus goes to the most salient country and to up to two more that the article either names
about half as often as the main one (``FOCUS_SHARE``) and more than once (unless as often as
the main one), or names in its title and more than in passing (``TITLE_SHARE``). A country
met once in an author's biography, or once beside the main story, is mentioned, not in focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.core.model import CountryMention, PlaceMention

LEAD_CHARS = 400
SUBJECT_CHARS = 40  # a mention this close to the sentence start counts as in subject position
FOCUS_MAX = 3
FOCUS_SHARE = 0.35  # evidence relative to the most named country (calibrated: benchmarks/realnews/calibrate_focus.py)
TITLE_SHARE = 0.25  # the same, for a country the title names
PLACE_WEIGHT = 0.5
#: an office holder speaks for a state rather than locating the news: "Obama said" in a story on
#: Ukraine names the US as an actor, and a long list of leaders must not outweigh the country itself
PERSON_WEIGHT = 0.5
_WEIGHTS = (0.50, 0.30, 0.10, 0.10)
_SENTENCE_END = ".!?\n:;"


@dataclass(frozen=True, slots=True)
class Scored:
    """One code's mentions with their salience."""

    code: str
    mentions: tuple[CountryMention, ...]
    salience: float
    share: float  # evidence (mentions and places) relative to the code with the most
    in_title: bool
    places: tuple[PlaceMention, ...] = ()

    @property
    def evidence(self) -> float:
        """Mentions plus places, a place weighing ``PLACE_WEIGHT`` and an office holder ``PERSON_WEIGHT``."""
        return _evidence(list(self.mentions), list(self.places))


def _lead_end(body: str) -> int:
    first_break = body.find("\n\n", 1)
    return min(LEAD_CHARS, first_break if first_break > 0 else LEAD_CHARS)


def _in_subject(body: str, start: int) -> bool:
    window = body[max(0, start - SUBJECT_CHARS) : start]
    cut = max(window.rfind(ch) for ch in _SENTENCE_END)
    return start <= SUBJECT_CHARS or cut >= 0


def _evidence(mentions: list[CountryMention], places: list[PlaceMention]) -> float:
    people = sum(m.kind == "person" for m in mentions)
    return len(mentions) - (1 - PERSON_WEIGHT) * people + PLACE_WEIGHT * len(places)


def salience(mentions: list[CountryMention], body: str, most: float, places: list[PlaceMention] | None = None) -> float:
    """Salience of one code given its mentions and places, and the most evidence any code has."""
    places = places or []
    body_spans = [m.span for m in mentions if m.span.field == "body"] + [
        p.span for p in places if p.span.field == "body"
    ]
    in_title = any(m.span.field == "title" for m in mentions) or any(
        p.span.field == "title" or p.dateline for p in places
    )
    lead_end = _lead_end(body)
    in_lead = any(s.start < lead_end for s in body_spans)
    frequency = _evidence(mentions, places) / most if most else 0.0
    subject = sum(_in_subject(body, s.start) for s in body_spans) / len(body_spans) if body_spans else 0.0
    signals = (frequency, float(in_title), float(in_lead), subject)
    return round(min(1.0, sum(w * s for w, s in zip(_WEIGHTS, signals, strict=True))), 3)


def score(
    by_code: dict[str, list[CountryMention]], body: str, places: dict[str, list[PlaceMention]] | None = None
) -> list[Scored]:
    """Every code (mentioned, or only placed) with its salience, most salient first (ties: more evidence, then code)."""
    places = places or {}
    codes = list(dict.fromkeys([*by_code, *places]))
    evidence = {code: _evidence(by_code.get(code, []), places.get(code, [])) for code in codes}
    most = max(evidence.values(), default=0.0)
    scored = [
        Scored(
            code,
            tuple(by_code.get(code, [])),
            salience(by_code.get(code, []), body, most, places.get(code, [])),
            evidence[code] / most,
            any(m.span.field == "title" for m in by_code.get(code, [])),
            tuple(places.get(code, [])),
        )
        for code in codes
    ]
    scored.sort(key=lambda s: (-s.salience, -s.evidence, s.code))
    return scored


def focus_codes(scored: list[Scored]) -> set[str]:
    """The one to three codes the article is about (empty when nothing was found)."""
    if not scored:
        return set()
    chosen = [scored[0].code]
    for item in scored[1:]:
        often = item.share >= FOCUS_SHARE and (item.evidence > 1 or item.share == 1.0)  # once: in passing
        if len(chosen) < FOCUS_MAX and (often or (item.in_title and item.share >= TITLE_SHARE)):
            chosen.append(item.code)
    return set(chosen)
