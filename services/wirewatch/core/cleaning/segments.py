"""Turn a parsed page into text segments: one per run of text between block boundaries.

A segment remembers the chain of element ids above it, so the extractor can score
containers (``scoring``) without walking parents again. The walk is iterative with an
explicit stack and a node budget, so deeply nested or huge trees neither overflow the
Python stack nor run unbounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

# Elements whose start and end break the text into separate segments.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "center",
        "body",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Deeper elements count as part of their ancestor at this depth: real pages stay far below
# it, and it bounds the per-segment work on pathological nesting.
MAX_DEPTH = 128
# Paragraph-like blocks: their text feeds their parent's score (Readability's insight).
PARAGRAPH_TAGS = frozenset(["p", "pre", "blockquote", "td", "dd"])


@dataclass(slots=True)
class Segment:
    """Text of one block run, with its link share and its ancestors' ids (outermost first)."""

    text: str
    link_chars: int
    chain: tuple[int, ...]
    block_tag: str
    in_quote: bool = False


@dataclass(slots=True)
class _Walk:
    """Mutable state of one segmentation walk (local to the call, never shared)."""

    chain: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    link_chars: int = 0
    links_open: int = 0
    overflow: int = 0
    segments: list[Segment] = field(default_factory=list)

    def flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            block = next((t for t in reversed(self.tags) if t in BLOCK_TAGS), "body")
            self.segments.append(
                Segment(
                    text=text,
                    link_chars=min(self.link_chars, len(text)),
                    chain=tuple(self.chain),
                    block_tag=block,
                    in_quote="blockquote" in self.tags,
                )
            )
        self.buf.clear()
        self.link_chars = 0


def segment_tree(root: LexborNode, max_nodes: int = 200_000) -> list[Segment]:
    """Segments of ``root`` in document order; stops quietly after ``max_nodes`` nodes."""
    walk = _Walk()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    visited = 0
    while stack and visited < max_nodes:
        node, leaving = stack.pop()
        visited += 1
        if leaving:
            _leave(walk, node.tag or "")
            continue
        tag = node.tag or ""
        if tag == "-text":
            _add_text(walk, node.text_content or "")
        elif tag == "br":
            walk.flush()
        elif not tag.startswith("-"):
            _enter(walk, node, tag)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    walk.flush()
    return walk.segments


def _add_text(walk: _Walk, text: str) -> None:
    walk.buf.append(text)
    if walk.links_open:
        walk.link_chars += len(text.strip())


def _enter(walk: _Walk, node: LexborNode, tag: str) -> None:
    if tag in BLOCK_TAGS:
        walk.flush()
    elif tag == "a":
        walk.links_open += 1
    if len(walk.chain) >= MAX_DEPTH:
        walk.overflow += 1
        return
    walk.chain.append(node.mem_id)
    walk.tags.append(tag)


def _leave(walk: _Walk, tag: str) -> None:
    if tag in BLOCK_TAGS:
        walk.flush()
    elif tag == "a":
        walk.links_open -= 1
    if walk.overflow:
        walk.overflow -= 1
        return
    walk.chain.pop()
    walk.tags.pop()
