"""``python -m benchmarks.realnews materialise --mirror DIR``: read the texts that are not committed.

``DIR`` holds bare clones named ``OWNER+NAME`` (or ``OWNER+NAME/repo``) of the repositories listed
in ``data/README.md``, at any commit that contains the pinned one. ``status`` says how many texts
are available per language and part. ``assemble`` joins the readers' part files
(``data/labels-raw/*.json``) into ``data/labels.jsonl``; ``readers`` scores the second reader
(``data/labels-second/``) against it.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

from tests.quality.agreement_scoring import AgreementScore, score_article

from benchmarks.realnews import DATA, cache_path, digest, load_articles, load_labels
from benchmarks.realnews.readers import READERS, GitDir


def _git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+")
    for candidate in (base / "repo", base / "repo" / ".git", base, base / ".git"):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def materialise(mirror: Path) -> int:
    """Read every missing text from its repository into the cache; the number still missing."""
    articles = load_articles()
    missing = {a.id: a for a in articles if a.text is None}
    found: dict[str, str] = {}
    for (repo, commit), group in sorted(collections.Counter((a.source, a.commit) for a in missing.values()).items()):
        git_dir = _git_dir(mirror, repo)
        if git_dir is None:
            print(f"{repo}: no clone under {mirror}; {group} texts stay missing", file=sys.stderr)
            continue
        git = GitDir(git_dir)
        try:
            for document in READERS[repo](git, commit):
                wanted = missing.get(document.id)
                if wanted is not None and digest(document.text) == wanted.sha256:
                    found[document.id] = document.text
        finally:
            git.close()
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = {a.id: a.text for a in articles if a.text is not None and not a.redistributable}
    with path.open("w", encoding="utf-8") as out:
        for article_id, text in sorted({**kept, **found}.items()):
            out.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")
    still = len(missing) - len(found)
    print(f"{len(found)} texts written to {path}; {still} missing")
    return still


def status() -> None:
    """Texts available per language and part."""
    counts: collections.Counter[tuple[str, str, bool]] = collections.Counter(
        (a.lang, a.part, a.text is not None) for a in load_articles()
    )
    for lang, part in sorted({(k[0], k[1]) for k in counts}):
        have, lack = counts[lang, part, True], counts[lang, part, False]
        print(f"{lang} {part}: {have} texts available, {lack} missing")


def _readings(folder: Path) -> dict[str, dict[str, Any]]:
    rows = [row for path in sorted(folder.glob("*.json")) for row in json.loads(path.read_text(encoding="utf-8"))]
    return {str(row["id"]): row for row in rows}


def assemble() -> int:
    """Write ``data/labels.jsonl`` from the part files; the number of articles still unlabelled."""
    readings = _readings(DATA / "labels-raw")
    articles = load_articles()
    rows = [
        {"id": a.id, "lang": a.lang, "agreements": r["agreements"], "near_misses": r.get("near_misses", [])}
        for a in articles
        if (r := readings.get(a.id)) is not None
    ]
    with (DATA / "labels.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
    missing = len(articles) - len(rows)
    print(f"{len(rows)} articles labelled, {sum(len(r['agreements']) for r in rows)} agreements; {missing} unlabelled")
    return missing


def readers() -> None:
    """How far the second reader agrees with the labels (lenient and strict, second as predictions)."""
    labels, second = load_labels(), _readings(DATA / "labels-second")
    for lenient in (True, False):
        score = AgreementScore()
        for article_id, row in sorted(second.items()):
            score_article(score, article_id, row["agreements"], labels[article_id], lenient=lenient)
        mode = "lenient" if lenient else "strict"
        print(f"{mode}: {len(second)} articles, {score.figures()}")
        if lenient:
            print("\n".join(["-- labels only:", *score.missed, "-- second reader only:", *score.false_positives]))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realnews", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("materialise", help="read the texts that are not committed from their repositories")
    make.add_argument("--mirror", type=Path, required=True, help="folder of bare clones named OWNER+NAME")
    sub.add_parser("status", help="texts available per language and part")
    sub.add_parser("assemble", help="join the readers' part files into data/labels.jsonl")
    sub.add_parser("readers", help="score the second reader against the labels")
    args = parser.parse_args()
    if args.command == "materialise":
        return 1 if materialise(args.mirror) else 0
    if args.command == "assemble":
        return 1 if assemble() else 0
    if args.command == "readers":
        readers()
        return 0
    status()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
