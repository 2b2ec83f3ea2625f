"""Feed dates to RFC 3339: RFC 822 (RSS), ISO 8601 (Atom, sitemaps, JSON Feed) and W3C dates."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def _rfc3339(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat().replace("+00:00", "Z")


def normalize_date(value: str | None) -> str | None:
    """An RFC 3339 string for ``value``, the stripped original when it cannot be read, None when empty.

    Keeping an unreadable date as given loses nothing: the raw-article schema allows
    "a date as the source gave it", and the cleaner may do better with context.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return _rfc3339(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        return _rfc3339(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return text
