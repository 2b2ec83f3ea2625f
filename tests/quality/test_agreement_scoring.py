"""The agreement scorer: strict and lenient matching, one to one, near misses apart."""

from __future__ import annotations

from tests.quality.agreement_scoring import AgreementScore, lenient_parties, score_article

JCPOA = {
    "parties": ["IRN", "USA", "RUS", "CHN", "FRA", "GBR", "DEU", "ORG:EU"],
    "parties_in_text": ["IRN", "USA"],
    "type": "nuclear",
    "type_alternatives": ["security"],
    "status": "existing",
    "status_alternatives": [],
    "duration": None,
    "date": "2015",
    "evidence": "the 2015 nuclear deal",
}


def _pred(parties, kind="nuclear", status="existing", date=None):
    return {"parties": parties, "type": kind, "status": status, "duration": None, "date": date}


def test_lenient_parties_accept_the_text_set_the_known_set_and_anything_between() -> None:
    assert lenient_parties(frozenset({"IRN", "USA"}), JCPOA)
    assert lenient_parties(frozenset(JCPOA["parties"]), JCPOA)
    assert lenient_parties(frozenset({"IRN", "USA", "FRA"}), JCPOA)
    assert not lenient_parties(frozenset({"IRN", "FRA"}), JCPOA)  # not above the text's set, Jaccard 2/8
    assert not lenient_parties(frozenset({"IRN", "USA", "ISR"}), JCPOA)  # ISR is no party


def test_lenient_parties_accept_a_large_overlap() -> None:
    label = {"parties": ["AAA", "BBB", "CCC"], "parties_in_text": ["AAA", "BBB", "CCC"]}
    assert lenient_parties(frozenset({"AAA", "BBB"}), label)  # 2 shared, Jaccard 2/3
    assert not lenient_parties(frozenset({"AAA", "DDD"}), label)


def test_strict_scoring_needs_the_same_set_and_type_while_lenient_takes_alternatives() -> None:
    gold = {"agreements": [JCPOA]}
    strict, lenient = AgreementScore(), AgreementScore()
    score_article(strict, "a", [_pred(["IRN", "USA"], "security")], gold)
    score_article(lenient, "a", [_pred(["IRN", "USA"], "security")], gold, lenient=True)
    assert (strict.matched, len(strict.false_positives), strict.recall) == (0, 1, 0.0)
    assert (lenient.matched, lenient.precision, lenient.recall) == (1, 1.0, 1.0)


def test_matching_is_one_to_one_and_finds_the_most_pairs() -> None:
    # The first prediction could take either label; the second only the first label.
    labels = [
        {**JCPOA, "parties": ["AAA", "BBB"], "parties_in_text": ["AAA", "BBB"], "date": None},
        {**JCPOA, "parties": ["AAA", "BBB", "CCC"], "parties_in_text": ["AAA", "BBB", "CCC"], "date": None},
    ]
    score = AgreementScore()
    score_article(
        score,
        "a",
        [_pred(["AAA", "BBB", "CCC"]), _pred(["AAA", "BBB"]), _pred(["AAA", "BBB"])],
        {"agreements": labels},
        lenient=True,
    )
    assert (score.matched, len(score.false_positives), score.gold) == (2, 1, 2)


def test_status_alternatives_count_as_right_and_near_misses_are_set_apart() -> None:
    label = {**JCPOA, "status": "signed", "status_alternatives": ["existing"]}
    gold = {"agreements": [label], "near_misses": [{"parties": ["RUS", "MLI"], "quote": "q", "why": "w"}]}
    score = AgreementScore()
    score_article(score, "a", [_pred(["IRN", "USA"]), _pred(["MLI", "RUS"], "other")], gold, lenient=True)
    assert (score.status_accuracy, score.near_misses_reported, score.precision) == (1.0, 1, 1.0)
