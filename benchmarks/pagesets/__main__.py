"""``python -m benchmarks.pagesets {fetch,status,split,table}``: the page sets from their bare clones.

``fetch`` clones (bare) every set's repository that the mirror lacks; ``status`` says which sets
can be read here and why not; ``split`` writes ``data/split.json`` from
the hash rule (run once per set: a committed split is never redrawn); ``table`` scores the cleaner
and trafilatura and prints the Markdown table the README carries.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from benchmarks.pagesets import (
    DATA,
    Page,
    Source,
    git_dir_of,
    load_pages,
    load_sources,
    load_split,
    mirror_dir,
    part_of,
)
from benchmarks.pagesets.evaluate import (
    cleaner,
    languages,
    markdown,
    run_side_by_side,
    score_rows,
    trafilatura_extractor,
)
from benchmarks.pagesets.readers import Unavailable
from wirewatch.core.cleaning import CleanOptions


def available_pages() -> list[Page]:
    """The pages of every set that can be read here; says on stderr which cannot, and why."""
    pages: list[Page] = []
    for source in load_sources():
        try:
            pages.extend(load_pages(source))
        except Unavailable as why:
            print(f"{source.set}: not available: {why}", file=sys.stderr)
    return pages


def clone_command(source: Source, mirror: Path) -> list[str]:
    """The ``git clone --bare`` that puts ``source``'s repository where ``git_dir_of`` looks."""
    target = mirror / source.repo.replace("/", "+") / "repo"
    return ["git", "clone", "--bare", f"https://github.com/{source.repo}.git", str(target)]


def fetch(mirror: Path) -> None:
    """Clone every set's repository that is not under ``mirror`` yet (Git LFS files stay pointers)."""
    for source in load_sources():
        if git_dir_of(source.repo, mirror) is None:
            subprocess.run(clone_command(source, mirror), check=True)


def write_split() -> None:
    """Add the sets that have no split yet to ``data/split.json``; a committed entry stays as it is."""
    split = load_split()
    for page in available_pages():
        split.setdefault(page.set, {}).setdefault(page.id, part_of(page.set, page.id))
    body = {"rule": "sha256('<set>/<page id>')[:8] as an integer, modulo 3 == 0: test", "split": split}
    (DATA / "split.json").write_text(json.dumps(body, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pagesets", description=__doc__)
    parser.add_argument("command", choices=("fetch", "status", "split", "table"))
    args = parser.parse_args(argv)
    if args.command == "fetch":
        fetch(mirror_dir())
        return 0
    if args.command == "split":
        write_split()
        return 0
    pages = available_pages()
    if args.command == "status":
        for name in sorted({p.set for p in pages}):
            parts = [p.part for p in pages if p.set == name]
            print(f"{name}: {len(parts)} pages, {parts.count('test')} in the test part")
        return 0
    options = CleanOptions()
    ours, reference = run_side_by_side(pages, ("cleaner", cleaner(options)), ("trafilatura", trafilatura_extractor()))
    print(markdown(score_rows(pages, languages(pages, options), ours, reference)))
    print(f"\npages per CPU-second: cleaner {ours.rate():.1f}, trafilatura {reference.rate():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
