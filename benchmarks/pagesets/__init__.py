"""Public annotated page sets for the cleaner's extractor, read by pointer from bare git clones.

The ScrapingHub benchmark in ``../shared/benchmarks`` is the one set the extractor's constants were
chosen on, so a figure measured there says little about other pages. This package adds further sets
as development benchmarks, each one a pointer (repository, pinned commit, path) in
``data/sources.json``; pages are read from a bare clone of that repository and never committed,
because they are copies of third-party web pages whatever the licence of the repository holding
them. ``data/split.json`` freezes a third of every set, chosen by a hash of the page id, as the test
part that no fix is tuned on.

Clones are looked up under ``$WIREWATCH_MIRROR`` (default ``/work/.mirror``), as
``OWNER+NAME/repo``, ``OWNER+NAME`` or ``OWNER+NAME.git``; any clone holding the pinned commit works.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
MIRROR_ENV = "WIREWATCH_MIRROR"
DEFAULT_MIRROR = Path("/work/.mirror")
PARTS = ("dev", "test")
TEST_SHARE = 3  # one page in three is in the test part


@dataclass(frozen=True, slots=True)
class Page:
    """One annotated page: its HTML and the gold main text, with the set and part it belongs to."""

    id: str
    set: str
    part: str  # dev | test
    html: str
    gold: str

    @property
    def key(self) -> str:
        """The page's id made unique across sets."""
        return f"{self.set}/{self.id}"


@dataclass(frozen=True, slots=True)
class Source:
    """Where one set lives: a repository, the pinned commit, the folder, and the reader's name."""

    set: str
    repo: str
    commit: str
    path: str
    licence: str
    note: str


def load_sources() -> list[Source]:
    """Every set's pointer, from ``data/sources.json``."""
    rows: list[dict[str, Any]] = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))["sources"]
    return [Source(**row) for row in rows]


def part_of(set_name: str, page_id: str) -> str:
    """The part a page falls in by hash alone: the rule ``data/split.json`` was written with."""
    value = int(hashlib.sha256(f"{set_name}/{page_id}".encode()).hexdigest()[:8], 16)
    return "test" if value % TEST_SHARE == 0 else "dev"


def load_split() -> dict[str, dict[str, str]]:
    """The committed split: set -> page id -> part."""
    path = DATA / "split.json"
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8"))["split"])


def mirror_dir() -> Path:
    """The folder holding the bare clones."""
    return Path(os.environ.get(MIRROR_ENV) or DEFAULT_MIRROR)


def git_dir_of(repo: str, mirror: Path | None = None) -> Path | None:
    """The bare clone of ``repo`` under the mirror, or None when there is none."""
    base = (mirror or mirror_dir()) / repo.replace("/", "+")
    for candidate in (base / "repo", base, base.with_name(base.name + ".git")):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def load_pages(source: Source, mirror: Path | None = None) -> list[Page]:
    """Every page of one set with its part; raises ``Unavailable`` saying why when it cannot be read."""
    from benchmarks.pagesets.readers import READERS, Unavailable
    from benchmarks.realnews.readers import GitDir

    path = git_dir_of(source.repo, mirror)
    if path is None:
        raise Unavailable(f"no clone of {source.repo} under {mirror or mirror_dir()} (set {MIRROR_ENV})")
    split = load_split().get(source.set, {})
    git = GitDir(path)
    try:
        rows = list(READERS[source.set](git, source.commit, source.path))
    except FileNotFoundError as missing:
        raise Unavailable(f"{source.repo}: {missing} (the clone lacks commit {source.commit[:12]})") from missing
    finally:
        git.close()
    return [
        Page(id=i, set=source.set, part=split.get(i) or part_of(source.set, i), html=html, gold=gold)
        for i, html, gold in rows
    ]
