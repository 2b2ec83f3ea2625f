"""A sentence saying that no agreement came about is not an agreement, in any language."""

from __future__ import annotations

import pytest

NEGATED = [
    ("en", "India and Brazil vowed to strengthen ties during the summit, but no agreement was signed."),
    ("en", "Serbia and Kosovo failed to sign the normalisation agreement in Brussels."),
    ("en", "Chile and Peru did not sign the fisheries treaty on Monday."),
    ("en", "The talks between Egypt and Ethiopia ended without reaching a deal on the dam."),
    ("de", "Polen und Tschechien haben kein Abkommen über die Grenzkontrollen unterzeichnet."),
    ("de", "Das Abkommen zwischen Serbien und Albanien wurde nicht unterzeichnet."),
    ("fr", "Le Maroc et l'Algérie n'ont pas signé l'accord de coopération énergétique."),
    ("fr", "Aucun accord commercial n'a été conclu entre le Sénégal et la Gambie."),
    ("es", "Colombia y Venezuela no firmaron el acuerdo comercial en Caracas."),
    ("es", "Ningún acuerdo fue alcanzado entre Bolivia y Paraguay sobre el gas."),
]

SIGNED = [
    ("en", "Chile and Peru signed a fisheries treaty on Monday."),
    ("de", "Polen und Tschechien haben ein Abkommen über die Grenzkontrollen unterzeichnet."),
    ("fr", "Le Maroc et l'Espagne ont signé un accord de coopération énergétique."),
    ("es", "Colombia y Venezuela firmaron un acuerdo comercial en Caracas."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATED)
def test_negated_agreements_are_not_reported(extract, lang, text) -> None:
    assert extract(text, lang) == ()


@pytest.mark.parametrize(("lang", "text"), SIGNED)
def test_the_same_sentences_without_the_negation_are_agreements(extract, lang, text) -> None:
    (agreement,) = extract(text, lang)
    assert agreement.status == "signed"
