"""How much an article is about each country: salience in [0, 1] and the focus flag.

Salience mixes four signals a reader uses: how often the country is named relative to the
most named one (0.50), whether the title names it (0.30), whether the lead (first paragraph,
at most ``LEAD_CHARS``) names it (0.10), and how often it stands near the start of its
sentence, where the grammatical subject usually is (0.10).

Focus goes to the most salient country and to up to two more that the article either names
about half as often as the main one (``FOCUS_SHARE``) and more than once (unless as often as
the main one), or names in its title and more than in passing (``TITLE_SHARE``). A country
met once in an author's biography, or once beside the main story, is mentioned, not in focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.core.model import CountryMention

LEAD_CHARS = 400
SUBJECT_CHARS = 40  # a mention this close to the sentence start counts as in subject position
FOCUS_MAX = 3
FOCUS_SHARE = 0.4  # mentions relative to the most named country
TITLE_SHARE = 0.15  # the same, for a country the title names
_WEIGHTS = (0.50, 0.30, 0.10, 0.10)
_SENTENCE_END = ".!?\n:;"


@dataclass(frozen=True, slots=True)
class Scored:
    """One code's mentions with their salience."""

    code: str
    mentions: tuple[CountryMention, ...]
    salience: float
    share: float  # mentions relative to the most named code
    in_title: bool


def _lead_end(body: str) -> int:
    first_break = body.find("\n\n", 1)
    return min(LEAD_CHARS, first_break if first_break > 0 else LEAD_CHARS)


def _in_subject(body: str, start: int) -> bool:
    window = body[max(0, start - SUBJECT_CHARS) : start]
    cut = max(window.rfind(ch) for ch in _SENTENCE_END)
    return start <= SUBJECT_CHARS or cut >= 0


def salience(mentions: list[CountryMention], body: str, most: int) -> float:
    """Salience of one code given its mentions and the highest mention count of any code."""
    body_spans = [m.span for m in mentions if m.span.field == "body"]
    in_title = any(m.span.field == "title" for m in mentions)
    lead_end = _lead_end(body)
    in_lead = any(s.start < lead_end for s in body_spans)
    frequency = len(mentions) / most if most else 0.0
    subject = sum(_in_subject(body, s.start) for s in body_spans) / len(body_spans) if body_spans else 0.0
    signals = (frequency, float(in_title), float(in_lead), subject)
    return round(min(1.0, sum(w * s for w, s in zip(_WEIGHTS, signals, strict=True))), 3)


def score(by_code: dict[str, list[CountryMention]], body: str) -> list[Scored]:
    """Every code with its salience, most salient first (ties: more mentions, then code)."""
    most = max((len(ms) for ms in by_code.values()), default=0)
    scored = [
        Scored(code, tuple(ms), salience(ms, body, most), len(ms) / most, any(m.span.field == "title" for m in ms))
        for code, ms in by_code.items()
    ]
    scored.sort(key=lambda s: (-s.salience, -len(s.mentions), s.code))
    return scored


def focus_codes(scored: list[Scored]) -> set[str]:
    """The one to three codes the article is about (empty when nothing was found)."""
    if not scored:
        return set()
    chosen = [scored[0].code]
    for item in scored[1:]:
        often = item.share >= FOCUS_SHARE and (len(item.mentions) > 1 or item.share == 1.0)  # once: in passing
        if len(chosen) < FOCUS_MAX and (often or (item.in_title and item.share >= TITLE_SHARE)):
            chosen.append(item.code)
    return set(chosen)
