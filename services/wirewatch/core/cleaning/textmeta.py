"""Metadata that arrives inside the text: source lines, bare timestamps, dates in short lines."""

from __future__ import annotations

import re
from datetime import date

from wirewatch.core.cleaning.phrases import Phrasebook, line_key

_TIMESTAMP = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_BARE_TIMESTAMP = re.compile(rf"^{_TIMESTAMP}$")
_ANY_DATE = re.compile(rf"{_TIMESTAMP}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][\w .'-]{0,30}?)\s*:\s*(?P<names>\S.*)$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|/|\||\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*")


def bare_timestamp(line: str) -> str | None:
    """The line when it is nothing but an ISO 8601 date or date-time."""
    return line if _BARE_TIMESTAMP.match(line) else None


def is_dated_stub(line: str, max_words: int = 6) -> bool:
    """A short line carrying a date (``Politics 2024-04-18T09:29Z``): a listing label, not prose."""
    if len(line.split()) > max_words + 2 or line.endswith("."):
        return False
    if _YEAR.search(line) and _CLOCK.search(line):
        return True  # "Monday, 22 January 2018 at 0:13" in any language
    return len(line.split()) <= max_words and bool(_ANY_DATE.search(line))


_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'\-]+"
_NAMES = rf"{_CAP}(?:\s+{_CAP}){{1,3}}"
# Names are capitalised (case-sensitive); the keyword and a trailing role or place after a
# comma ("Par A B, envoyé spécial à Dakar", "By A B, Reuters") are not part of them.
_BYLINE = re.compile(
    r"^(?i:(?:\w+\s+)?(?:by|von|par|por|di|da|door|av|af|автор|от))\s*:?\s+"
    rf"(?P<names>{_NAMES}(?:\s*(?:,|and|und|et|y|e|en|и)\s*{_NAMES})*)"
    r"(?:\s*,\s*[^,()]{2,60})?\s*(?:\([^)]*\))?\s*$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bи\b)\s*")


def byline_authors(line: str) -> tuple[str, ...] | None:
    """Authors of a byline ("By Ann Lee and Bo Chen", "Von Max Muster (Berlin)"), or None."""
    if len(line.split()) > 14:
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    names = [n for n in _NAME_SPLIT.split(match["names"]) if n]
    return tuple(names) if all(n[:1].isupper() for n in names) else None


def source_names(line: str, book: Phrasebook) -> tuple[str, ...] | None:
    """Names of a "Source: A, B" or "Mit Material von A und B" line (label from the phrasebook)."""
    match = _LABELLED.match(line)
    if match and line_key(match["label"]) in book.source_labels:
        text = match["names"]
    elif (spaced := _after_spaced_label(line, book)) is not None:
        text = spaced
    else:
        return None
    names = [n.strip(" .") for n in _SPLIT_NAMES.split(text) if n.strip(" .")]
    if not names or len(text.split()) > 12:
        return None
    return tuple(names)


def _after_spaced_label(line: str, book: Phrasebook, max_words: int = 8) -> str | None:
    """The names after a label of several words followed by a space ("With material from AFP").

    One-word labels need their colon: "Source close to the minister said …" is prose.
    """
    text = line.strip()
    lowered = text.lower()
    for label in book.source_labels:
        if " " in label and lowered.startswith(label + " ") and len(text.split()) <= max_words:
            return text[len(label) + 1 :]
    return None


# Month names, January first, in the phrasebook's languages (Russian in the genitive, as dates use it).
_MONTHS = (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
)
_DATE_LABEL = re.compile(
    r"^\s*(?:publié|publiée|mis à jour|modifié|veröffentlicht|aktualisiert|erschienen|publicado|publicada|"
    r"actualizado|actualizada|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|published|updated|"
    r"posted|last updated|опубликовано|обновлено)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"\b(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4}))\b"
)
_DAY_MONTH = re.compile(
    r"\b(?P<d>\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,}\.?)\s+(?:de\s+)?(?P<y>\d{4})\b"
)
_MONTH_DAY = re.compile(r"\b(?P<month>[^\W\d_]{3,}\.?)\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b")
_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:h.](?P<min>[0-5]\d)\b(?P<pm>\s*p\.?m\b)?", re.IGNORECASE)


def dated_line(line: str, max_words: int = 20, max_after: int = 6) -> str | None:
    """The date of a "Published …"/"Publié le …"/"Aktualisiert am …" line, as ISO 8601, or None.

    "Publié le 12 mars 2025 à 10h30, mis à jour à 11h15" gives ``2025-03-12T10:30:00``: the
    first date and a time right after it (the publication, not the update). A sentence that
    goes on after the date ("Published on 2 May 2024, the report found …") is prose.
    """
    if len(line.split()) > max_words or not (label := _DATE_LABEL.match(line)):
        return None
    rest = line[label.end() :]
    found = _find_date(rest)
    if found is None:
        return None
    (year, month, day), end = found
    stamp = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _TIME.search(rest, end, end + 20)
    if len(rest[clock.end() if clock else end :].split()) > max_after:
        return None
    if not clock:
        return stamp
    hour = int(clock["h"]) + (12 if clock["pm"] and int(clock["h"]) < 12 else 0)
    return f"{stamp}T{hour:02d}:{clock['min']}:00"


def _find_date(text: str) -> tuple[tuple[int, int, int], int] | None:
    if match := _NUMERIC_DATE.search(text):
        year, month, day = (
            (match["y"], match["m"], match["d"]) if match["y"] else (match["y2"], match["m2"], match["d2"])
        )
        return _valid(int(year), int(month), int(day), match.end())
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if (match := pattern.search(text)) and (month := _month_number(match["month"])):
            return _valid(int(match["y"]), month, int(match["d"]), match.end())
    return None


def _valid(year: int, month: int, day: int, end: int) -> tuple[tuple[int, int, int], int] | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    return (year, month, day), end


def _month_number(word: str) -> int | None:
    """1–12 for a month name or its abbreviation ("Sept.") in any listed language."""
    stem = word.lower().rstrip(".")
    for row in _MONTHS:
        for number, name in enumerate(row.split(), start=1):
            if name == stem or (len(stem) >= 3 and name.startswith(stem)):
                return number
    return None
