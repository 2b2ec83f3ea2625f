"""Duplicate and same-story detection, as pure functions over fingerprints.

- **Exact duplicates**: the same body after normalisation (case, punctuation, spacing) has
  the same ``exact`` hash.
- **Near duplicates**: a 64-bit SimHash over word 3-shingles; two bodies within
  ``NEAR_DISTANCE`` differing bits are the same article republished with small edits. The
  hash is cut into four 16-bit bands: two hashes within three bits share at least one band,
  so an index keyed by band finds every candidate.
- **Same story, also across languages**: translation changes the words but keeps names,
  numbers and places. ``story_features`` keeps capitalised tokens (folded: accents removed,
  transliteration differences such as sch/sh, w/v, doubled letters evened out) and numbers.
  In one language, a Jaccard index of at least ``STORY_SIMILARITY`` means the same story.
  Across languages ordinary words never coincide, so what two articles share is names and
  numbers: ``CROSS_LANGUAGE_SHARED`` shared features mean the same story. Candidates are
  found through the ``STORY_KEYS`` longest features (long tokens are the rarer ones).

State (which fingerprints were seen first) lives in the caller: ``resolve`` takes a lookup
function and returns what to write, so the cleaner shell can keep it in a Faust table.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

NEAR_DISTANCE = 3
STORY_SIMILARITY = 0.3
CROSS_LANGUAGE_SHARED = 7
STORY_KEYS = 64
_BANDS = 4
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"(?<![\w.])([A-ZÀ-ÖØ-ÞА-ЯЁ][\w\-]{2,}(?:\.[a-z]{2,3})?)")
_TOKEN = re.compile(r"[^\W\d_][\w\-]*(?:\.[a-z]{2,3}\b)?|[.!?:;]|\n")
_SENTENCE_END = frozenset(".!?:;\n")
# Weekdays and months are capitalised inside sentences in English and German (the other
# languages write them in lower case) yet say nothing about which story it is.
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "sonnabend",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
    ]
)
_NUMBER = re.compile(r"\b\d[\d.,]*\d\b|\b\d\b")
_FOLDS = (("tsch", "ch"), ("sch", "sh"), ("ph", "f"), ("w", "v"), ("j", "y"), ("c", "k"), ("z", "s"))
_DOUBLE = re.compile(r"(\w)\1+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate and story detection need of one article."""

    exact: str
    simhash: int
    story: frozenset[str]
    lang: str = "und"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One article as the index remembers it under a key."""

    article_id: str
    story_id: str
    simhash: int
    story: frozenset[str]
    lang: str = "und"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The verdict for one article and the index entries to store for later ones."""

    duplicate_of: str | None
    story_id: str
    writes: dict[str, IndexEntry]


def fingerprint(title: str, body: str, lang: str = "und", sources: tuple[str, ...] = ()) -> Fingerprint:
    """Fingerprint an article from its title, clean body, language and named sources."""
    words = [w.lower() for w in _WORD.findall(body)]
    exact = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    story = story_features(f"{title}\n{body}") | {_fold(s) for s in sources}
    return Fingerprint(exact=exact, simhash=simhash(words), story=story, lang=lang)


def simhash(words: Sequence[str], width: int = 3) -> int:
    """64-bit SimHash of the word ``width``-shingles of ``words``.

    Bit ``b`` is set when more than half of the shingle hashes have it. The hashes are
    written as one string of 64-character binary rows, so counting a bit over all shingles
    is one strided slice and ``str.count`` in C instead of 64 Python steps per shingle.
    """
    shingles = [" ".join(words[i : i + width]) for i in range(max(1, len(words) - width + 1))]
    bits = "".join([format(_hash64(shingle), "064b") for shingle in shingles])
    half = len(shingles) / 2
    return sum(1 << (63 - b) for b in range(64) if bits[b::64].count("1") > half)


def hamming(a: int, b: int) -> int:
    """Number of differing bits."""
    return (a ^ b).bit_count()


def story_features(text: str) -> frozenset[str]:
    """Language-independent features of a story: folded names, multi-word names and numbers."""
    names = {_fold(name) for name in _names(text)}
    numbers = {f"#{n.replace(',', '').replace('.', '')}" for n in _NUMBER.findall(text) if len(n) >= 2}
    return frozenset(n for n in names | numbers if len(n) >= 3)


def _names(text: str) -> list[str]:
    """Capitalised tokens that are names, plus runs of them joined as one multi-word name.

    A capital letter alone says little: sentences start with one ("The", "However",
    "Tuesday"). A token counts only when it never occurs in lower case in the text and
    occurs at least once inside a sentence; everything else breaks a multi-word run.
    """
    tokens = _TOKEN.findall(text)
    lower = {t for t in tokens if t[:1].islower()}
    inside = {t for prev, t in zip(["\n", *tokens], tokens, strict=False) if prev not in _SENTENCE_END}
    names: list[str] = []
    run: list[str] = []
    for token in [*tokens, "\n"]:
        if _is_name(token, lower, inside):
            names.append(token)
            run.append(token)
            continue
        if len(run) > 1:
            names.append(" ".join(run))
        run = []
    return names


def _is_name(token: str, lower: set[str], inside: set[str]) -> bool:
    folded = token.lower()
    return bool(_NAME.fullmatch(token)) and folded not in lower and folded not in _CALENDAR and token in inside


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def index_keys(fp: Fingerprint) -> tuple[str, ...]:
    """Every key under which ``fp`` is stored and looked up."""
    near = tuple(f"near:{i}:{fp.simhash >> (16 * i) & 0xFFFF:04x}" for i in range(_BANDS))
    return (f"exact:{fp.exact}", *near, *_story_keys(fp.story))


def _story_keys(features: frozenset[str]) -> tuple[str, ...]:
    ranked = sorted(features, key=lambda f: (-len(f), f))[:STORY_KEYS]
    return tuple(f"story:{feature}" for feature in ranked)


def same_story(entry: IndexEntry, fp: Fingerprint) -> bool:
    """Whether a remembered article and ``fp`` report the same story (see the module docstring)."""
    if entry.lang != fp.lang and "und" not in (entry.lang, fp.lang):
        return len(entry.story & fp.story) >= CROSS_LANGUAGE_SHARED
    return jaccard(entry.story, fp.story) >= STORY_SIMILARITY


def resolve(article_id: str, fp: Fingerprint, lookup: Callable[[str], Iterable[IndexEntry]]) -> Resolution:
    """Decide ``duplicate_of`` and ``story_id`` against what ``lookup(key)`` remembers."""
    keys = index_keys(fp)
    found = [[entry for entry in lookup(key) if entry.article_id != article_id] for key in keys]
    candidates = [entry for entries in found for entry in entries]
    duplicate = found[0][0] if found[0] else _first_near(fp, candidates)
    story = _first_story(fp, candidates)
    story_id = duplicate.story_id if duplicate else (story.story_id if story else article_id)
    entry = IndexEntry(article_id, story_id, fp.simhash, fp.story, fp.lang)
    writes = {} if duplicate else dict.fromkeys(keys, entry)
    return Resolution(duplicate.article_id if duplicate else None, story_id, writes)


def _first_near(fp: Fingerprint, candidates: list[IndexEntry]) -> IndexEntry | None:
    return next((e for e in candidates if hamming(e.simhash, fp.simhash) <= NEAR_DISTANCE), None)


def _first_story(fp: Fingerprint, candidates: list[IndexEntry]) -> IndexEntry | None:
    matches = [e for e in candidates if same_story(e, fp)]
    return max(matches, key=lambda e: len(e.story & fp.story), default=None)


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
