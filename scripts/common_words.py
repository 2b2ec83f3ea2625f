"""Build ``core/agreements/data/named/common_words.json``: how common the base's words are in news.

The named-agreement matcher anchors each name on its least common word; this file says which
words are common. It counts, per language, in how many documents of a news corpus each word
occurs, ranks the ``--top`` most frequent, and keeps the ranks of the words the base's names
use (counts, not text; a word it lacks counts as rare). Rerun it when the base grows. Usage::

    .venv/bin/python scripts/common_words.py --source "WMT newstest 2008-2014 (src side)" \\
        en=dev/newstest20*-src.en.sgm de=dev/newstest20*-src.de.sgm …

Each argument is ``LANG=GLOB``; files are plain text (one document each) or WMT ``.sgm`` files
(one document per ``<doc>``).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "services/wirewatch/core/agreements/data/named/common_words.json"
_DOC = re.compile(r"<doc\b.*?</doc>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{2,}")


def documents(path: str) -> list[str]:
    """The documents of one file: every ``<doc>`` of an SGML file, else the whole file."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    found = _DOC.findall(text)
    return [_TAG.sub(" ", d) for d in found] if found else [text]


def base_words(lang: str) -> set[str]:
    """Every lower-case word of the base's names in ``lang``."""
    found: set[str] = set()
    for path in OUT.parent.glob("*.json"):
        if path != OUT:
            for entry in json.loads(path.read_text(encoding="utf-8"))["agreements"]:
                for name in entry["names"].get(lang, []):
                    found.update(_WORD.findall(name.lower()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", help="LANG=GLOB")
    parser.add_argument("--top", type=int, default=20000)
    parser.add_argument("--source", required=True, help="where the counts come from (written into the file)")
    args = parser.parse_args()
    words: dict[str, list[str]] = {}
    sizes: dict[str, int] = {}
    for spec in args.corpora:
        lang, _, pattern = spec.partition("=")
        counts: Counter[str] = Counter()
        docs = [d for path in sorted(glob.glob(pattern)) for d in documents(path)]  # noqa: PTH207 (a shell pattern)
        for doc in docs:
            counts.update(set(_WORD.findall(doc.lower())))
        used = base_words(lang)
        words[lang] = [w for w, _ in counts.most_common(args.top) if w in used]
        sizes[lang] = len(docs)
    document = {
        "about": "Words of the base's names that news documents use, per language, most frequent first, by "
        "document frequency (scripts/common_words.py). The named-agreement matcher anchors a name on its rarest word.",
        "source": args.source,
        "documents": sizes,
        "words": words,
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
