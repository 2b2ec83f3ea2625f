"""``clean_article`` end to end: text and HTML in, a clean article or a typed rejection out."""

from __future__ import annotations

import pytest

from wirewatch.core.cleaning import CleanOptions, clean_article
from wirewatch.core.errors import ErrorKind, Rejected
from wirewatch.core.model import ContentKind, RawArticle

BODY = (
    "The council met on Tuesday and agreed, after a long debate, to spend more on schools next year.\n"
    "Several members said the plan was late, but the mayor promised to publish the figures in March.\n"
)


def test_a_text_article_gets_title_body_sources_and_published(clean_text) -> None:
    text = f"City Times\nCouncil agrees to spend more on schools\n2024-02-03T10:00:00Z\n{BODY}Source: City Times"
    article = clean_text(text)
    assert article.title == "Council agrees to spend more on schools"
    assert article.body.split("\n\n") == BODY.strip().split("\n")
    assert article.published == "2024-02-03T10:00:00Z"
    assert article.sources == ("City Times",)
    assert article.lang == "en"


def test_a_given_title_wins_and_its_line_is_not_body(clean_text) -> None:
    article = clean_text(f"Council agrees\n{BODY}", title="Council agrees")
    assert article.title == "Council agrees"
    assert not article.body.startswith("Council agrees")


def test_an_html_article_is_extracted(clean_text) -> None:
    html = (
        "<html><head><title>Council plans more money for schools | City Times</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    )
    article = clean_text(html + "</article></body></html>", kind=ContentKind.HTML)
    assert article.title == "Council plans more money for schools"
    assert article.paragraphs == BODY.strip().split("\n")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", ErrorKind.EMPTY),
        ("   \n\t ", ErrorKind.EMPTY),
        ("\x00\x01\x02binary" * 50, ErrorKind.BINARY),
        ("\ufffd" * 500 + "abc", ErrorKind.UNDECODABLE),
        ("Related articles\nAdvertisement\n", ErrorKind.NO_TEXT),
    ],
)
def test_unusable_input_is_rejected_with_a_reason(clean_options, content: str, reason: ErrorKind) -> None:
    with pytest.raises(Rejected) as caught:
        clean_article(RawArticle(id="x", kind=ContentKind.TEXT, content=content), clean_options)
    assert caught.value.reason is reason


def test_oversized_input_is_refused_or_truncated(clean_options) -> None:
    raw = RawArticle(id="x", kind=ContentKind.TEXT, content=BODY * 100)
    small = CleanOptions(max_bytes=500, phrasebook=clean_options.phrasebook, language=clean_options.language)
    with pytest.raises(Rejected) as caught:
        clean_article(raw, small)
    assert caught.value.reason is ErrorKind.TOO_LARGE
    cut = CleanOptions(
        max_bytes=500, truncate=True, phrasebook=clean_options.phrasebook, language=clean_options.language
    )
    assert len(clean_article(raw, cut).body) <= 500


def test_a_one_line_text_is_its_own_title_and_body(clean_text) -> None:
    article = clean_text("Council agrees to spend more on schools next year")
    assert article.body == article.title == "Council agrees to spend more on schools next year"


def test_a_lead_under_the_headline_is_kept_and_the_byline_after_it_is_not(clean_text) -> None:
    lead = (
        "Nach dem Hochwasser im Tal bleibt die Schule bis Freitag geschlossen, und die Gemeinde öffnet "
        "die Sporthalle für Familien, die ihre Häuser in der Nacht verlassen mussten."
    )
    paragraphs = [
        "Der Fluss stieg über Nacht um zwei Meter, und die Feuerwehr brachte dreihundert Menschen in "
        "Sicherheit, darunter viele ältere Bewohner der unteren Straßen.",
        "Die Ingenieure sagten, der neue Damm habe gehalten, warnten aber vor dem nächsten Sturm, der "
        "für Freitag erwartet wird und noch mehr Regen bringen könnte.",
        "Freiwillige kochten für alle, und der Bürgermeister dankte den Helfern, die seit Montag im "
        "Einsatz sind, oft ohne Pause und bis tief in die Nacht.",
    ]
    head = f"<div class='kopf'><h1>Hochwasser im Tal</h1><p>{lead}</p><p>Von Anna Müller</p></div>"
    story = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"<html><body>{head}<div class='inhalt'><div class='text'>{story}</div></div></body></html>"
    article = clean_text(html, kind=ContentKind.HTML)
    assert article.body.split("\n\n") == [lead, *paragraphs]
    assert article.authors == ("Anna Müller",)
