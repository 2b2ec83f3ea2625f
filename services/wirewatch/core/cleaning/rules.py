"""Text-level boilerplate rules: decide, line by line, what is article and what is furniture.

Three families, applied by ``apply_line_rules``:

1. phrase rules from the per-language phrasebook (``phrases``): whole lines, prefixes,
   phrases inside short lines, calls to action;
2. structural rules: photo credits and file-name captions, breadcrumbs, a repeated title,
   dated listing stubs, copyright lines;
3. positional rules: the head before the title, and the tail after an end marker (a source
   line or "Related articles" in the last third of the text).

Metadata found on the way (source names, a bare timestamp) is returned, not dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirewatch.core.cleaning.phrases import Phrasebook, line_key
from wirewatch.core.cleaning.textmeta import (
    bare_timestamp,
    byline_authors,
    dated_line,
    is_dated_stub,
    source_names,
)

SHORT_WORDS = 25
# A byline longer than a head stub ("Par A B, envoyé spécial à Dakar") is still looked for here.
BYLINE_LINES = 4
_FILE_CAPTION = re.compile(r"\b\w+_\w+_\w+|\.(?:jpe?g|png|gif|webp|svg|tiff?)\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"\bcc[- ]by\b|\bcc0\b|creative commons|wikimedia|\bgetty\b|shutterstock|\bimago\b|\bdpa\b.*\bfoto|"
    r"^(?:photo|foto|bild|image|crédit|credit|фото)\s*[:©]",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_COUNT = re.compile(r"\s*\(?\d+$")  # "Comments (12)" as a key: "comments (12"
# Wire-service credits: "(Reporting by A; Editing by B)", "AP writer A contributed to this report."
_WIRE_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\s"
    r"[^.]*?(?:;|\)\s*\.?\s*$|\b(?:editing|writing|reporting)\s+by\s)"
    r"|\b(?:writers?|reporters?|correspondents?|journalists?|staff)\b[^.]{0,100}\bcontributed\b"
    r"(?:\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article)))?\s*\.?\s*$",
    re.IGNORECASE,
)
# Scripts written without spaces between words: a word there is about two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_PROSE_ENDS = (".", "!", "?", ":", '"', "\u201d", "\u3002", "\uff01", "\uff1f", "\uff1a")
# Reading time, either way round: "8 min read", "Lesezeit: 3 Min.", "Temps de lecture : 4 min".
_READ_WORDS = r"(?:read|lesezeit|de lecture|de lectura|di lettura|de leitura|leestijd|čtení|чтения)"
_READING_TIME = re.compile(
    rf"\b\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti|мин(?:ут[аы]?)?)\.?\s*{_READ_WORDS}\b"
    rf"|\b(?:{_READ_WORDS}|temps de lecture|tiempo de lectura|reading time)\s*:?\s*\d+\s*\w*",
    re.IGNORECASE,
)
# Separators of a page's meta line: "Le Monde | 04.05.2015 à 13h36 • Mis à jour … | Par A B".
_META_SPLIT = re.compile(r"\s+[|•·◦]\s+")
META_PART_WORDS = 10
META_MAX_CHARS = 300
_META_MARKS = frozenset("|•·◦")
_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-–—>]+\s+")


@dataclass(slots=True)
class LineVerdicts:
    """The outcome of the line rules: kept lines, and metadata found in the others."""

    kept: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    removed: int = 0


def strip_bullet(line: str) -> str:
    """The line without a leading list bullet."""
    return _BULLET.sub("", line)


def is_boilerplate(line: str, book: Phrasebook, title: str = "") -> bool:
    """True when one line, on its own, is web furniture rather than article text."""
    key = line_key(line)
    if not key:
        return True  # nothing but digits and signs: pagination, counters, separators
    if book.is_whole(key) or (title and _is_title_echo(key, line_key(title))) or _mostly_urls(line):
        return True
    if book.is_whole(_COUNT.sub("", key)) or (len(key.split()) <= 60 and _WIRE_CREDIT.search(line)):
        return True
    if len(key.split()) >= SHORT_WORDS:
        return False
    lowered = line.lower()
    return (
        book.has_prefix(key, sentence=_is_sentence(line))
        or book.is_prompt(key)
        or book.has_phrase(lowered)
        or bool(_FILE_CAPTION.search(line) and len(key.split()) <= 12)
        or bool(_CREDIT.search(line))
        or bool(_COPYRIGHT.match(line))
        or is_dated_stub(line)
    )


def _is_sentence(line: str, min_words: int = 5) -> bool:
    """A full sentence: several words and a final stop (a link label has neither)."""
    return len(line.split()) >= min_words and line.rstrip(" \"'\u201d\u00bb)").endswith((".", "!", "?"))


def _mostly_urls(line: str) -> bool:
    """Several addresses making up most of the line: image metadata or a link dump, not prose."""
    urls = _URL.findall(line)
    return len(urls) >= 2 and sum(map(len, urls)) > 0.5 * len(line)


def _is_title_echo(key: str, title_key: str) -> bool:
    """The title again, alone or after a short breadcrumb ("Home World <title>")."""
    if not title_key or not key.endswith(title_key):
        return False
    return len(key[: len(key) - len(title_key)].split()) <= 4


def apply_line_rules(lines: list[str], book: Phrasebook, title: str) -> LineVerdicts:
    """Keep the article lines of ``lines`` (already normalised, title already removed)."""
    verdicts = LineVerdicts()
    end = _tail_start(lines, book)
    head = _head_end(lines)
    for index, line in enumerate(lines):
        if (stamp := bare_timestamp(line) or dated_line(line)) and index < end:
            verdicts.published = verdicts.published or stamp
            verdicts.removed += 1
        elif index < head or index >= end:
            _collect_sources(line, book, verdicts)
            _collect_authors(line, verdicts)
            verdicts.removed += 1
        elif (names := _byline_or_meta(line, index)) is not None:
            verdicts.authors.extend(names)
            verdicts.removed += 1
        elif _collect_sources(line, book, verdicts) or is_boilerplate(line, book, title):
            verdicts.removed += 1
        else:
            verdicts.kept.append(line)
    return verdicts


def meta_line_authors(line: str) -> tuple[str, ...] | None:
    """The authors named by a page's meta line (``()`` when it names none), or None for any other line.

    A meta line is a reading time, or a few short parts between separators of which one is a
    date, a dated label or a byline: "Oct 18, 2019 · 8 min read", "Site | 4 May 2015 | Par A B".
    """
    if len(line) > META_MAX_CHARS:
        return None  # prose: most lines stop here, before any pattern runs
    parts = _META_SPLIT.split(line) if _META_MARKS.intersection(line) else [line]
    if len(parts) == 1:
        return () if len(line.split()) <= META_PART_WORDS and _READING_TIME.search(line) else None
    if any(len(part.split()) > META_PART_WORDS for part in parts):
        return None
    bylines = [names for part in parts if (names := byline_authors(part))]
    if bylines or any(_READING_TIME.search(p) or is_dated_stub(p) or dated_line(p) for p in parts):
        return tuple(name for names in bylines for name in names)
    return None


def _byline_or_meta(line: str, index: int) -> tuple[str, ...] | None:
    """Authors of a byline near the top, or of a meta line anywhere; None for other lines."""
    if index < BYLINE_LINES and (names := byline_authors(line)):
        return names
    return meta_line_authors(line)


def _collect_authors(line: str, verdicts: LineVerdicts) -> None:
    if names := byline_authors(line):
        verdicts.authors.extend(names)


def _collect_sources(line: str, book: Phrasebook, verdicts: LineVerdicts) -> bool:
    names = source_names(line, book)
    if names is None:
        return False
    verdicts.sources.extend(names)
    return True


def _head_end(lines: list[str], window: int = 3, max_words: int = 6) -> int:
    """Index after the stub lines (bylines, agency names, kickers) between title and first prose."""
    for index, line in enumerate(lines[:window]):
        if word_count(line) > max_words or line.endswith(_PROSE_ENDS):
            return index
    return min(window, len(lines)) if len(lines) > window else 0


def word_count(line: str) -> int:
    """Words of ``line``, counting about one per two characters of Chinese, Japanese, Korean or Thai.

    Counting by spaces alone would make every line of those scripts a short stub.
    """
    return len(line.split()) + len(_UNSPACED.findall(line)) // 2


def _tail_start(lines: list[str], book: Phrasebook) -> int:
    """Index of the first line of the tail (after the article's end), or ``len(lines)``."""
    first_candidate = (2 * len(lines)) // 3
    for index in range(first_candidate, len(lines)):
        line = lines[index]
        if line_key(line) in book.end_markers:
            return index
        if source_names(line, book) is not None:
            return index + 1
    return len(lines)
