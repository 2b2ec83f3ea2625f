"""Parse and check the API's query parameters; a bad one is a ``ParamError`` (HTTP 400).

Errors name the parameter and say what would have been accepted, so a client can fix the call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from wirewatch.api.stores import AgreementFilter
from wirewatch.archive import AgreementQuery, Cursor, CursorError, SearchQuery
from wirewatch.contracts.aggregates import AGREEMENT_STATUSES, AGREEMENT_TYPES, parse_time
from wirewatch.core.errors import WirewatchError

RELATION_WINDOWS = ("PT1H", "P1D")
MAX_LIMIT = 500
MAX_WINDOW = 30 * 86400

_LANG = re.compile(r"^[a-z]{2,3}$")
#: Longest search query accepted (characters); the engines only see its first words anyway.
MAX_QUERY = 500
_COUNTRY = re.compile(r"^(?:[A-Z]{3}|ORG:[A-Z0-9_-]+)$")
_DURATION = re.compile(r"^(\d+)([smhd])$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ParamError(WirewatchError, ValueError):
    """A query parameter is missing or has a value the endpoint cannot use."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def country(params: Mapping[str, str], required: bool = False) -> str | None:
    """``country``: an ISO 3166-1 alpha-3 code (any case) or ``ORG:NAME``."""
    raw = params.get("country")
    if raw is None or raw == "":
        if required:
            raise ParamError("country", "is required (an ISO 3166-1 alpha-3 code such as RUS)")
        return None
    code = raw.strip().upper()
    if not _COUNTRY.match(code):
        raise ParamError("country", f"{raw!r} is not an ISO 3166-1 alpha-3 code (e.g. RUS) or ORG:NAME")
    return code


def choice(params: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str | None:
    """A parameter that must be one of ``allowed`` (absent: None)."""
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    if raw not in allowed:
        raise ParamError(name, f"{raw!r} is not one of {', '.join(allowed)}")
    return raw


def since(params: Mapping[str, str], name: str = "since") -> float | None:
    """``since`` (or ``until``): an RFC 3339 date-time (or date), in Unix seconds."""
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    seconds = parse_time(raw)
    if seconds is None:
        raise ParamError(name, f"{raw!r} is not an RFC 3339 date-time such as 2026-01-31T12:00:00Z")
    return seconds


def integer(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """An integer parameter within ``[low, high]``."""
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParamError(name, f"{raw!r} is not an integer") from None
    if not low <= value <= high:
        raise ParamError(name, f"{value} is outside {low}..{high}")
    return value


def window(params: Mapping[str, str], default: str = "24h") -> float:
    """``window``: a duration such as ``90m``, ``24h`` or ``7d`` (at most 30 days), in seconds."""
    raw = params.get("window") or default
    match = _DURATION.match(raw.strip())
    if not match:
        raise ParamError("window", f"{raw!r} is not a duration such as 90m, 24h or 7d")
    seconds = int(match.group(1)) * _UNIT[match.group(2)]
    if not 0 < seconds <= MAX_WINDOW:
        raise ParamError("window", f"{raw!r} must be more than 0 and at most 30d")
    return float(seconds)


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of the results to return."""

    limit: int
    offset: int


def page(params: Mapping[str, str]) -> Page:
    """``limit`` (1..500, default 50) and ``offset`` (default 0)."""
    return Page(integer(params, "limit", 50, 1, MAX_LIMIT), integer(params, "offset", 0, 0, 10_000_000))


def agreement_filter(params: Mapping[str, str]) -> AgreementFilter:
    """The filters of ``/api/v1/agreements`` and of the event stream."""
    return AgreementFilter(
        country=country(params),
        type=choice(params, "type", AGREEMENT_TYPES),
        status=choice(params, "status", AGREEMENT_STATUSES),
        since=since(params),
    )


def cursor(params: Mapping[str, str]) -> Cursor | None:
    """``cursor``: the ``next_cursor`` of the previous page."""
    raw = params.get("cursor")
    if raw is None or raw == "":
        return None
    try:
        return Cursor.decode(raw)
    except CursorError as exc:
        raise ParamError("cursor", str(exc)) from None


def agreement_query(params: Mapping[str, str]) -> AgreementQuery:
    """The filters and page of ``/api/v1/agreements`` (and the exports) over the archive."""
    wanted, chosen = agreement_filter(params), page(params)
    return AgreementQuery(
        country=wanted.country,
        type=wanted.type,
        status=wanted.status,
        since=wanted.since,
        until=since(params, "until"),
        limit=chosen.limit,
        after=cursor(params),
        offset=chosen.offset,
    )


def search_query(params: Mapping[str, str]) -> SearchQuery:
    """``q`` (required), ``lang``, ``country``, ``since`` and ``limit`` (1..100, default 20) of a search."""
    text = (params.get("q") or "").strip()
    if not text:
        raise ParamError("q", "is required: the words to look for")
    if len(text) > MAX_QUERY:
        raise ParamError("q", f"is longer than {MAX_QUERY} characters")
    lang = params.get("lang") or None
    if lang is not None and not _LANG.match(lang):
        raise ParamError("lang", f"{lang!r} is not an ISO 639-1 code such as de")
    return SearchQuery(text, lang, country(params), since(params), integer(params, "limit", 20, 1, 100))
