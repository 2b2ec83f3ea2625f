"""HTML extraction: the article container wins over navigation, sidebars and share bars."""

from __future__ import annotations

from wirewatch.core.cleaning.extract import ends_sentence, extract_main_text, parse_html
from wirewatch.core.cleaning.htmlmeta import read_page_meta

PARAGRAPHS = [
    "The river rose by two metres overnight, and the town opened its sports hall to families, "
    "who arrived with blankets, pets and whatever they could carry.",
    "Engineers said the new dam held, but they warned that the next storm, expected on Friday, "
    "could bring even more rain to the valley.",
    "Volunteers cooked for three hundred people, and the school, closed since Monday, will stay shut.",
]


def _page(body: str, head: str = "") -> str:
    title = "<title>Flood closes the valley school | Valley News</title>"
    return f"<html lang='en-GB'><head>{title}{head}</head><body>{body}</body></html>"


def _article() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_the_article_is_kept_and_navigation_sidebar_and_share_bar_are_not() -> None:
    body = (
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='main'><h1>Flood</h1><div class='share-bar'><a>Share on X</a></div>{_article()}</div>"
        "<aside class='sidebar'><p>Most read: a story about a cat that learned to open the fridge door.</p></aside>"
        "<footer><p>Copyright Valley News, all rights reserved, every day of the year.</p></footer>"
    )
    assert extract_main_text(parse_html(_page(body))) == tuple(PARAGRAPHS)


def test_a_page_wide_form_does_not_hide_the_article() -> None:
    body = f"<form id='aspnetForm'><div id='content'>{_article()}</div></form>"
    assert extract_main_text(parse_html(_page(body))) == tuple(PARAGRAPHS)


def test_a_link_list_next_to_the_article_is_dropped() -> None:
    links = "".join(f"<li><a href='/s{i}'>Another headline number {i} about something</a></li>" for i in range(8))
    body = f"<div><article>{_article()}</article><ul>{links}</ul></div>"
    assert extract_main_text(parse_html(_page(body))) == tuple(PARAGRAPHS)


def test_an_empty_or_textless_page_gives_nothing() -> None:
    assert extract_main_text(parse_html("")) == ()
    assert extract_main_text(parse_html(_page("<div><img src='x.png'></div>"))) == ()


def test_deep_nesting_does_not_overflow_the_stack() -> None:
    depth = 20_000
    html = _page("<div>" * depth + _article() + "</div>" * depth)
    assert extract_main_text(parse_html(html))  # lexbor caps the depth; the walk is iterative


def test_page_metadata_comes_from_the_head() -> None:
    head = (
        "<meta property='og:title' content='Flood in the valley'>"
        "<meta property='article:published_time' content='2024-03-01T08:00:00Z'>"
        "<meta name='author' content='Ann Lee, Bo Chen'>"
        "<link rel='canonical' href='https://news.example/flood'>"
        "<meta property='og:site_name' content='Valley News'>"
    )
    meta = read_page_meta(parse_html(_page(_article(), head)))
    assert meta.title == "Flood in the valley"
    assert meta.published == "2024-03-01T08:00:00Z"
    assert meta.authors == ("Ann Lee", "Bo Chen")
    assert meta.canonical_url == "https://news.example/flood"
    assert meta.site_name == "Valley News"
    assert meta.lang == "en"


def test_without_og_title_the_longest_part_of_the_title_element_is_used() -> None:
    assert read_page_meta(parse_html(_page(_article()))).title == "Flood closes the valley school"


FURNITURE = [
    (
        "div",
        "bildunterschrift",
        "Die Brücke über den Fluss am Morgen nach dem Hochwasser, fotografiert von der Agentur.",
    ),
    (
        "div",
        "artikel-empfehlungen",
        "Der Stadtrat hat am Montag einen langen Bericht über die Zukunft der Brücke beschlossen.",
    ),
    ("p", "legende", "Le pont sur la rivière au matin après la crue, photographié par un photographe local."),
    ("div", "didascalia", "Il ponte sul fiume al mattino dopo la piena, fotografato da un fotografo locale."),
    ("div", "box-teilen", "Auf Facebook, Twitter oder per E-Mail an Freunde und Bekannte weiterleiten und empfehlen."),
    ("div", "barre-partage", "Envoyez cet article à vos amis par courriel ou sur les réseaux sociaux de votre choix."),
    (
        "div",
        "compartir-noticia",
        "Envía esta noticia a tus amigos por correo o en las redes sociales que prefieras hoy.",
    ),
    (
        "section",
        "leserkommentare",
        "Ein Leser schrieb am Abend, dass er mit dem Plan der Stadt nicht einverstanden ist.",
    ),
    ("div", "werbung", "Jetzt günstig Urlaub buchen bei unserem Partner und beim nächsten Reisen viel Geld sparen."),
    ("div", "anzeige-mitte", "Die neue Küche zum halben Preis, nur diese Woche im Möbelhaus am Stadtrand zu haben."),
    ("div", "publicidad-lateral", "Compra ahora tu seguro de hogar con un descuento especial solo durante este mes."),
]


def test_furniture_named_in_other_languages_is_pruned() -> None:
    boxes = "".join(f"<{tag} class='{cls}'>{text}</{tag}>" for tag, cls, text in FURNITURE)
    tree = parse_html(_page(f"<article><h1>Flood</h1>{_article()}{boxes}</article>"))
    kept = extract_main_text(tree)
    assert list(kept) == PARAGRAPHS


def test_authors_come_from_a_byline_element_that_the_extractor_prunes() -> None:
    page = _page(f"<article><h1>Flood</h1><p class='byline'>Von Jana Novak und Ole Berg</p>{_article()}</article>")
    tree = parse_html(page)
    assert read_page_meta(tree).authors == ("Jana Novak", "Ole Berg")
    assert "Von Jana Novak und Ole Berg" not in extract_main_text(tree)


def test_an_author_element_holding_only_a_name_names_the_author() -> None:
    page = _page(f"<article><span itemprop='author'>Rui Costa</span>{_article()}</article>")
    assert read_page_meta(parse_html(page)).authors == ("Rui Costa",)


LEAD = (
    "A little over a week ago the valley's only road was cut by a landslide, and since then the school bus "
    "has taken a detour through the hills that adds an hour each way (the council says until spring.)"
)


def test_a_paragraph_of_linked_names_does_not_outscore_the_article() -> None:
    names = ", ".join(f"<a href='/u/{i}'>reader{i}</a>" for i in range(120))
    body = f"<div class='kudos'><p>Liked by {names}</p></div><div class='text'>{_article()}</div>"
    assert extract_main_text(parse_html(_page(body))) == tuple(PARAGRAPHS)


def test_a_sentence_may_end_inside_closing_brackets_and_quotes() -> None:
    assert ends_sentence("as the metaphor has it.)") and ends_sentence("«C'est fini.»") and ends_sentence("„Ja.“")
    assert ends_sentence('He said "yes"') and ends_sentence("Und dann…")
    assert not ends_sentence("Read more") and not ends_sentence("Photo: (AP)")


def test_a_lead_ending_in_a_bracket_outside_the_article_box_is_kept() -> None:
    body = f"<div class='top'><p>{LEAD}</p></div><div class='story'>{_article()}</div>"
    assert extract_main_text(parse_html(_page(body))) == (LEAD, *PARAGRAPHS)


SECTION = [
    "When the first section of the report was written, the engineers had only the gauges of the upper "
    "valley, and they could not yet say how much of the rain would reach the lower town by the morning.",
    "The second paragraph of that section describes the night itself: the sirens, the calls to the fire "
    "station and the families who left their houses before the water reached the doors of the street.",
]


def _teaser(i: int) -> str:
    text = (
        f"Teaser number {i} tells of another story on the site, about a match, a market or a mayor, and it "
        "is long enough to look like a paragraph of prose when it stands alone in its box on the page."
    )
    return f"<div class='t{i}'><p>{text}</p></div>"


def test_a_section_before_a_subheading_joins_the_article_box() -> None:
    first = "".join(f"<p>{p}</p>" for p in SECTION)
    body = f"<div class='a'><div class='s1'>{first}</div><h2>The night</h2><div class='s2'>{_article()}</div></div>"
    assert extract_main_text(parse_html(_page(body))) == (*SECTION, "The night", *PARAGRAPHS)


def test_teasers_after_a_heading_each_in_its_own_box_are_not_taken() -> None:
    story = "".join(f"<p>{p}</p>" for p in (*SECTION, *PARAGRAPHS))
    teasers = "".join(_teaser(i) for i in range(2))
    body = f"<main><div class='story'>{story}</div></main><div class='next'><h3>From the valley</h3>{teasers}</div>"
    assert extract_main_text(parse_html(_page(body))) == (*SECTION, *PARAGRAPHS)


def _section(paragraphs: list[str], heading: str = "") -> str:
    inner = (f"<h1>{heading}</h1>" if heading else "") + "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<section><div class='n'><div class='z'>{inner}</div></div></section>"


LATER = [
    f"On day {day} after the flood, the town counted its losses, street by street, and the insurers sent "
    "their assessors, who worked late into the evening, with torches, in cellars still full of mud."
    for day in ("two", "three", "four")
]


def test_sections_wrapped_as_cousins_are_all_kept() -> None:
    between = "<p><a href='/gallery'>Pictures of the flood</a></p>"  # stops a walk from one to the other
    long = [*PARAGRAPHS, *SECTION, LATER[0]] * 3  # the first section holds most of the text
    body = f"<article><h1>Flood</h1><div>{_section(long)}{between}{_section(LATER[1:])}</div></article>"
    assert extract_main_text(parse_html(_page(body))) == (*long, *LATER[1:])


def test_an_h1_after_the_prose_has_started_is_a_section_heading() -> None:
    body = f"<article><h1>Flood</h1><div class='z'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}"
    body += f"<h1>The night</h1>{''.join(f'<p>{p}</p>' for p in SECTION)}</div></article>"
    assert extract_main_text(parse_html(_page(body))) == (*PARAGRAPHS, "The night", *SECTION)


def test_a_section_whose_id_is_its_headings_slug_is_not_taken_for_a_share_bar() -> None:
    slugged = "".join(f"<p>{p}</p>" for p in SECTION)
    body = (
        f"<div class='body'><div class='section' id='the-flood'>{_article()}</div>"
        f"<div class='section' id='how-the-towns-shared-the-related-costs'>{slugged}</div>"
        "<div id='share-bar'><p>Share this story with your friends and family today, please.</p></div></div>"
    )
    assert extract_main_text(parse_html(_page(body))) == (*PARAGRAPHS, *SECTION)


def test_a_linked_word_with_a_furniture_class_inside_a_sentence_stays() -> None:
    words = "<p>I am a <a class='popup' href='#'>rather elderly</a> man, and the <span class='tooltip share'>"
    words += "nature of my avocations</span> has brought me into contact with an interesting set of men.</p>"
    body = f"<div class='story'>{words}{_article()}</div>"
    first = "I am a rather elderly man, and the nature of my avocations has brought me into contact with"
    assert extract_main_text(parse_html(_page(body)))[0].startswith(first)


def test_a_linked_subheading_between_paragraphs_stays_and_a_link_list_does_not() -> None:
    games = "<h3><a href='/shop/rez'>Rez Infinite ($30)</a></h3>"
    more = "<ul><li><a href='/a'>Another review of a game, this time a football one</a></li></ul>"
    body = f"<div class='story'><p>{PARAGRAPHS[0]}</p>{games}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>{more}</div>"
    assert extract_main_text(parse_html(_page(body))) == (PARAGRAPHS[0], "Rez Infinite ($30)", *PARAGRAPHS[1:])


def test_a_lead_that_cites_a_source_with_a_link_is_still_joined_to_the_article() -> None:
    lead = (
        "About a decade later the valley started to plan for floods, and <a href='/report'>a report by the "
        "council</a> said the dam would hold, which it did until the night of the storm this week."
    )
    body = f"<div class='a'><div class='top'><p>{lead}</p></div></div><div><div class='story'>{_article()}</div></div>"
    assert extract_main_text(parse_html(_page(body)))[0].startswith("About a decade later")


def test_a_subheading_loose_between_two_kept_blocks_stays() -> None:
    first = " ".join(PARAGRAPHS)
    body = f"<article><h1>Flood</h1><div>{first}</div><h2>Foo</h2><div>{SECTION[0]}</div></article>"
    assert extract_main_text(parse_html(_page(body))) == (first, "Foo", SECTION[0])


def test_a_lead_under_the_headline_joins_the_body_across_a_byline_and_a_date() -> None:
    head = f"<div class='head'><h1>Flood</h1><p>{LEAD}</p><p>Von Anna Müller</p><p>12. März 2025</p></div>"
    body = f"{head}<div class='body'><div class='story'>{_article()}</div></div>"
    assert extract_main_text(parse_html(_page(body))) == (LEAD, "Von Anna Müller", "12. März 2025", *PARAGRAPHS)


def test_a_short_list_loose_between_two_kept_blocks_stays() -> None:
    first = " ".join(PARAGRAPHS)
    items = "<ul><li>blankets and pets</li><li>water for three days</li><li><a href='/shop'>Shop</a></li></ul>"
    body = f"<article><h1>Flood</h1><div>{first}</div>{items}<div>{SECTION[0]}</div></article>"
    expected = (first, "blankets and pets", "water for three days", SECTION[0])
    assert extract_main_text(parse_html(_page(body))) == expected
