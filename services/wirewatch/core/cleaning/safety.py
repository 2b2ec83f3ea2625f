"""Refuse inputs that cannot be articles, cheaply, before any parsing.

Binary data shows up as NUL and other control characters or as many U+FFFD replacement
characters (bytes that were not valid in the declared charset). Mis-declared charsets that
still decode (UTF-8 read as Latin-1) are repaired later (``normalise.repair_mojibake``).
"""

from __future__ import annotations

import re

from wirewatch.core.errors import Rejected, RejectReason

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 64_000


def check_content(content: str, max_chars: int, truncate: bool) -> str:
    """``content`` when it may be an article (cut to ``max_chars`` when truncating); else ``Rejected``."""
    if not content.strip():
        raise Rejected(RejectReason.EMPTY, "the article has no content")
    if len(content) > max_chars:
        if not truncate:
            raise Rejected(RejectReason.TOO_LARGE, f"{len(content)} characters > {max_chars}")
        content = content[:max_chars]
    sample = content[:_SAMPLE]
    if sample.count("\x00") or len(_CONTROL.findall(sample)) > 0.01 * len(sample) + 8:
        raise Rejected(RejectReason.BINARY, "control characters: this is binary data, not text")
    if sample.count("\ufffd") > 0.05 * len(sample) + 8:
        raise Rejected(RejectReason.UNDECODABLE, "many undecodable bytes: wrong or missing charset")
    return content
