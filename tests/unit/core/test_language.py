"""Language identification: right on texts written for the test in many languages, and on the seeds.

Accuracy over larger sets (the benchmark's pages over 300 characters) and speed are measured
in ``benchmarks/bench_clean.py``, not asserted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirewatch.core.language import LanguageModel, identify_language, load_language_model

TEXTS = {
    "en": "The government announced on Monday that it would raise the minimum wage next spring, after months of "
    "pressure from unions and a long debate in parliament. Employers warned that small shops could struggle, "
    "while economists said the effect on prices would probably be modest and spread over several years.",
    "de": "Die Regierung hat am Montag angekündigt, den Mindestlohn im nächsten Frühjahr zu erhöhen, nachdem die "
    "Gewerkschaften monatelang Druck gemacht hatten. Die Arbeitgeber warnten, kleine Geschäfte könnten darunter "
    "leiden, während Ökonomen die Auswirkungen auf die Preise für eher gering halten.",
    "fr": "Le gouvernement a annoncé lundi qu'il augmenterait le salaire minimum au printemps prochain, après des "
    "mois de pression de la part des syndicats et un long débat au parlement. Les employeurs ont averti que les "
    "petits commerces pourraient en souffrir, tandis que les économistes jugent l'effet sur les prix modeste.",
    "es": "El gobierno anunció el lunes que subirá el salario mínimo la próxima primavera, tras meses de presión "
    "de los sindicatos y un largo debate en el parlamento. Los empresarios advirtieron que las pequeñas tiendas "
    "podrían tener dificultades, mientras que los economistas creen que el efecto sobre los precios será leve.",
    "it": "Il governo ha annunciato lunedì che aumenterà il salario minimo la prossima primavera, dopo mesi di "
    "pressioni da parte dei sindacati e un lungo dibattito in parlamento. Gli imprenditori hanno avvertito che i "
    "piccoli negozi potrebbero avere difficoltà, mentre gli economisti ritengono modesto l'effetto sui prezzi.",
    "pt": "O governo anunciou na segunda-feira que vai aumentar o salário mínimo na próxima primavera, depois de "
    "meses de pressão dos sindicatos e de um longo debate no parlamento. Os empresários avisaram que as pequenas "
    "lojas poderão ter dificuldades, enquanto os economistas consideram que o efeito nos preços será modesto.",
    "ru": "Правительство в понедельник объявило, что следующей весной повысит минимальную заработную плату после "
    "нескольких месяцев давления со стороны профсоюзов и долгих дебатов в парламенте. Работодатели предупредили, "
    "что небольшим магазинам будет трудно, а экономисты считают, что влияние на цены будет умеренным.",
    "nl": "De regering heeft maandag aangekondigd dat het minimumloon volgend voorjaar omhoog gaat, na maanden van "
    "druk door de vakbonden en een lang debat in het parlement. Werkgevers waarschuwden dat kleine winkels het "
    "moeilijk kunnen krijgen, terwijl economen verwachten dat het effect op de prijzen beperkt blijft.",
    "pl": "Rząd ogłosił w poniedziałek, że wiosną podniesie płacę minimalną, po miesiącach nacisków ze strony "
    "związków zawodowych i długiej debacie w parlamencie. Pracodawcy ostrzegli, że małe sklepy mogą mieć kłopoty, "
    "a ekonomiści uważają, że wpływ na ceny będzie raczej niewielki i rozłożony na kilka lat.",
    "tr": "Hükümet pazartesi günü, sendikaların aylarca süren baskısı ve mecliste yapılan uzun tartışmaların "
    "ardından asgari ücreti gelecek ilkbaharda artıracağını açıkladı. İşverenler küçük dükkanların zorlanabileceği "
    "konusunda uyarırken, ekonomistler fiyatlar üzerindeki etkinin sınırlı kalacağını düşünüyor.",
}


@pytest.fixture(scope="module")
def model() -> LanguageModel:
    return load_language_model()


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_texts_in_ten_languages_are_identified_confidently(model: LanguageModel, lang: str) -> None:
    guess = identify_language(TEXTS[lang], model)
    assert guess.lang == lang
    assert guess.confidence > 0.9


def test_every_seed_is_identified(model: LanguageModel, seeds_dir: Path, gold: dict[str, Any]) -> None:
    found = {p.name: identify_language(p.read_text(encoding="utf-8"), model).lang for p in seeds_dir.glob("*.txt")}
    assert found == {name: label["lang"] for name, label in gold.items()}


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "https://example.org/a/b?c=d"])
def test_too_little_text_is_undetermined(model: LanguageModel, text: str) -> None:
    assert identify_language(text, model).lang == "und"
    assert identify_language(text, model).confidence == 0.0
