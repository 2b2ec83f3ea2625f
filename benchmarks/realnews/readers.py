"""Read the real-news sources out of their public git repositories (bare clones), by pointer.

Each reader turns one source's files into ``Document`` records whose ids and texts are exactly
those the development set points at (``data/articles.jsonl`` keeps a SHA-256 of each text, and
``materialise`` checks it). A source is read with ``git cat-file`` from a git directory: clone
the repository (``git clone --bare https://github.com/OWNER/NAME``), or point ``--mirror`` at a
folder holding ``OWNER+NAME/`` clones. Only used to rebuild the texts that may not be committed;
nothing here runs in ``make test``.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(1 << 30)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as its source holds it."""

    id: str
    lang: str
    title: str | None
    text: str
    published: str | None = None
    url: str | None = None


class GitDir:
    """Files of one bare git directory, read through one long-running ``git cat-file --batch``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cat: subprocess.Popen[bytes] | None = None

    def show(self, commit: str, name: str) -> bytes:
        """The bytes of ``commit:name``."""
        if self._cat is None:
            self._cat = subprocess.Popen(
                ["git", "--git-dir", str(self.path), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        assert self._cat.stdin is not None and self._cat.stdout is not None
        self._cat.stdin.write(f"{commit}:{name}\n".encode())
        self._cat.stdin.flush()
        header = self._cat.stdout.readline().decode()
        if header.endswith("missing\n"):
            raise FileNotFoundError(f"{self.path}: {commit}:{name}")
        data = self._cat.stdout.read(int(header.split()[2]))
        self._cat.stdout.read(1)
        return data

    def text(self, commit: str, name: str) -> str:
        """``commit:name`` decoded as UTF-8 (a BOM dropped, line ends made ``\\n``)."""
        return self.show(commit, name).decode("utf-8-sig", "replace").replace("\r\n", "\n")

    def rev(self, name: str) -> str:
        """The commit ``name`` (a branch, ``HEAD``) points at."""
        out = subprocess.run(["git", "--git-dir", str(self.path), "rev-parse", name], check=True, capture_output=True)
        return out.stdout.decode().strip()

    def ls(self, commit: str, prefix: str) -> list[str]:
        """Every file path under ``prefix`` at ``commit``."""
        out = subprocess.run(
            ["git", "--git-dir", str(self.path), "ls-tree", "-r", "-z", "--name-only", commit, "--", prefix],
            check=True,
            capture_output=True,
        ).stdout.decode()
        return [p for p in out.split("\0") if p]

    def close(self) -> None:
        """End the ``cat-file`` process."""
        if self._cat is not None:
            self._cat.kill()
            self._cat.wait()
            for pipe in (self._cat.stdin, self._cat.stdout):
                if pipe is not None:
                    pipe.close()  # or they are closed by the collector, with a ResourceWarning
            self._cat = None


def _date_in(value: str | None) -> str | None:
    m = re.search(r"(19[89]\d|20[0-2]\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)", value or "")
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def _markdown_text(body: str) -> list[str]:
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)
    body = re.sub(r"\[([^\]]*)\]\((?:https?:)?[^)]*\)", r"\1", body)
    body = body.replace("\\\n", "\n")
    body = re.sub(r"<[^>]+>", "", body)
    return [p.strip() for p in body.split("\n") if p.strip() and not re.fullmatch(r"[#*_\\ -]*", p.strip())]


def _front_matter(raw: str) -> tuple[str, str] | None:
    m = re.match(r"---\n(.*?)\n---\n(.*)", raw, re.S)
    return (m[1], m[2]) if m else None


def _cyrillic_share(text: str) -> float:
    letters = re.findall(r"[^\W\d_]", text)
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / max(1, len(letters))


_WMT_SETS = (
    ("news-test2008", "wmt08", ("en", "de", "fr", "es")),
    ("newssyscomb2009", "wmt09sc", ("en", "de", "fr", "es")),
    ("newstest2009", "wmt09", ("en", "de", "fr", "es")),
    ("newstest2010", "wmt10", ("en", "de", "fr", "es")),
    ("newstest2011", "wmt11", ("en", "de", "fr", "es")),
    ("newstest2012", "wmt12", ("en", "de", "fr", "es", "ru")),
    ("newstest2013", "wmt13", ("en", "de", "fr", "es", "ru")),
    ("newstest2014-deen", "wmt14", ("de",)),
    ("newstest2014-fren", "wmt14", ("fr",)),
    ("newstest2014-ruen", "wmt14", ("ru",)),
)
_SEG = re.compile(r"<seg[^>]*>(.*?)</seg>", re.S)


def wmt(git: GitDir, commit: str) -> Iterator[Document]:
    """WMT news test sets: one ``<doc>`` per article, headline in ``<h1>``/``<hl>``."""
    for stem, short, langs in _WMT_SETS:
        for lang in langs:
            raw = git.text(commit, f"dev/{stem}-src.{lang}.sgm")
            for m in re.finditer(r"<doc ([^>]*)>(.*?)</doc>", raw, re.S):
                docid = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))["docid"]
                title, paras = None, []
                blocks = re.findall(r"<(h1|hl|p)>(.*?)</\1>", m[2], re.S)
                if blocks:
                    for tag, inner in blocks:
                        segs = [s for s in (html.unescape(x).strip() for x in _SEG.findall(inner)) if s]
                        if not segs:
                            continue
                        if tag in ("h1", "hl") and title is None and not paras:
                            title = " ".join(segs)
                        else:
                            paras.append(" ".join(segs))
                else:  # the 2014 sets: one segment per line, the first is the headline
                    segs = [s for s in (html.unescape(x).strip() for x in _SEG.findall(m[2])) if s]
                    if segs:
                        title, paras = segs[0], segs[1:]
                yield Document(f"{short}-{lang}-{docid}", lang, title, "\n".join(paras), _date_in(docid))


def nerel(git: GitDir, commit: str) -> Iterator[Document]:
    """NEREL (Russian Wikinews): one file per article, the title on its first line."""
    for name in git.ls(commit, "NEREL-v1.1"):
        if name.endswith(".txt"):
            lines = git.text(commit, name).strip("\n").split("\n")
            body = "\n".join(line.strip() for line in lines[1:] if line.strip())
            yield Document(f"nerel-{name.rsplit('/', 1)[1][:-4]}", "ru", lines[0].strip(), body)


def factrueval(git: GitDir, commit: str) -> Iterator[Document]:
    """factRuEval-2016: ``book_N.txt`` files of its dev and test sets."""
    for split in ("devset", "testset"):
        for name in git.ls(commit, split):
            if re.search(r"/book_\d+\.txt$", name):
                body = "\n".join(line.strip() for line in git.text(commit, name).split("\n") if line.strip())
                yield Document(f"factrueval-{split[:-3]}-{name.rsplit('/', 1)[1][:-4]}", "ru", None, body)


def rusentrel(git: GitDir, commit: str) -> Iterator[Document]:
    """RuSentRel (inosmi.ru translations): paragraphs, the first the title, source lines dropped."""
    for split in ("train", "test"):
        for name in git.ls(commit, split):
            if not re.search(r"/art\d+\.txt$", name):
                continue
            raw = re.sub(r"^\{Author, Unknown\} ?", "", git.text(commit, name), flags=re.M)
            paras = [" ".join(x.strip() for x in p.split("\n") if x.strip()) for p in re.split(r"\n\s*\n", raw)]
            paras = [p for p in paras if p]
            body = "\n".join(
                p for p in paras[1:] if not p.startswith("inosmi.ru") and not re.fullmatch(r"\w*\s*\d+-го, \d{4}", p)
            )
            yield Document(f"rusentrel-{name.rsplit('/', 1)[1][:-4]}", "ru", paras[0] if paras else None, body)


def wikinews_en(git: GitDir, commit: str) -> Iterator[Document]:
    """English Wikinews 2019–2020 (CSV: url, date, title, text), the dateline dropped."""
    for name in ("data/wikinews_2019.csv", "data/wikinews_2020.csv"):
        for row in csv.DictReader(io.StringIO(git.text(commit, name))):
            paras = [p.strip() for p in row["text"].replace("\r", "").split("\n") if p.strip()]
            if paras and re.match(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d+, \d{4}$", paras[0]):
                paras = paras[1:]
            key = hashlib.sha1(row["url"].encode()).hexdigest()[:10]
            yield Document(f"enwn-{key}", "en", row["title"], "\n".join(paras), row["date"] or None, row["url"])


def masakhane(git: GitDir, commit: str) -> Iterator[Document]:
    """MasakhaNEWS English and French (BBC): rows of its TSV files, sport and culture left out."""
    skip = {"sports", "entertainment", "health", "technology", "religion"}
    for lang, folder in (("en", "eng"), ("fr", "fra")):
        for split, name in (
            ("dev", f"data/{folder}/dev.tsv"),
            ("test", f"data/{folder}/test.tsv"),
            ("train", f"few_shot_data/50_samples/{folder}/train.tsv"),
        ):
            for i, row in enumerate(csv.DictReader(io.StringIO(git.text(commit, name)), delimiter="\t")):
                if row.get("category", "").strip() in skip:
                    continue
                url = (row.get("url") or "").strip()
                key = url.rstrip("/").rsplit("/", 1)[-1] if url else f"{split}{i}"
                paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
                yield Document(f"masakhane-{lang}-{key}", lang, row.get("headline"), "\n".join(paras), url=url or None)


_FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def wikinews_fr(git: GitDir, commit: str) -> Iterator[Document]:
    """French Wikinews (2012) pages inside the keyphrase corpus' zip."""
    archive = zipfile.ZipFile(io.BytesIO(git.show(commit, "src/WikinewsKeyphraseCorpus-master.zip")))
    for member in sorted(archive.namelist()):
        if not re.search(r"documents/\d+\.html$", member):
            continue
        raw = archive.read(member).decode("utf-8")
        heading = re.search(r"<h1>(.*?)</h1>", raw, re.S)
        title = html.unescape(re.sub(r"<[^>]+>", "", heading[1] if heading else "")).strip()
        paras = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in re.findall(r"<p>(.*?)</p>", raw, re.S)]
        paras = [re.sub(r"\s+", " ", p) for p in paras if p]
        published = None
        m = re.match(r"(\d{1,2})(?:er)? (\w+) (\d{4})", paras[0]) if paras else None
        if m and m[2].lower() in _FR_MONTHS:
            published = f"{m[3]}-{_FR_MONTHS.index(m[2].lower()) + 1:02d}-{int(m[1]):02d}"
        yield Document(f"frwn-{member.rsplit('/', 1)[1][:-5]}", "fr", title, "\n".join(paras), published)


def trends_de(git: GitDir, commit: str) -> Iterator[Document]:
    """German news copied into a blog's posts (category ``entries DE``)."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    for name in git.ls(commit, "_posts"):
        parts = _front_matter(git.text(commit, name))
        if not parts or "categories: entries DE" not in parts[0]:
            continue
        front, body = parts
        date = re.search(r"^date: \w+, (\d+) (\w+) (\d{4})", front, re.M)
        published = f"{date[3]}-{months.index(date[2]) + 1:02d}-{int(date[1]):02d}" if date else None
        link = re.match(r"\s*\[(.*?)\]\((https?://[^)]+)\)", body)
        paras = [
            p.strip()
            for p in body.split("\n")
            if p.strip()
            and not p.strip().startswith(("![", "AdUnit"))
            and not re.match(r"^\[.*\]\(https?://[^)]+\)$", p.strip())
        ]
        yield Document(
            f"trends-de-{name.rsplit('/', 1)[1][:-3]}",
            "de",
            link[1] if link else None,
            "\n".join(paras),
            published,
            link[2] if link else None,
        )


def _strip_html(fragment: str) -> str:
    fragment = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", fragment)
    fragment = re.sub(r"<br\s*/?>", " ", fragment)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def ljzac(git: GitDir, commit: str) -> Iterator[Document]:
    """La Jornada Zacatecas, section Mundo (posts with HTML paragraphs)."""
    for name in git.ls(commit, "_posts"):
        if not name.endswith((".markdown", ".md")):
            continue
        parts = _front_matter(git.text(commit, name))
        if not parts or not re.search(r'^category: "?Mundo"?\s*$', parts[0], re.M):
            continue
        title = re.search(r'^title: "?(.*?)"?\s*$', parts[0], re.M)
        blocks = re.findall(r"<p[^>]*>(.*?)</p>", parts[1], re.S) or parts[1].split("\n\n")
        day = re.match(r"_posts/(\d{4})/(\d\d)/(\d\d)/", name)
        yield Document(
            f"ljz-{name.rsplit('/', 1)[1].rsplit('.', 1)[0]}",
            "es",
            html.unescape(title[1]) if title else None,
            "\n".join(p for p in (_strip_html(b) for b in blocks) if p),
            "-".join(day.groups()) if day else None,
        )


def _front_fields(front: str) -> dict[str, str]:
    return {k: v.strip().strip("'\"") for k, v in re.findall(r"^(\w+): (.*)$", front, re.M)}


def ugthesis(git: GitDir, commit: str) -> Iterator[Document]:
    """Moldovan news sites in Russian (markdown articles; Romanian ones left out)."""
    for name in git.ls(commit, "data/raw/articles"):
        parts = _front_matter(git.text(commit, name)) if name.endswith(".md") else None
        if not parts:
            continue
        fields, paras = _front_fields(parts[0]), _markdown_text(parts[1])
        if paras and paras[0].startswith("# "):
            paras = paras[1:]
        text = "\n".join(paras)
        if _cyrillic_share(text) < 0.6:
            continue
        key = name.split("/")[3] + ":" + name.rsplit("/", 1)[1][:-3][:80]
        published = (fields.get("published") or "")[:10] or None
        yield Document(f"ugthesis-{key}", "ru", fields.get("title"), text, published, fields.get("url"))


def aamc(git: GitDir, commit: str) -> Iterator[Document]:
    """French articles copied from armenews.com (markdown posts; Armenian and Russian ones left out)."""
    for name in git.ls(commit, "content/post"):
        parts = _front_matter(git.text(commit, name)) if name.endswith(".md") else None
        if not parts:
            continue
        fields = _front_fields(parts[0])
        text = "\n".join(p for p in _markdown_text(parts[1]) if not p.startswith("# "))
        letters = re.findall(r"[^\W\d_]", text)
        armenian = sum("\u0530" <= c <= "\u058f" for c in letters) / max(1, len(letters))
        if len(re.findall(r"\b(?:le|la|les|des|du|est|et)\b", text)) < 30 or armenian > 0.02:
            continue
        if _cyrillic_share(text) > 0.05:
            continue
        key = name.rsplit("/", 1)[1][:-3][:80]
        yield Document(f"aamc-{key}", "fr", fields.get("title"), text, (fields.get("date") or "")[:10] or None)


#: repository -> its reader
READERS: dict[str, Callable[[GitDir, str], Iterator[Document]]] = {
    "Jun1770watanabe/Seq2seq": wmt,
    "nerel-ds/NEREL": nerel,
    "dialogue-evaluation/factRuEval-2016": factrueval,
    "nicolay-r/RuSentRel": rusentrel,
    "vanatteveldt/wikinews": wikinews_en,
    "masakhane-io/masakhane-news": masakhane,
    "boudinfl/wikinews-2013-pre": wikinews_fr,
    "nguyenvulebinh/trends": trends_de,
    "ljzac/ljzac.github.io": ljzac,
    "gavriil-f/ugthesis": ugthesis,
    "sdriku/aamc": aamc,
}
