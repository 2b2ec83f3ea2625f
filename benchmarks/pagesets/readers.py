"""Read each page set out of its bare git clone: the page HTML and its gold text.

A reader takes a ``GitDir`` and the pinned commit and yields ``(page id, html, gold text)``. Gold
texts that a set keeps as HTML (Readability's ``expected.html``) are turned into text here, once,
with block elements on lines of their own, so that both the gold and the extractors' outputs are
tokenised the same way by the shared scorer.
"""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from benchmarks.realnews.readers import GitDir

Reader = Callable[[GitDir, str, str], Iterator[tuple[str, str, str]]]
LFS_MAGIC = b"version https://git-lfs.github.com/spec/"

# Elements that start a new line of text; everything else is inline and joins its neighbours.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
# Sets of the Webis archive that are already benchmarks here, under their own pointer.
_WEBIS_SKIP = frozenset({"readability", "scrapinghub"})


class Unavailable(Exception):
    """A set cannot be read here; the message says why (no clone, data kept outside git, ...)."""


class LfsPointer(Unavailable):
    """A file of the set is a Git LFS pointer, not the data: its content is not in the clone."""

    def __init__(self, path: str, size: int) -> None:
        super().__init__(f"{path} is a Git LFS pointer ({size:,} bytes of data not in the git objects)")
        self.path = path
        self.size = size


def html_text(html: str) -> str:
    """The visible text of an HTML fragment, one line per block element."""
    root = LexborHTMLParser(html).body
    if root is None:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node: LexborNode, parts: list[str]) -> None:
    # An explicit stack: test pages nest deep enough to trouble recursion.
    stack: list[LexborNode | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag or ""
        if tag == "-text":
            parts.append(item.text_content or "")
            continue
        if tag in _SKIPPED or tag.startswith("-"):
            continue
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
            stack.append("\n")
        stack.extend(reversed(list(item.iter(include_text=True))))


def readability(git: GitDir, commit: str, path: str) -> Iterator[tuple[str, str, str]]:
    """Mozilla Readability's test pages: ``<path>/<name>/source.html`` and ``expected.html``."""
    names = sorted({p[len(path) :].strip("/").split("/")[0] for p in git.ls(commit, path)})
    for name in names:
        html = git.text(commit, f"{path}/{name}/source.html")
        gold = html_text(git.text(commit, f"{path}/{name}/expected.html"))
        yield name, html, gold


def webis(git: GitDir, commit: str, path: str) -> Iterator[tuple[str, str, str]]:
    """The Webis benchmark's combined archive: ``ground-truth/<set>.jsonl`` and ``html/<set>/<id>.html``.

    Raises ``LfsPointer`` when the archive in the clone is only a pointer to Git LFS storage.
    """
    raw = git.show(commit, path)
    if raw.startswith(LFS_MAGIC):
        size = next((int(line.split()[1]) for line in raw.decode().splitlines() if line.startswith("size ")), 0)
        raise LfsPointer(path, size)
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:*") as archive:
        members = {m.name.split("combined/", 1)[-1]: m for m in archive.getmembers() if m.isfile()}
        for name in sorted(n for n in members if n.startswith("ground-truth/") and n.endswith(".jsonl")):
            subset = name.split("/")[-1].removesuffix(".jsonl")
            if subset in _WEBIS_SKIP:
                continue
            yield from _webis_subset(archive, members, subset, name)


def _webis_subset(
    archive: tarfile.TarFile, members: dict[str, tarfile.TarInfo], subset: str, truth_name: str
) -> Iterator[tuple[str, str, str]]:
    truth = archive.extractfile(members[truth_name])
    assert truth is not None
    for line in truth.read().decode("utf-8").splitlines():
        row = json.loads(line)
        member = members.get(f"html/{subset}/{row['page_id']}.html")
        handle = archive.extractfile(member) if member else None
        if handle is not None:
            yield f"{subset}/{row['page_id']}", handle.read().decode("utf-8", "replace"), row.get("plaintext") or ""


READERS: dict[str, Reader] = {"readability": readability, "webis": webis}
