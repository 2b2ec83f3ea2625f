"""Per-language lexicons for agreement extraction: data files compiled into matchers.

Each language is one JSON file in ``data/`` (``en.json``, ``de.json`` …). Adding a language is
adding a file: the extractor has no language-specific code. Every value in a file is a regular
expression fragment, matched case-insensitively at a word start; the keys are:

========================  ====================================================================
``agreement_nouns``       words that name an agreement (treaty, Abkommen, accord)
``plural_nouns``          their plural forms: a bare plural ("arms deals") is generic, not one agreement
``plural_determiners``    words that make a plural specific again ("the two agreements")
``cooperation_nouns``     weaker words (cooperation, joint exercises): an agreement only with a status verb
``anaphora``              definite references to an agreement already reported ("the pact")
``generic_nouns``         (optional) nouns that also name business or sports deals ("deal",
                          "contract"): without a type cue word the statement is not reported
``group_references``      "the two countries": parties resolved from context
``between``               (optional) "between" words: "an accord between Turkey and Libya" names its
                          parties, whoever else the clause names ("Athens says …")
``adjacent``              (optional) what may stand between an agreement noun and the list of names
                          right after it that are its parties: "el acuerdo de Washington y Moscú",
                          "l'accord franco-arménien" (names joined by the list joiner or a hyphen)
``status``                status -> markers (verbs, tense, phrases); ``established`` counts as existing
``intent_only``           intentions and offers: without a firm status, the statement is a near miss
``near_miss_words``       (optional) words that make the sentence a near miss: the other side is no
                          state (a company, a club, an armed group: "fashion house", "rebels")
``negations``             (optional) the sentence says no agreement came about ("no agreement was
                          signed", "kein Abkommen"): never reported, whatever the status
``types``                 type -> cue words, in priority order for ties
``numbers``               number words for durations
``durations``             ISO unit (Y, M) -> patterns with ``{n}``; ``fixed_durations``: phrase -> ISO
``months``/``weekdays``   names -> number; ``relative_dates``: phrase, unit, offset
``past_month_words`` …    words before (``…_words``) or after (``…_after``) a month name that
                          put it in the past or the next year ("last June", "juin prochain")
``signatory_patterns``    patterns with ``{name}``; ``venue_patterns``: patterns with ``{place}``
``abbreviations``         words after which a full stop does not end a sentence
``list_joiner``           (optional) what may stand between two names of one list: ", ", " and the "
``meeting_nouns``         (optional) nouns that make an organisation just before them the forum of a
                          meeting, not a party: "before a G7 summit", "beim G7-Gipfel"
``topic_markers``         (optional) words right after an agreement noun that say what it is about
                          ("о", "об": "соглашение о транзите"): agreements of one type with
                          different topics stay apart, and "… о X и об Y" lists two
``enumerators``           (optional) words that take up one of several agreements just counted
                          ("одно из них …, второе …, а третье …"): each is one agreement
``state_companies``       (optional) code -> names of state-owned companies that act for their state
                          in gas, oil and nuclear contracts (Gazprom, Rosatom): each is a mention of it
========================  ====================================================================
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from wirewatch.core.errors import ConfigurationError

#: Statuses in the order a sentence's markers are tried: a stronger marker wins over a weaker one
#: ("plans to sign" is planned, "withdrew from the treaty signed in 1987" is suspended).
STATUS_PRIORITY = ("suspended_or_cancelled", "ratified", "negotiating", "planned", "signed", "existing", "established")

_NAME = r"(?P<name>(?-i:[A-ZÀ-ÝА-Я][\w'’.-]+)(?:\s(?-i:[A-ZÀ-ÝА-Я][\w'’-]+)){0,6})"
_PLACE = r"(?P<place>(?-i:[A-ZÀ-ÝА-Я][\w'’-]+)(?:\s(?-i:[A-ZÀ-ÝА-Я][\w'’-]+)){0,2})"
_LEFT = r"(?<![\w])"
_RIGHT = r"(?![\w])"


class UnknownLanguage(ConfigurationError, LookupError):
    """No lexicon file exists for the language asked for (a configuration error, not a bad article)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A compiled pattern, and literals one of which every match contains (None: no such test).

    ``possible`` runs a few substring tests at C speed before the regex, which is what keeps
    extraction fast: most sentences contain none of a status's or a type's words.
    """

    pattern: re.Pattern[str]
    keywords: tuple[str, ...] | None

    def possible(self, lowered: str) -> bool:
        """Whether the lower-cased text can match at all."""
        return self.keywords is None or any(map(lowered.__contains__, self.keywords))


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A phrase such as "last year" and what it means against the publication date."""

    cue: Cue
    unit: str  # year | month | day
    offset: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled matchers of one language."""

    language: str
    agreement_noun: re.Pattern[str]
    plural_noun: re.Pattern[str]
    plural_determiner: re.Pattern[str]
    cooperation_noun: re.Pattern[str]
    keywords: tuple[str, ...] | None  # literal parts of every noun: a fast necessary test (None: cannot test)
    anaphora: re.Pattern[str]
    generic_noun: re.Pattern[str]  # words that also name business or sports deals: need a type cue
    group_reference: re.Pattern[str]
    between: re.Pattern[str]
    status: tuple[tuple[str, Cue], ...]
    intent_only: re.Pattern[str]
    near_miss: re.Pattern[str]
    negation: re.Pattern[str]
    types: tuple[tuple[str, Cue], ...]  # in priority order for ties
    numbers: dict[str, int]
    durations: tuple[tuple[str, re.Pattern[str]], ...]
    fixed_durations: tuple[tuple[re.Pattern[str], str], ...]
    months: dict[str, int]
    month_date: re.Pattern[str]
    month_modifier: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    weekday: re.Pattern[str]
    weekdays: dict[str, int]
    relative_dates: tuple[RelativeDate, ...]
    signatory: tuple[re.Pattern[str], ...]
    venue: tuple[re.Pattern[str], ...]
    abbreviation: re.Pattern[str]
    list_joiner: re.Pattern[str]  # what may stand between two parties of one list ("Russia, China and Iran")
    topic_marker: re.Pattern[str]  # "о", "об" after an agreement noun: what it is about
    enumerator: re.Pattern[str]  # "одно из них", "второе": one of the agreements just counted
    state_companies: tuple[tuple[str, Cue], ...]  # code, names of its state-owned companies
    adjacent: re.Pattern[str] | None = None  # noun-to-names gap of parties named right after the noun
    meeting_noun: re.Pattern[str] = re.compile(r"(?!x)x")  # "summit" after "G7": a forum, not a party


def _alternation(fragments: list[str], *, left: bool = True) -> str:
    ordered = sorted(
        fragments, key=len, reverse=True
    )  # longest first: "memorandum of understanding" before "memorandum"
    body = "|".join(f"(?:{f.strip()})" for f in ordered if f.strip())  # the right boundary ends the word
    return f"{_LEFT if left else ''}(?:{body}){_RIGHT}"


def _compile(fragments: list[str]) -> re.Pattern[str]:
    if not fragments:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(_alternation(fragments), re.IGNORECASE)


def _cue(fragments: list[str]) -> Cue:
    return Cue(_compile(fragments), trigger_keywords(fragments) if fragments else ())


def _number_pattern(numbers: dict[str, int]) -> str:
    words = sorted(numbers, key=len, reverse=True)
    return r"(?P<n>\d{1,3}|" + "|".join(re.escape(w) for w in words) + ")"


def _month_date(months: dict[str, int]) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day_first = rf"(?:(?P<d1>\d{{1,2}})\.?\s+)?(?P<m1>{names})(?:\s+(?P<y1>(?:19|20)\d\d))?"
    month_first = rf"(?P<m2>{names})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>(?:19|20)\d\d)"
    return re.compile(rf"{_LEFT}(?:{month_first}|{day_first}){_RIGHT}", re.IGNORECASE)


def _edge(words: list[str], *, before: bool) -> re.Pattern[str]:
    """A modifier right before (``last June``) or right after (``juin dernier``) a month name."""
    if not words:
        return re.compile(r"(?!x)x")
    body = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"{_LEFT}(?:{body})\s+$" if before else rf"^\s+(?:{body}){_RIGHT}", re.IGNORECASE)


def _templated(fragments: list[str], placeholder: str, value: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_LEFT + f.replace(placeholder, value), re.IGNORECASE) for f in fragments)


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Compile one language's lexicon document (the content of a ``data/*.json`` file)."""
    numbers = {k.lower(): int(v) for k, v in data["numbers"].items()}
    number = _number_pattern(numbers)
    status = tuple((name, _cue(data["status"].get(name, []))) for name in STATUS_PRIORITY)
    durations = tuple(
        (unit, re.compile(_LEFT + p.replace("{n}", number, 1), re.IGNORECASE))
        for unit, pats in data["durations"].items()
        for p in pats
    )
    months = {k.lower(): int(v) for k, v in data["months"].items()}
    weekdays = {k.lower(): int(v) for k, v in data["weekdays"].items()}
    return Lexicon(
        language=data["language"],
        agreement_noun=_compile(data["agreement_nouns"]),
        plural_noun=re.compile(_alternation(data["plural_nouns"]) + "$", re.IGNORECASE),
        plural_determiner=re.compile(_alternation(data["plural_determiners"]) + r"\W*$", re.IGNORECASE),
        cooperation_noun=_compile(data["cooperation_nouns"]),
        keywords=trigger_keywords(data["agreement_nouns"] + data["cooperation_nouns"]),
        anaphora=_compile(data["anaphora"]),
        generic_noun=re.compile(_alternation(data.get("generic_nouns", [])) + "$", re.IGNORECASE)
        if data.get("generic_nouns")
        else re.compile(r"(?!x)x"),
        group_reference=_compile(data["group_references"]),
        status=status,
        between=_compile(data.get("between", [])),
        intent_only=_compile(data["intent_only"]),
        near_miss=_compile(data.get("near_miss_words", [])),
        negation=_compile(data["negations"]) if data.get("negations") else re.compile(r"(?!x)x"),
        types=tuple((name, _cue(cues)) for name, cues in data["types"].items()),
        numbers=numbers,
        durations=durations,
        fixed_durations=tuple((_compile([k]), v) for k, v in data.get("fixed_durations", {}).items()),
        months=months,
        month_date=_month_date(months),
        month_modifier=(
            _edge(data.get("past_month_words", []), before=True),
            _edge(data.get("next_month_words", []), before=True),
            _edge(data.get("past_month_after", []), before=False),
            _edge(data.get("next_month_after", []), before=False),
        ),
        weekday=_compile([re.escape(w) for w in weekdays]),
        weekdays=weekdays,
        relative_dates=tuple(
            RelativeDate(_cue([r["pattern"]]), r["unit"], int(r["offset"])) for r in data["relative_dates"]
        ),
        signatory=_templated(data["signatory_patterns"], "{name}", _NAME),
        venue=_templated(data["venue_patterns"], "{place}", _PLACE),
        list_joiner=re.compile(data.get("list_joiner", r"[\s,;]*"), re.IGNORECASE),
        meeting_noun=re.compile(r"[\s-]*" + _alternation(data["meeting_nouns"], left=False), re.IGNORECASE)
        if data.get("meeting_nouns")
        else re.compile(r"(?!x)x"),
        topic_marker=_compile(data.get("topic_markers", [])),
        enumerator=_compile(data.get("enumerators", [])),
        state_companies=tuple((code, _cue(names)) for code, names in data.get("state_companies", {}).items()),
        abbreviation=re.compile(r"(?:^|(?<=[\s(]))(?:" + "|".join(data["abbreviations"]) + r")$", re.IGNORECASE),
        adjacent=re.compile(data["adjacent"], re.IGNORECASE) if data.get("adjacent") else None,
    )


_LITERAL = re.compile(r"[^\\()\[\]{}?*+|.^$]+")


def _keyword(fragment: str) -> str | None:
    """A lower-case literal every match of ``fragment`` contains, or None when there is no usable one.

    The literal is the fragment's leading run of plain characters, after an optional leading
    ``\\w*`` (compound-final nouns such as ``\\w*abkommen``); a character followed by a
    quantifier is optional and dropped ("deals?" gives "deal").
    """
    body = fragment[3:] if fragment.startswith("\\w*") else fragment
    m = _LITERAL.match(body)
    if not m:
        return None
    literal = m.group(0)
    if body[m.end() : m.end() + 1] in ("?", "*", "{"):
        literal = literal[:-1]
    literal = literal.strip().lower()
    return literal if len(literal) >= 3 else None


def trigger_keywords(fragments: list[str]) -> tuple[str, ...] | None:
    """Literals such that a text without any of them cannot match any of ``fragments``.

    Checking them with ``in`` on the lower-cased text is far cheaper than the regexes, and most
    articles contain none. None when some fragment has no usable literal (then every text is read).
    """
    keywords = [_keyword(f) for f in fragments]
    if any(k is None for k in keywords):
        return None
    return tuple(sorted({k for k in keywords if k}, key=len))


def available_languages() -> tuple[str, ...]:
    """The languages that have a lexicon file, sorted."""
    folder = resources.files("wirewatch.core.agreements").joinpath("data")
    return tuple(sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json")))


def load_lexicon(language: str) -> Lexicon:
    """Load and compile the lexicon of ``language``; ``UnknownLanguage`` when there is no file for it."""
    path = resources.files("wirewatch.core.agreements").joinpath("data", f"{language}.json")
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        raise UnknownLanguage(f"no agreement lexicon for language {language!r}")
    return compile_lexicon(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every loaded lexicon, by language; ``fallback`` is used for languages without a file."""

    by_language: dict[str, Lexicon]
    fallback: str = "en"

    def get(self, language: str) -> Lexicon:
        """The lexicon for ``language``, or the fallback's when that language has no file."""
        return self.by_language.get(language) or self.by_language[self.fallback]


def load_lexicons(languages: tuple[str, ...] | None = None) -> Lexicons:
    """Load the lexicons of ``languages`` (default: every file in ``data/``); slow, once per process."""
    names = languages or available_languages()
    return Lexicons({name: load_lexicon(name) for name in names})
