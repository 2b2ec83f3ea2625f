"""Join quotations that page-to-text conversion split over several lines.

Typical damage: a line holding only an opening quote mark, the quoted words on the next line,
then the closing mark with the rest of the sentence (`" he said.`) on a line of its own. A
line is glued to its predecessor when it starts with a closing mark or punctuation, and to its
successor when it ends with an opening mark.
"""

from __future__ import annotations

import re

_QUOTES = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a"
_OPENING_ONLY = "\u201c\u201e\u00ab\u2039\u201a"
_NEVER_CLOSES = "\u00ab\u2039"  # French guillemets open even when a space follows them
# A continuation: starts with a quote mark followed by punctuation/space, or with punctuation.
_CONTINUES = re.compile(rf"^(?:[{_QUOTES}][\s.,;:!?)\]]|[.,;:!?)\]»])")
_OPENS = re.compile(rf"(?:^|\s)[{_QUOTES}]$")


def join_split_quotes(lines: list[str]) -> list[str]:
    """Lines with split quotations glued back together (other lines unchanged)."""
    out: list[str] = []
    glue_next = False
    for line in lines:
        if out and (glue_next or _continues(line) or (_lone_quote(line) and _unbalanced(out[-1]))):
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
        glue_next = _opens(out[-1])
    return out


def _continues(line: str) -> bool:
    return bool(_CONTINUES.match(line)) and not line.startswith(tuple(_NEVER_CLOSES))


def _lone_quote(line: str) -> bool:
    return len(line) == 1 and line in _QUOTES


def _unbalanced(line: str) -> bool:
    return sum(line.count(q) for q in _QUOTES) % 2 == 1


def _opens(line: str) -> bool:
    """The line ends with a quote mark that opens a quotation (odd count, or an opening glyph)."""
    if not _OPENS.search(line):
        return False
    return line.endswith(tuple(_OPENING_ONLY)) or _unbalanced(line)


def _glue(left: str, right: str) -> str:
    if _OPENS.search(left) or _CONTINUES.match(right) or _lone_quote(right):
        return left + right
    return f"{left} {right}"
