"""Boilerplate phrase lists per language, loaded from ``data/*.txt`` by ``load_phrasebook``.

The lists are merged across languages: a German page may carry an English share bar, and
the cleaner runs before the language is known. Matching works on a *key*: the line lower-cased,
bullets and surrounding punctuation stripped, spaces collapsed (``line_key``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from wirewatch.core.errors import ConfigurationError

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "nl")
_KINDS = frozenset("=>~@$^*%&")
# Verb-final calls to action ("Diesen Artikel teilen") are only trusted on short lines.
SHORT_PROMPT_WORDS = 8


class PhraseFileError(ConfigurationError, ValueError):
    """A phrase file holds a line that is not ``<kind> <phrase>`` (a packaging bug, not input)."""


def line_key(line: str) -> str:
    """The form phrases are matched against: lower case, single spaces, no edge punctuation."""
    text = line.lower()
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return " ".join(text[start:end].split())


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """Boilerplate phrases of every language, by kind (see ``data/README.md``)."""

    whole: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    source_labels: frozenset[str]
    end_markers: frozenset[str]
    prompt_verbs: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    share_verbs: tuple[str, ...] = ()
    shareables: tuple[str, ...] = ()

    def is_whole(self, key: str) -> bool:
        """The line is exactly a boilerplate phrase."""
        return key in self.whole

    def has_prefix(self, key: str, sentence: bool = False) -> bool:
        """The line starts with a boilerplate phrase (followed by a word boundary).

        A phrase ending in a colon ("Watch:", "Related:") is a label before a link; when what
        follows is a whole sentence ("Related: both sides blamed each other.") it is prose.
        """
        key = key.replace(" :", ":")  # French spacing before the colon
        if not key.startswith(self.prefixes):
            return False  # one C-level test settles most lines before the per-phrase checks
        return any(
            key.startswith(p)
            and (len(key) == len(p) or not key[len(p)].isalnum())
            and not (sentence and p.endswith(":"))
            for p in self.prefixes
        )

    def is_prompt(self, key: str) -> bool:
        """A call to action: a prompt verb and a channel ("Follow us on …", "Newsletter bestellen").

        The verb may start the line, or end a short one (German puts it last); share verbs
        ("Share this article", "Deel dit artikel") also accept the article itself as object.
        """
        words = key.split()
        has = self._names_any(key, set(words))
        if any(key.startswith(v + " ") for v in self.prompt_verbs) and has(self.channels):
            return True
        if len(words) > SHORT_PROMPT_WORDS:
            return False
        if any(key.endswith(" " + v) for v in self.prompt_verbs) and has(self.channels):
            return True
        shares = any(key.startswith(v + " ") or key.endswith(" " + v) for v in self.share_verbs)
        return shares and (has(self.channels) or has(self.shareables))

    @staticmethod
    def _names_any(key: str, words: set[str]) -> Callable[[tuple[str, ...]], bool]:
        return lambda options: any(c in words or (" " in c and c in key) for c in options)

    def has_phrase(self, lowered: str) -> bool:
        """The lower-cased line contains a boilerplate phrase."""
        return any(p in lowered for p in self.contains)


def load_phrasebook(languages: tuple[str, ...] = LANGUAGES) -> Phrasebook:
    """Read and merge the phrase files of ``languages`` (a few ms: call once per process)."""
    entries: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    folder = resources.files("wirewatch.core.cleaning") / "data"
    for lang in languages:
        for kind, phrase in _parse((folder / f"{lang}.txt").read_text(encoding="utf-8")):
            entries[kind].add(phrase)
    return Phrasebook(
        whole=frozenset(entries["="] | entries["$"]),
        prefixes=tuple(sorted(entries[">"], key=len, reverse=True)),
        contains=tuple(sorted(p for p in entries["~"])),
        source_labels=frozenset(entries["@"]),
        end_markers=frozenset(entries["$"]),
        prompt_verbs=tuple(sorted(entries["^"])),
        channels=tuple(sorted(entries["*"])),
        share_verbs=tuple(sorted(entries["%"])),
        shareables=tuple(sorted(entries["&"])),
    )


def _parse(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, phrase = line.partition(" ")
        if kind not in _KINDS or not phrase.strip():
            raise PhraseFileError(f"bad phrase line {raw!r}")
        # Prefix and whole-line phrases are matched on keys; "contains" phrases keep their spacing.
        out.append((kind, _phrase_key(kind, phrase)))
    return out


def _phrase_key(kind: str, phrase: str) -> str:
    # "Contains" phrases keep their spacing; prefix phrases keep a final colon ("watch:" is a
    # label, "watch" a verb); the rest are matched on keys.
    if kind == "~":
        return phrase.lower()
    key = line_key(phrase)
    return f"{key}:" if kind == ">" and phrase.rstrip().endswith(":") else key
