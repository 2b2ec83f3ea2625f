"""Country-pair relations over tumbling windows: pure event-time windowing with explicit timestamps.

An article that mentions several countries contributes to every pair of them. Each contribution
lands in one tumbling window per window size (an hour and a day by default), keyed by
``(size, start, pair)``. A window ``[start, end)`` closes once the *watermark* — the largest event
time seen so far — reaches ``end + lateness``; a contribution whose window has already closed is
*late* and is dropped (and counted by the shell), never folded into an event that was sent.

A window remembers its most recent article ids, so an article redelivered by at-least-once
delivery is not counted twice. Nothing here knows about Faust: the aggregator keeps the same
structures in a Faust table, and ``RelationWindows`` runs them in memory for tests and offline use.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: Window sizes in seconds, by the ISO 8601 duration used on the wire.
HOUR = ("PT1H", 3600)
DAY = ("P1D", 86400)
DEFAULT_WINDOWS: tuple[tuple[str, int], ...] = (HOUR, DAY)


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What one article says about one country: enough to build pairs."""

    code: str
    focus: bool


@dataclass(frozen=True, slots=True)
class AgreementFacts:
    """One agreement an article reports: its id, type and parties."""

    id: str
    type: str
    parties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contribution:
    """One article's contribution to one country pair, at ``event_time`` (Unix seconds)."""

    pair: tuple[str, str]
    article_id: str
    event_time: float
    both_in_focus: bool
    agreements: tuple[tuple[str, str], ...] = ()  # (agreement id, type)

    @property
    def key(self) -> str:
        """The partitioning key: every contribution to a pair goes to the same partition."""
        return ",".join(self.pair)


@dataclass(frozen=True, slots=True, order=True)
class WindowKey:
    """One tumbling window of one pair: ``[start, start + seconds)``."""

    start: float
    seconds: int
    pair: tuple[str, str]
    name: str = field(compare=False, default="")

    @property
    def end(self) -> float:
        """Where the window ends (exclusive)."""
        return self.start + self.seconds

    @property
    def bound(self) -> str:
        """The window without its pair, ``name|start|seconds``: every pair's window of that hour or day."""
        return f"{self.name}|{int(self.start)}|{self.seconds}"

    def encode(self) -> str:
        """A string form, usable as a table key: ``name|start|seconds|A,B``."""
        return f"{self.bound}|{','.join(self.pair)}"

    @classmethod
    def decode(cls, text: str) -> WindowKey:
        """Inverse of ``encode``."""
        name, start, seconds, pair = text.split("|")
        first, second = pair.split(",")
        return cls(float(start), int(seconds), (first, second), name)


#: Article ids a window remembers to recognise a redelivered article (at-least-once delivery
#: repeats recent messages, not old ones), and how many it lists in its event.
RECENT_IDS = 256
SAMPLE_IDS = 100


@dataclass(frozen=True, slots=True)
class WindowCounts:
    """What a window holds: articles mentioning both, with both in focus, and agreements by type.

    Counts are integers so an update costs the same in a quiet window and in a busy one; the
    last ``RECENT_IDS`` article ids catch redeliveries, and the first ``SAMPLE_IDS`` are listed
    in the event. Agreements are few, so their ids are kept in full (counted distinct by type).
    """

    articles: int = 0
    focus: int = 0
    agreements: Mapping[str, frozenset[str]] = field(default_factory=dict)
    recent: tuple[str, ...] = ()
    sample: tuple[str, ...] = ()

    def add(self, contribution: Contribution) -> WindowCounts:
        """The counts with ``contribution`` folded in; a redelivered article changes nothing."""
        article = contribution.article_id
        if article in self.recent or article in self.sample:
            return self
        agreements = {kind: set(ids) for kind, ids in self.agreements.items()}
        for agreement_id, kind in contribution.agreements:
            agreements.setdefault(kind, set()).add(agreement_id)
        return WindowCounts(
            articles=self.articles + 1,
            focus=self.focus + contribution.both_in_focus,
            agreements={kind: frozenset(ids) for kind, ids in sorted(agreements.items())},
            recent=(*self.recent, article)[-RECENT_IDS:],
            sample=self.sample if len(self.sample) >= SAMPLE_IDS else (*self.sample, article),
        )

    def to_state(self) -> dict[str, object]:
        """A JSON-friendly form, for a table value."""
        return {
            "articles": self.articles,
            "focus": self.focus,
            "agreements": {kind: sorted(ids) for kind, ids in self.agreements.items()},
            "recent": list(self.recent),
            "sample": list(self.sample),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, object] | None) -> WindowCounts:
        """Inverse of ``to_state``; ``None`` is an empty window."""
        if not state:
            return cls()
        agreements = state.get("agreements") or {}
        assert isinstance(agreements, Mapping)
        return cls(
            articles=_int(state.get("articles")),
            focus=_int(state.get("focus")),
            agreements={str(k): frozenset(_strings(v)) for k, v in agreements.items()},
            recent=tuple(_strings(state.get("recent"))),
            sample=tuple(_strings(state.get("sample"))),
        )


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple | set | frozenset) else []


@dataclass(frozen=True, slots=True)
class ClosedWindow:
    """A window that closed, with its final counts: what becomes one ``events.relations`` message."""

    key: WindowKey
    counts: WindowCounts


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 code (organisations such as ``ORG:EU`` are not)."""
    return len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()


def pair_contributions(
    article_id: str, event_time: float, countries: Sequence[CountryFacts], agreements: Sequence[AgreementFacts]
) -> list[Contribution]:
    """One contribution per unordered pair of distinct countries the article mentions (codes sorted)."""
    focus = {c.code: c.focus for c in countries if is_country(c.code)}
    result = []
    for first, second in itertools.combinations(sorted(focus), 2):
        matching = tuple(sorted((a.id, a.type) for a in agreements if first in a.parties and second in a.parties))
        both = focus[first] and focus[second]
        result.append(Contribution((first, second), article_id, event_time, both, matching))
    return result


def window_start(event_time: float, seconds: int) -> float:
    """Start of the tumbling window of size ``seconds`` (aligned to the Unix epoch) holding ``event_time``."""
    return float(int(event_time // seconds) * seconds)


def window_keys(contribution: Contribution, windows: Iterable[tuple[str, int]] = DEFAULT_WINDOWS) -> list[WindowKey]:
    """The window of each size that ``contribution`` falls into."""
    return [
        WindowKey(window_start(contribution.event_time, seconds), seconds, contribution.pair, name)
        for name, seconds in windows
    ]


def is_closed(key: WindowKey, watermark: float, lateness: float) -> bool:
    """Whether the window has closed: the watermark has passed its end plus the allowed lateness."""
    return watermark >= key.end + lateness


def bound_end(bound: str) -> float:
    """Where the windows at ``bound`` (``WindowKey.bound``: ``name|start|seconds``) end."""
    _, start, seconds = bound.split("|")
    return float(start) + int(seconds)


def due_bounds(bounds: Iterable[str], watermark: float, lateness: float) -> list[str]:
    """The bounds whose windows close at ``watermark``, earliest end first."""
    return sorted((b for b in bounds if watermark >= bound_end(b) + lateness), key=lambda b: (bound_end(b), b))


def due(open_keys: Iterable[WindowKey], watermark: float, lateness: float) -> list[WindowKey]:
    """The open windows that close at ``watermark``, oldest first."""
    return sorted(k for k in open_keys if is_closed(k, watermark, lateness))


@dataclass(slots=True)
class RelationWindows:
    """Open windows and the watermark of one partition, in memory; the reference for the Faust shell.

    ``add`` folds a contribution in and returns the windows its event time closed; ``advance``
    moves the watermark without a contribution (an idle stream still closes its windows).
    """

    lateness: float = 60.0
    windows: tuple[tuple[str, int], ...] = DEFAULT_WINDOWS
    watermark: float = float("-inf")
    open: dict[WindowKey, WindowCounts] = field(default_factory=dict)
    late: int = 0

    def add(self, contribution: Contribution) -> list[ClosedWindow]:
        """Fold ``contribution`` into its windows (late ones are dropped), then close what is due."""
        for key in window_keys(contribution, self.windows):
            if is_closed(key, self.watermark, self.lateness):
                self.late += 1
                continue
            self.open[key] = self.open.get(key, WindowCounts()).add(contribution)
        return self.advance(contribution.event_time)

    def advance(self, event_time: float) -> list[ClosedWindow]:
        """Move the watermark to ``event_time`` (never backwards) and return the windows that closed."""
        self.watermark = max(self.watermark, event_time)
        closed = [ClosedWindow(k, self.open.pop(k)) for k in due(self.open, self.watermark, self.lateness)]
        return closed
