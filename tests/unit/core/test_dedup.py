"""Exact and near duplicates, and same-story detection across languages."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.dedup import (
    IndexEntry,
    Resolution,
    fingerprint,
    hamming,
    index_keys,
    jaccard,
    resolve,
    simhash,
    story_features,
)
from wirewatch.core.model import ContentKind, RawArticle

BODY = " ".join(
    f"Paragraph {i}: the committee discussed the harbour budget, the ferry timetable and the new bridge."
    for i in range(30)
)


class MemoryIndex:
    """The index as a dict of lists, the way the cleaner's table store behaves."""

    def __init__(self) -> None:
        self.keys: dict[str, list[IndexEntry]] = defaultdict(list)

    def add(self, article_id: str, title: str, body: str, lang: str = "en") -> Resolution:
        result = resolve(article_id, fingerprint(title, body, lang), lambda key: self.keys.get(key, []))
        for key, entry in result.writes.items():
            self.keys[key].append(entry)
        return result


def test_the_same_body_with_other_spacing_and_case_is_an_exact_duplicate() -> None:
    index = MemoryIndex()
    assert index.add("a", "T", BODY).duplicate_of is None
    again = index.add("b", "T", "  " + BODY.upper().replace(" ", "  "))
    assert again.duplicate_of == "a"
    assert again.story_id == "a"


def test_a_republished_copy_with_small_edits_is_a_near_duplicate() -> None:
    index = MemoryIndex()
    index.add("a", "T", BODY)
    edited = BODY.replace("Paragraph 7:", "Section 7:").replace("new bridge", "old bridge", 1)
    assert hamming(fingerprint("T", BODY).simhash, fingerprint("T", edited).simhash) <= 3
    assert index.add("b", "T", edited).duplicate_of == "a"


def test_a_different_article_is_not_a_duplicate() -> None:
    index = MemoryIndex()
    index.add("a", "T", BODY)
    other = " ".join(
        f"Forecasters in Bergen expect rain in the north, with snow above {1000 + 50 * i} metres." for i in range(30)
    )
    result = index.add("b", "U", other)
    assert result.duplicate_of is None
    assert result.story_id == "b"


def test_reprocessing_the_same_article_is_not_a_duplicate_of_itself() -> None:
    index = MemoryIndex()
    index.add("a", "T", BODY)
    assert index.add("a", "T", BODY).duplicate_of is None


def test_every_fingerprint_has_exact_near_and_story_keys() -> None:
    keys = index_keys(fingerprint("Talks in Oslo", BODY))
    assert keys[0].startswith("exact:")
    assert sum(k.startswith("near:") for k in keys) == 4
    assert any(k.startswith("story:") for k in keys)


def test_story_features_fold_transliterations() -> None:
    german = story_features("Der Minister Schoigu traf in Moskau ein.")
    english = story_features("Minister Shoigu arrived in Moscow.")
    assert {"shoigu"} <= german & english
    assert jaccard(german, english) > 0


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    options = CleanOptions()
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        a = clean_article(RawArticle(id=path.name[:3], kind=ContentKind.TEXT, content=path.read_text("utf-8")), options)
        out[a.id] = (a.title, a.body, a.lang, a.sources)
    return out


def test_the_german_and_english_reports_of_one_story_share_a_story_id(seed_articles) -> None:
    stories = {}
    index: dict[str, list[IndexEntry]] = defaultdict(list)
    for article_id, (title, body, lang, sources) in seed_articles.items():
        result = resolve(article_id, fingerprint(title, body, lang, sources), lambda key: index.get(key, []))
        for key, entry in result.writes.items():
            index[key].append(entry)
        stories[article_id] = result.story_id
    assert stories["002"] == stories["000"]
    assert len({stories["000"], stories["001"], stories["003"], stories["004"]}) == 4


@given(st.lists(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12), max_size=80))
def test_exact_keys_ignore_case_spacing_and_punctuation(words: list[str]) -> None:
    assume(all(w.upper().lower() == w.lower() for w in words))  # e.g. Turkish dotless i has no round trip
    plain = " ".join(words)
    noisy = "  ,  ".join(w.upper() for w in words) + " !"
    assert fingerprint("T", plain).exact == fingerprint("T", noisy).exact


@given(st.text(max_size=2000))
def test_resolving_against_an_empty_index_keeps_the_article_as_its_own_story(body: str) -> None:
    result = resolve("x", fingerprint("T", body), lambda key: [])
    assert result.duplicate_of is None
    assert result.story_id == "x"
    assert set(result.writes) == set(index_keys(fingerprint("T", body)))


HARBOUR_STORY = (
    "The port authority of Valparaíso approved a new container terminal on Tuesday. "
    "However, dock workers said they would strike. They want higher pay. "
    "But the authority said the budget was fixed. The terminal opens in 2027."
)
ELECTION_STORY = (
    "The electoral commission in Nairobi postponed the count on Tuesday. "
    "However, opposition parties said they would appeal. They accuse officials of fraud. "
    "But the commission said the delay was technical. The count resumes next week."
)


def test_two_unrelated_stories_in_one_language_are_not_the_same_story() -> None:
    index = MemoryIndex()
    index.add("port", "Valparaíso approves terminal", HARBOUR_STORY)
    result = index.add("vote", "Nairobi count delayed", ELECTION_STORY)
    assert result.story_id == "vote"
    shared = story_features(HARBOUR_STORY) & story_features(ELECTION_STORY)
    assert not shared & {"the", "however", "they", "but", "tuesday"}


def test_sentence_initial_words_are_not_names_but_words_inside_sentences_are() -> None:
    features = story_features("However, talks went on. Officials met Ana Brnabić in Belgrade. However late.")
    assert "however" not in features
    assert {"ana", "brnabik", "ana brnabik", "belgrade"} <= features
    assert "officials" not in features


def test_a_word_also_written_in_lower_case_is_not_a_name() -> None:
    features = story_features("Prices rose. In the Market Hall the market was busy, said Ivo Marek.")
    assert "market" not in features
    assert {"ivo marek", "marek"} <= features


def test_tsch_folds_before_sch() -> None:
    assert story_features("Die Lage im Tschad bleibt angespannt.") & story_features("The situation in Chad is tense.")


def bit_by_bit_simhash(words: list[str], width: int = 3) -> int:
    """The textbook SimHash: +1/-1 per bit per shingle, keep the positive bits."""
    counts = [0] * 64
    for i in range(max(1, len(words) - width + 1)):
        digest = hashlib.blake2b(" ".join(words[i : i + width]).encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "big")
        for bit in range(64):
            counts[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)


@given(st.lists(st.sampled_from(["quay", "ferry", "toll", "bridge", "vote", "Oslo", "ü", "7"]), max_size=60))
def test_simhash_equals_the_bit_by_bit_definition(words: list[str]) -> None:
    assert simhash(words) == bit_by_bit_simhash(words)
