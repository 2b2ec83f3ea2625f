"""Find the agreements an article reports, sentence by sentence.

``extract_agreements`` works in five stages:

1. split the body into sentences (``sentences.py``) and collect each sentence's parties;
2. in each sentence, find the named agreements of the base (``named.py``: "the Minsk
   agreements" stands for its parties, type and standing whatever the sentence says), and its
   triggers (agreement nouns, one agreement each when the sentence lists several, or a
   cooperation noun with a firm status verb), dropping statements of mere intention and deals
   with companies, clubs or armed groups (``clues.py``); a list names one agreement per item
   with its own topic ("соглашения о X и об Y", "одно из них …, второе …" after a counted
   plural), and a list with no verb or party of its own continues the agreement before it;
3. resolve the parties: "between A and B", a hyphened pair before the noun ("the
   Russian-Turkish deal"), the clause's and the sentence's mentions, a group
   reference ("the two countries") or a single named party completed from the sentences before
   (``parties.py``); the base's description of an agreement ("a nuclear deal with Iran") gives
   all its parties;
4. read status, type, date, duration, signatories and venue; a definite reference ("the pact")
   to an agreement already found adds to that agreement instead of starting a new one;
5. fold reports of one agreement together: a mention typed only by its surroundings joins the
   agreement between the same parties; every mention of one named agreement is one agreement,
   and so are same parties, type, year and instrument, unless their own words give them two
   topics; one of type ``other`` joins a typed agreement between the same parties, and an
   unnamed one joins a named one it fits.

Nothing here is language-specific: the ``Lexicon`` of the article's language carries the words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from wirewatch.core.agreements.clues import (
    FIRM_FOR_WEAK,
    FIRM_OVER_INTENT,
    Trigger,
    best_type,
    clause_bounds,
    context_types,
    find_signatories,
    find_status,
    find_triggers,
    find_venue,
    score_types,
    states_intent_only,
)
from wirewatch.core.agreements.events import STATUS_RANK, agreement_year
from wirewatch.core.agreements.lexicon import Lexicon
from wirewatch.core.agreements.named import NamedBase, NamedMention
from wirewatch.core.agreements.parties import (
    MentionIndex,
    SentenceParties,
    clause_parties,
    complete_single,
    parties_of,
    resolve_group,
)
from wirewatch.core.agreements.sentences import Sentence, split_sentences
from wirewatch.core.agreements.when import DateMention, find_dates, find_duration, parse_published
from wirewatch.core.model import Agreement, CountryMention, Span

_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w]|[.,]\d)")
_OWN_SCORE = 3.0  # a type cue within the trigger's window scores this much (``clues.score_types``)
#: organisations the news names as the forum or broker of an agreement far more often than as
#: its party ("agreed at the UN", "UN-brokered"): never a party of an unnamed agreement
_FORUMS = frozenset({"ORG:UN"})
_OWN_YEAR = re.compile(r"\s+\w{1,3}\s+(?:19|20)\d\d(?!\w)")  # "the treaty of 1921", "el convenio de 1937"
_BETWEEN_REACH = 60  # characters from a trigger to its "between", and from there to its parties
_OWN_WORDS = 100  # characters after a listed agreement noun that say what that agreement is about
#: types a reader may give one agreement either of (LABELLING notes): an unnamed mention of one
#: joins a named agreement of the other between the same parties ("a security pact" for a defence treaty)
_KIN_TYPES = frozenset({"military", "security"})
_HYPHEN = re.compile(r"\s*[-‐‑–]\s*")  # "ruso-estadounidense", "franco-arménien"
_PLACE_KINDS = frozenset({"metonym"})  # capitals and seats of government: "in Naypyidaw", "à Moscou"
_GOVERNED = 30  # characters before an agreement noun searched for the marker that governs it
_RECENT = 2  # sentences after an agreement in which one that names no party may continue it
_STEM = 5  # letters of a content word that stand for it in a topic (inflections differ after them;
# a shorter word loses its last letter: газа, газе → газ)
_SEPARATORS = re.compile(r"[\s,:—–«\"„“-]*")
_TOPIC_REACH = 60  # characters from an agreement noun to its topic marker
_TOPIC_STOP = re.compile(r"[,;()]")  # a topic marker past one of these is another clause's
_TOPIC_GAP = re.compile(r"(?<![^\W\d_])(?-i:[a-zß-ÿа-яё])[^\W\d_]{3}")  # a lower-case word of four letters or more
_CONTENT = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: the content of a topic
_CLAUSE_START = re.compile(r"(?:^|[,;:—–-])\s*(?:[^\W\d_]{1,2}\s+)?$")  # an enumerator opens a clause
_GAP = re.compile(r"(?:[,;]\s*(?:[^\W\d_]{1,5}\s+)?|\s[^\W\d_]{1,5}\s+)[«\"„“]?$")  # ", ", " и «" before a topic


@dataclass(frozen=True, slots=True)
class _Article:
    """Everything a sentence is read against."""

    sentences: list[Sentence]
    mentions: MentionIndex
    focus: tuple[str, ...]
    lexicon: Lexicon
    published: date | None
    reference_year: int | None
    named: NamedBase | None
    party_cache: dict[int, SentenceParties]  # per call, filled on demand: most sentences are never asked

    def parties(self, index: int) -> SentenceParties:
        """The codes mentioned in sentence ``index`` (computed once)."""
        cached = self.party_cache.get(index)
        if cached is None:
            sentence = self.sentences[index]
            cached = self.party_cache[index] = parties_of(self.mentions.between(sentence.start, sentence.end))
        return cached


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one sentence says: an agreement, and whether it refers back to the previous one."""

    agreement: Agreement
    anaphoric: bool
    explicit: tuple[str, ...]
    unmarked: bool  # no status marker in the sentence: the status is a default
    own_type: bool  # the type came from the agreement's own words, not from the words around it
    at: int  # body offset of the words that name it: readings of one sentence are taken in text order
    listed: bool = False  # one of several agreement nouns of its sentence, typed by its own words up to the next
    topic: tuple[str, ...] = ()  # what its own words say it is about ("о транзите энергии"): see ``_topic``
    counted: bool = False  # named by a counted plural ("три соглашения"): "одно из них …" may follow


def extract_agreements(
    body: str,
    mentions: tuple[CountryMention, ...],
    focus: tuple[str, ...],
    lexicon: Lexicon,
    published: str | None = None,
    named: NamedBase | None = None,
) -> tuple[Agreement, ...]:
    """Agreements the body reports.

    ``mentions`` are the country tagger's mentions (body spans are used), ``focus`` the article's
    focus codes, ``lexicon`` the article language's lexicon, ``published`` its RFC 3339
    publication time when known (relative dates are resolved against it), ``named`` the base of
    named agreements.
    """
    hits = _keyword_positions(body.lower(), lexicon)
    names = named.find(body, lexicon.language) if named is not None else []
    if hits is not None and not hits and not names:
        return ()  # most articles: no agreement word at all, nothing to split or resolve
    if names:  # "the Lisbon Treaty", "the Paris Agreement": the place in a name is no party
        mentions = tuple(m for m in mentions if not any(n.start <= m.span.start < n.end for n in names))
    article = _prepare(body, mentions, focus, lexicon, published, named)
    found: list[Agreement] = []
    typed: list[bool] = []  # per agreement found: its type came from its own words
    topics: list[tuple[str, ...]] = []  # per agreement found: what it is about, when its words say so
    starts = [m.start for m in names]
    previous: list[_Reading] = []  # the readings of the sentence before
    recent: tuple[int, Agreement] | None = None  # the last agreement found, and its sentence
    for index, sentence in enumerate(article.sentences):
        inside = names[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        readings = [_read_named(article, index, m) for m in inside]
        context = recent[1] if recent and index - recent[0] <= _RECENT else None
        if hits is None or bisect_left(hits, sentence.start) != bisect_left(hits, sentence.end):
            readings.extend(_read_sentence(article, index, inside, context, [a.parties for a in found]))
        if not any(readings) and previous and previous[-1].counted:
            readings.extend(_read_enumeration(article, index, previous[-1]))
        previous = sorted((r for r in readings if r is not None), key=lambda r: r.at)
        for reading in previous:
            if _add(found, typed, topics, reading):
                recent = (index, found[-1])
    return _consolidate(*_join_loosely_typed(found, typed, topics), article.named, article.reference_year)


def _add(found: list[Agreement], typed: list[bool], topics: list[tuple[str, ...]], reading: _Reading) -> bool:
    """Add what a sentence says to the agreements found so far (coreference to the last one);
    whether it is a new agreement."""
    last = found[-1] if found else None
    other_kind = (  # "the protocol on economic cooperation" after a diplomatic declaration: another agreement
        last is not None and reading.listed and "other" not in (last.type, reading.agreement.type)
        and last.type != reading.agreement.type
    )  # fmt: skip
    if reading.anaphoric and last is not None and set(reading.explicit) <= set(last.parties) and not other_kind:
        found[-1] = _fill(found[-1], reading.agreement, upgrade=True)
    elif reading.anaphoric and reading.unmarked:
        return False  # "the deal sets up …" refers to something this article never stated as an agreement
    elif reading.anaphoric and found and len(reading.explicit) < 2:
        return False  # "… signed on to the agreement, with Eritrea the only state unsigned": the agreement
        # already reported, not a second one with a partner guessed from the sentences before
    elif len(reading.agreement.parties) >= 2:
        found.append(reading.agreement)
        typed.append(reading.own_type)
        topics.append(reading.topic)
        return True
    return False


def _same_topic(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two agreements may be one: either says nothing of its topic, or both say the same: the
    same first words, or two words in common ("о свободной торговле", "о создании зоны свободной торговли")."""
    shared = min(len(one), len(other), 2)
    return one[:shared] == other[:shared] or len(set(one) & set(other)) >= 2


def _topic_marker(text: str, start: int, end: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The topic marker that follows an agreement noun ending at ``start``, in its clause and within
    ``_TOPIC_REACH`` characters ("соглашение с Казахстаном о транзите", "два соглашения — о …")."""
    limit = min(end, start + _TOPIC_REACH)
    stop = _TOPIC_STOP.search(text, start, limit)
    marker = lexicon.topic_marker.search(text, start, stop.start() if stop else limit)
    if marker is None or _TOPIC_GAP.search(text, start, marker.start()):
        return None  # "соглашения и вступления в силу положения о …": the topic of another noun
    return marker


def _topic(text: str, start: int, end: int, lexicon: Lexicon, *, marked: bool) -> tuple[str, ...]:
    """What the words at ``text[start:end]`` say an agreement is about: the stems of their first four
    content words after a topic marker ("о транзите энергии" → транз, энерг); ``marked``: only
    after one (an agreement noun without "о …" says nothing of its topic)."""
    gap = _SEPARATORS.match(text, start, end)
    at = gap.end() if gap else start  # the pattern matches the empty string: always a match
    marker = _topic_marker(text, start, end, lexicon) if marked else lexicon.topic_marker.match(text, at, end)
    if marker is None and marked:
        return ()
    words = _CONTENT.findall(text, marker.end() if marker else at, end)
    if marker is not None and (not words or not text[marker.end() :].lstrip().startswith(words[0])):
        return ()  # "о том, что …", "о чём": a clause, not a topic
    stems = tuple(w.lower()[: min(_STEM, len(w) - 1)] for w in words if not lexicon.topic_marker.fullmatch(w))
    return stems[:4]


def _stated_year(agreement: Agreement) -> str | None:
    """The year the text gives the agreement, if any: agreements of different years stay apart."""
    when = agreement.date_resolved or agreement.date or ""
    found = _YEAR.search(when)
    return found.group(0) if found else None


def _join_loosely_typed(
    found: list[Agreement], typed: list[bool], topics: list[tuple[str, ...]]
) -> tuple[list[Agreement], list[tuple[str, ...]]]:
    """An unnamed agreement typed only by the words around it joins one between the same parties.

    "Turkey and Libya signed a maritime agreement … the agreement signed between Turkey and Libya
    angered Greece": the second sentence's gas and economy words are not a second agreement.
    It joins the first agreement between those parties whose own words gave its type, else the
    first one between them; never one whose words give it another topic.
    """
    kept: list[Agreement] = []
    kept_typed: list[bool] = []
    kept_topics: list[tuple[str, ...]] = []
    for agreement, own, topic in zip(found, typed, topics, strict=True):
        year = _stated_year(agreement)
        same = [
            i
            for i, k in enumerate(kept)
            if not k.name
            and k.parties == agreement.parties
            and (year is None or _stated_year(k) in (year, None))
            and _same_topic(kept_topics[i], topic)
        ]
        host = next((i for i in same if kept_typed[i]), same[0] if same else None)
        if agreement.name or host is None or (own and kept_typed[host]):
            kept.append(agreement)
            kept_typed.append(own)
            kept_topics.append(topic)
            continue
        if own:  # the host was loosely typed: this one's own words say what it is
            kept[host] = replace(_fill(agreement, kept[host]), evidence=kept[host].evidence,
                                 evidence_span=kept[host].evidence_span)  # fmt: skip
            kept_typed[host] = True
        else:
            kept[host] = _fill(kept[host], agreement)
        kept_topics[host] = kept_topics[host] or topic
    return kept, kept_topics


def _keyword_positions(lowered: str, lexicon: Lexicon) -> list[int] | None:
    """Sorted positions of the triggers' literal parts: only sentences holding one can state an agreement.

    ``str.find`` runs at C speed, far below the cost of the regexes it spares; a lexicon whose
    nouns have no literal part (``keywords`` None) makes every sentence a candidate (None).
    """
    if lexicon.keywords is None:
        return None
    positions: list[int] = []
    for keyword in lexicon.keywords:
        at = lowered.find(keyword)
        while at >= 0:
            positions.append(at)
            at = lowered.find(keyword, at + 1)
    return sorted(positions)


def _prepare(
    body: str,
    mentions: tuple[CountryMention, ...],
    focus: tuple[str, ...],
    lexicon: Lexicon,
    published: str | None,
    named: NamedBase | None,
) -> _Article:
    sentences = split_sentences(body, lexicon.abbreviation)
    index = MentionIndex(mentions + _state_companies(body, lexicon))
    day = parse_published(published)
    years = [int(y) for y in _YEAR.findall(body)]
    reference = day.year if day else (max(years) if years else None)
    return _Article(sentences, index, focus, lexicon, day, reference, named, {})


def _state_companies(body: str, lexicon: Lexicon) -> tuple[CountryMention, ...]:
    """State-owned companies named in the body, each as a mention of its state: a gas contract of
    Gazprom's is Russia's ("расторжение контракта с «Газпромом»")."""
    lowered = body.lower()
    return tuple(
        CountryMention(code, Span(m.start(), m.end(), "body"), m.group(0), "institution")
        for code, cue in lexicon.state_companies
        if cue.possible(lowered)
        for m in cue.pattern.finditer(body)
    )


def _read_named(article: _Article, index: int, mention: NamedMention) -> _Reading | None:
    """A named agreement mentioned in sentence ``index``: the base gives parties, type and standing.

    The sentence may still move its status ("withdrew from the INF treaty", "talks to revive the
    deal"); an open treaty (the NPT) takes its parties from the sentence, which must say what they
    do with it, joined by the organisation it founds (NATO for the North Atlantic Treaty).
    """
    sentence, lexicon, known = article.sentences[index], article.lexicon, mention.agreement
    text = sentence.text
    local = article.mentions.between(sentence.start, sentence.end)
    marker = find_status(text, lexicon, (mention.start - sentence.start, mention.end - sentence.start))
    if known.project and marker is None:
        return None  # "gas from Nord Stream": the pipeline, not a report of its agreement
    if known.open:
        if marker is None:
            return None  # "under the UN Charter": framework law, not an agreement the news reports
        if marker not in FIRM_OVER_INTENT and lexicon.intent_only.search(text):
            return None  # "urged Israel to sign the NPT": a call, not a party acting on the treaty
        at = mention.start - sentence.start
        clause = clause_bounds(text, at)
        bounds = (sentence.start + clause[0], sentence.start + clause[1])
        parties = clause_parties(local, bounds, text, sentence.start, lexicon.list_joiner).codes
        if len(set(parties) - set(known.parties)) < 1 + (not known.parties):
            parties = parties_of(local).codes
        parties = tuple(dict.fromkeys((*known.parties, *parties)))
    else:
        parties = known.parties
    if len(parties) < 2:
        return None
    when = _nearest_date(find_dates(text, lexicon, article.published), mention.start - sentence.start)
    published = article.published.year if article.published else None
    status = _named_status(
        known.standing(article.reference_year), marker, known.signed, article.reference_year, published
    )
    earlier = when is not None and when.year is not None and when.year < (article.reference_year or when.year)
    if known.open and marker == "signed" and not earlier:
        status = "signed"  # the parties the sentence names sign an open treaty now ("Benin signed the AfCFTA")
    agreement = Agreement(
        parties=tuple(sorted(parties)),
        type=known.type,
        status=status,
        evidence=sentence.clean,
        evidence_span=Span(sentence.start, sentence.end),
        confidence=0.9 if marker else 0.8,
        duration=find_duration(text, lexicon),
        date=when.text if when else None,
        date_resolved=when.resolved if when else None,
        signatories=find_signatories(text, lexicon),
        venue=_venue(article, index),
        name=known.id,
    )
    return _Reading(agreement, False, tuple(sorted(parties)), marker is None, True, mention.start)


def _named_status(
    standing: str, marker: str | None, signed: int | None, reference: int | None, published: int | None = None
) -> str:
    """A named agreement's status: the sentence's marker where it says more than the base knows.

    A signing verb about an agreement signed years before the article is a reference to it
    (``existing``), and one about an agreement the base dates after the article's publication is
    still under talks ("the final deal with Iran" in 2013); without a marker, the base's standing
    in the article's year stands.
    """
    if marker is None or marker in ("existing", "established"):
        return standing
    if marker == "signed" and signed is not None and reference is not None and signed < reference:
        return standing
    if marker == "signed" and signed is not None and published is not None and published < signed:
        return standing
    return marker


def _read_sentence(
    article: _Article,
    index: int,
    named: list[NamedMention],
    context: Agreement | None = None,
    history: list[tuple[str, ...]] | None = None,
) -> list[_Reading]:
    """The agreements the sentence states by an agreement noun (several when it lists them).

    ``context``: the agreement found just before, whose parties one that names no party but says
    what it is about continues ("… also denounced the Agreement on X"), and whose status too when
    the sentence has no verb ("А также другие два соглашения — одно о …, а второе — о …");
    ``history``: the parties of every agreement found before, in order.
    """
    sentence, lexicon = article.sentences[index], article.lexicon
    text = sentence.text
    triggers = find_triggers(text, lexicon, tuple((m.start - sentence.start, m.end - sentence.start) for m in named))
    if not triggers:
        return []
    trigger = triggers[0]
    status = marker = find_status(text, lexicon, (trigger.start, trigger.end))
    if (not trigger.strong and status not in FIRM_FOR_WEAK) or states_intent_only(text, status, lexicon):
        return []
    local = article.mentions.between(sentence.start, sentence.end)
    adjacent = _adjacent(text, trigger, local, sentence.start, lexicon)
    own_parties = (
        _between(text, trigger, local, sentence.start, lexicon)
        or adjacent
        or _hyphened_before(text, trigger, local, sentence.start)
    )
    if lexicon.near_miss.search(text) and (own_parties is None or len(own_parties.countries) < 2):
        return []  # a company, a club or an armed group on one side: a near miss
    clause = clause_bounds(text, trigger.start)
    topic_at = _topic_marker(text, trigger.end, len(text), lexicon)
    if topic_at:  # "два соглашения — о …": the topic's clause is the agreement's too
        clause = (clause[0], max(clause[1], clause_bounds(text, topic_at.start())[1]))
    local = _not_venues(text, local, sentence.start, lexicon)
    bounds = (sentence.start + clause[0], sentence.start + clause[1])
    explicit = own_parties or clause_parties(local, bounds, text, sentence.start, lexicon.list_joiner)
    if not explicit.codes and not trigger.anaphoric:
        # an organisation alone, in the words right after the noun: "соглашений, заключённых в рамках СНГ"
        reach = (sentence.start + trigger.end, sentence.start + trigger.end + _BETWEEN_REACH)
        explicit = parties_of([m for m in local if reach[0] <= m.span.start < reach[1]])
    items = _items(text, triggers, lexicon)
    topic = _topic(text, trigger.end, items[0][0].start if items else len(text), lexicon, marked=True)
    listing = bool(topic) or any(enumerated for _, enumerated in items)
    if status is None and not explicit.codes and context is not None and listing:
        status = marker = context.status  # a list with no verb of its own continues the one before
    when = _nearest_date(find_dates(text, lexicon, article.published), trigger.start)
    status = _settle_status(status, trigger, when, explicit, article.reference_year)
    if status == "signed" and _governed_by_existing(text, trigger, lexicon):
        status = "existing"  # "в рамках соглашения, достигнутого …": acting under it, not signing it
    if status is None:
        return []
    kind, own_type = _type(article, index, trigger)
    listed_first = False
    if len(triggers) > 1:  # several nouns: the first one's own words run up to the next one
        words = text[trigger.start : min(triggers[1].start, trigger.end + _OWN_WORDS)]
        first_type = best_type(context_types(words, lexicon, 1.0), lexicon)
        if first_type != "other":
            kind, own_type, listed_first = first_type, True, True
    if kind == "other" and not trigger.anaphoric and marker is None and own_parties is None:
        return []  # "the pact with Romania" with no word of what it is about or what became of it
    generic = lexicon.generic_noun.match(text[trigger.start : trigger.end])
    named_sides = own_parties is not None and len(own_parties.countries) > 1  # "the Russian-Turkish deal"
    if kind == "other" and not own_type and not trigger.anaphoric and generic and not named_sides:
        return []  # "agreed a deal", "signed a contract" with no word of what: likely business or sport
    described = article.named.described(kind, explicit.codes) if article.named else None
    parties = described.parties if described else _parties(article, index, explicit, history or [])
    parties = tuple(p for p in parties if p not in _FORUMS)
    forums = _meeting_only_codes(text, local, sentence.start, lexicon)
    if forums:  # "agreed before a G7 summit": the G7 hosts the meeting, it is no party
        parties = tuple(p for p in parties if p not in forums)
    if len(parties) > 2:  # "Washington and Moscow signed a treaty in Prague": the venue is no party
        venues = _venue_only_codes(text, local, sentence.start, lexicon)
        parties = tuple(p for p in parties if p not in venues)
    if len(parties) < 2 and not explicit.codes and listing and marker is not None and context is not None:
        parties = context.parties
    grouped = lexicon.group_reference.search(text) is not None  # "the two countries"
    if len(explicit.codes) < 2 and marker is None and not (described or trigger.anaphoric or grouped):
        return []  # "the agreement" with one party or none and no word of what happened: rarely a report
    agreement = Agreement(
        parties=tuple(sorted(parties)),
        type=kind,
        status=status,
        evidence=sentence.clean,
        evidence_span=Span(sentence.start, sentence.end),
        confidence=_confidence(trigger, status, explicit, parties),
        duration=find_duration(text, lexicon),
        date=when.text if when else None,
        date_resolved=when.resolved if when else None,
        signatories=find_signatories(text, lexicon),
        venue=_venue(article, index),
    )
    dated = _OWN_YEAR.match(text, trigger.end) is not None  # "del Convenio de 1937": its own year, a new one
    anaphoric = trigger.anaphoric and adjacent is None and not dated  # "el acuerdo ruso-estadounidense" says whose
    counted = lexicon.plural_determiner.search(text[max(0, trigger.start - 40) : trigger.start]) is not None
    first = _Reading(
        agreement, anaphoric, explicit.codes, marker is None, own_type, sentence.start + trigger.start,
        listed=listed_first, topic=topic, counted=counted and not topic,
    )  # fmt: skip
    readings = [first]
    seen = [(kind, agreement.parties, topic)]
    for (listed, enumerated), following in zip(items, [*items[1:], None], strict=False):
        end = following[0].start if following else max(listed.end + _OWN_WORDS, clause_bounds(text, listed.end)[1])
        end = min(end, listed.end + _OWN_WORDS) if following else min(end, len(text))
        own = best_type(context_types(text[listed.start : end], lexicon, 1.0), lexicon)
        own_topic = _topic(text, listed.end, end, lexicon, marked=not enumerated)
        named_by = _between(text, listed, local, sentence.start, lexicon) or _adjacent(
            text, listed, local, sentence.start, lexicon
        )  # "… and defended the accord between Buenos Aires and Tehran": its own parties
        listed_parties = tuple(sorted(p for p in named_by.codes if p not in _FORUMS)) if named_by else agreement.parties
        if (listed.anaphoric and named_by is None) or any(
            k == own and p == listed_parties and _same_topic(t, own_topic) and (t or not own_topic) for k, p, t in seen
        ):
            continue  # a second noun for the same agreement, or one that says nothing of its own
        seen.append((own, listed_parties, own_topic))
        readings.append(
            replace(
                first,
                agreement=replace(agreement, type=own, parties=listed_parties),
                explicit=named_by.codes if named_by else explicit.codes,
                own_type=True,
                at=sentence.start + listed.start,
                listed=True,
                topic=own_topic,
                counted=False,
            )
        )
    return readings


def _items(text: str, triggers: list[Trigger], lexicon: Lexicon) -> list[tuple[Trigger, bool]]:
    """The agreements a sentence lists after its first trigger, in order, each with whether an
    enumerator names it: further agreement nouns; enumerators at a clause start ("…, а второе —
    о …"); and topics joined to the first agreement's topic ("соглашения о X и об Y")."""
    items = [(t, False) for t in triggers[1:]]
    for m in lexicon.enumerator.finditer(text, triggers[0].end):
        if _CLAUSE_START.search(text[max(0, m.start() - 8) : m.start()]):
            items.append((Trigger(m.start(), m.end(), True, False), True))
    if _topic(text, triggers[0].end, len(text), lexicon, marked=True):
        for m in lexicon.topic_marker.finditer(text, triggers[0].end + 2):
            gap = _GAP.search(text, max(0, m.start() - 12), m.start())
            joiner = gap.group(0).rstrip('«"„“') if gap else ""
            joined = joiner.strip() and lexicon.list_joiner.fullmatch(joiner)
            if joined and _topic(text, m.start(), len(text), lexicon, marked=True):
                items.append((Trigger(m.start(), m.start(), True, False), False))
    return sorted(items, key=lambda item: item[0].start)


def _read_enumeration(article: _Article, index: int, counted: _Reading) -> list[_Reading]:
    """The agreements a sentence takes up one by one after a counted plural in the sentence
    before ("… вышла из трёх соглашений. Одно из них касается X, второе — Y"): each has the
    counted agreements' parties and status, and its own type and topic."""
    sentence, lexicon = article.sentences[index], article.lexicon
    text = sentence.text
    starts = [
        m for m in lexicon.enumerator.finditer(text) if _CLAUSE_START.search(text[max(0, m.start() - 8) : m.start()])
    ]
    readings: list[_Reading] = []
    for m, following in zip(starts, [*starts[1:], None], strict=False):
        end = following.start() if following else len(text)
        kind = best_type(context_types(text[m.start() : end], lexicon, 1.0), lexicon)
        topic = _topic(text, m.end(), end, lexicon, marked=False)
        if not topic:
            continue
        agreement = replace(
            counted.agreement, type=kind, evidence=sentence.clean, evidence_span=Span(sentence.start, sentence.end)
        )
        readings.append(replace(counted, agreement=agreement, own_type=True, at=sentence.start + m.start(),
                                topic=topic, counted=False, anaphoric=False))  # fmt: skip
    return readings


def _governed_by_existing(text: str, trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether a marker of an agreement in force stands right before the noun ("в рамках соглашения",
    "в соответствии с договорённостью"): the agreement is acted under, whatever verb describes it."""
    cue = dict(lexicon.status)["existing"]
    before = text[max(0, trigger.start - _GOVERNED) : trigger.start]
    return cue.possible(before.lower()) and any(not before[m.end() :].strip() for m in cue.pattern.finditer(before))


def _between(
    text: str, trigger: Trigger, local: list[CountryMention], offset: int, lexicon: Lexicon
) -> SentenceParties | None:
    """The parties after "between" just after the trigger ("the accord signed between Turkey and Libya")."""
    found = lexicon.between.search(text, trigger.end, trigger.end + _BETWEEN_REACH)
    if found is None:
        return None
    end = clause_bounds(text, found.end())[1]
    listed: list[CountryMention] = []
    commas: list[int] = []  # how many names the list held before each comma-only gap
    joined = False
    for m in local:
        start = m.span.start - offset
        if not found.end() <= start < found.end() + _BETWEEN_REACH or (not listed and start >= end):
            continue  # the first party stands in the clause of "between"; a list may run on past a comma
        gap = text[listed[-1].span.end - offset : start] if listed else ""
        if listed and (not lexicon.list_joiner.fullmatch(gap) or (joined and "," in gap)):
            break  # the list after "between" ends: "between Turkey and Libya angers Greece", "…, Greece said"
        if listed and "," in gap:
            commas.append(len(listed))
        joined = joined or (bool(listed) and "," not in gap)
        listed.append(m)
    if commas and not joined:
        listed = listed[: commas[0]]  # "between Turkey, Greece said": a comma without "and" ends the list
    parties = parties_of(listed)
    return parties if len(parties.codes) >= 2 else None


def _adjacent(
    text: str, trigger: Trigger, local: list[CountryMention], offset: int, lexicon: Lexicon
) -> SentenceParties | None:
    """The parties named right after the trigger: "el acuerdo de Washington y Moscú", "l'accord franco-arménien".

    The first name follows the noun across the language's ``adjacent`` gap; the next ones are
    joined to it by the list joiner or a hyphen. Two parties or more, else None.
    """
    if lexicon.adjacent is None:
        return None
    listed: list[CountryMention] = []
    end, joined = trigger.end, False
    for m in local:
        start = m.span.start - offset
        if start < end:
            continue
        gap = text[end:start]
        if not listed:
            if not lexicon.adjacent.fullmatch(gap):
                break
        elif _HYPHEN.fullmatch(gap) or (lexicon.list_joiner.fullmatch(gap) and not (joined and "," in gap)):
            joined = joined or "," not in gap  # after "A y B", a comma ends the list: "… de A y B, C dijo"
        else:
            break
        listed.append(m)
        end = m.span.end - offset
    parties = parties_of(listed)
    return parties if len(parties.codes) >= 2 else None


_MODIFIERS = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}")  # "the Russian-Turkish [military] deal"


def _hyphened_before(text: str, trigger: Trigger, local: list[CountryMention], offset: int) -> SentenceParties | None:
    """The two countries joined by a hyphen right before the trigger, at most two words away:
    "the Russian-Turkish deal", "a Sino-US pact" name the two sides of one agreement."""
    before = [m for m in local if m.span.end - offset <= trigger.start]
    if len(before) < 2 or before[-1].code == before[-2].code:
        return None
    first, last = before[-2], before[-1]
    if _HYPHEN.fullmatch(text[first.span.end - offset : last.span.start - offset]) and _MODIFIERS.fullmatch(
        text[last.span.end - offset : trigger.start]
    ):
        return parties_of([first, last])
    return None


def _settle_status(
    status: str | None, trigger: Trigger, when: DateMention | None, explicit: SentenceParties, reference: int | None
) -> str | None:
    """Map markers to a status; an agreement signed in an earlier year is an existing one."""
    past = when is not None and when.year is not None and reference is not None and when.year < reference
    if status in (None, "signed") and past:
        return "existing"
    if status == "established":
        return "existing"
    if status is None and trigger.anaphoric:
        return "existing"  # "the pact": adds to the agreement it refers to, whose status stands
    if status is None and trigger.strong and len(explicit.codes) >= 2:
        return "existing"  # "the Turkey-Libya maritime agreement": named in passing, its parties beside it
    return status


def _parties(
    article: _Article, index: int, explicit: SentenceParties, history: list[tuple[str, ...]]
) -> tuple[str, ...]:
    before = [article.parties(i) for i in range(max(0, index - 4), index)]
    text = article.sentences[index].text
    if len(explicit.codes) < 2 and article.lexicon.group_reference.search(text):
        return resolve_group(explicit, before, article.focus)  # "the two countries" when the sentence names fewer
    if len(explicit.codes) == 1:
        code = explicit.codes[0]
        # An organisation alone: its partner in the article's last agreement with it, else the context.
        partner = (
            next((p for h in reversed(history) if code in h and len(h) == 2 for p in h if p != code), None)
            if code.startswith("ORG:")
            else None
        )
        other = partner or complete_single(code, before, article.focus)
        return explicit.codes + ((other,) if other else ())
    return explicit.codes


def _not_venues(text: str, local: list[CountryMention], offset: int, lexicon: Lexicon) -> list[CountryMention]:
    """The mentions without the capitals named as a venue ("подписанное в Москве", "signed in Cairo"):
    where an agreement is signed says nothing of who signed it."""
    if not any(m.kind in _PLACE_KINDS for m in local):
        return local
    places = {m.start("place") + offset for pattern in lexicon.venue for m in pattern.finditer(text)}
    return [m for m in local if m.kind not in _PLACE_KINDS or m.span.start not in places]


def _nearest_date(dates: list[DateMention], position: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - position))


def _type(article: _Article, index: int, trigger: Trigger) -> tuple[str, bool]:
    """Type from the agreement's own words first, then its sentence, then, when the sentence has no
    type word at all, the sentences around it; and whether its own words (near the trigger) said it."""
    lexicon = article.lexicon
    scores = score_types(article.sentences[index].text, trigger, lexicon)
    alone = not scores  # "… предполагало сотрудничество в разведывательной деятельности" needs no neighbour
    for near in (index - 1, index + 1):
        if 0 <= near < len(article.sentences) and alone:
            for name, value in context_types(article.sentences[near].text, lexicon, 0.5).items():
                scores[name] = scores.get(name, 0.0) + value
    kind = best_type(scores, lexicon)
    return kind, scores.get(kind, 0.0) >= _OWN_SCORE


def _meeting_only_codes(text: str, local: list[CountryMention], offset: int, lexicon: Lexicon) -> set[str]:
    """Organisations the sentence names only as the forum of a meeting ("a G7 summit")."""
    forum: set[str] = set()
    other: set[str] = set()
    for m in local:
        if m.code.startswith("ORG:") and lexicon.meeting_noun.match(text, m.span.end - offset):
            forum.add(m.code)
        else:
            other.add(m.code)
    return forum - other


def _venue_only_codes(text: str, local: list[CountryMention], offset: int, lexicon: Lexicon) -> set[str]:
    """Codes the sentence names only as the place where something happened ("in Prague")."""
    venue: set[str] = set()
    other: set[str] = set()
    for m in local:
        span = (m.span.start - offset, m.span.end - offset)
        if m.kind in _PLACE_KINDS and find_venue(text, lexicon, [span]):
            venue.add(m.code)
        else:
            other.add(m.code)
    return venue - other


def _venue(article: _Article, index: int) -> str | None:
    """A known place after a venue marker, in the sentence or the one after it."""
    for near in (index, index + 1):
        if near >= len(article.sentences):
            break
        sentence = article.sentences[near]
        places = [
            (m.span.start - sentence.start, m.span.end - sentence.start)
            for m in article.mentions.between(sentence.start, sentence.end)
            if m.kind in _PLACE_KINDS
        ]
        venue = find_venue(sentence.text, article.lexicon, places)
        if venue:
            return venue
    return None


def _confidence(trigger: Trigger, status: str, explicit: SentenceParties, parties: tuple[str, ...]) -> float:
    """A score in [0, 1]: a named agreement, a status verb and parties named in the sentence each add."""
    score = 0.45 if trigger.strong else 0.35
    score += 0.2 if status != "existing" else 0.1
    score += 0.2 if len(explicit.codes) >= 2 else (0.1 if explicit.codes else 0.0)
    score += 0.1 if len(parties) >= 2 else 0.0
    return round(min(score, 0.95), 2)


def _fill(base: Agreement, extra: Agreement, *, upgrade: bool = False) -> Agreement:
    """``base`` with the gaps filled from ``extra``; with ``upgrade``, a later status can advance it."""
    status = base.status
    if upgrade and STATUS_RANK[extra.status] > STATUS_RANK[base.status] and extra.status != "existing":
        status = extra.status
    elif base.status == "existing" and not base.name and extra.status != "existing":
        status = extra.status  # a default for a mention in passing gives way to what another says
    return replace(
        base,
        status=status,
        duration=base.duration or extra.duration,
        date=base.date or extra.date,
        date_resolved=base.date_resolved or extra.date_resolved,
        signatories=tuple(dict.fromkeys(base.signatories + extra.signatories)),
        venue=base.venue or extra.venue,
        confidence=max(base.confidence, extra.confidence),
    )


def _consolidate(
    found: list[Agreement],
    topics: list[tuple[str, ...]],
    base: NamedBase | None = None,
    reference: int | None = None,
) -> tuple[Agreement, ...]:
    """One agreement per named agreement, and per (parties, type, year, instrument, topic) otherwise.

    An agreement whose words say nothing of its topic joins the first of that key whatever its
    topic; two whose words give two topics ("о транзите энергии", "о координации …") stay two.
    An unnamed agreement whose type matches a named one and whose parties are among its parties
    is a reference to it ("the nuclear deal" beside "the JCPOA"), unless it is reported signed in
    the article's year and the base dates the named one to another year ("the final deal" under
    talks, "the interim deal reached on Sunday"); one of type ``other`` joins a typed agreement
    between the same parties, unless its words give it a topic of its own.
    """

    def fits(agreement: Agreement, host: Agreement) -> bool:
        kin = host.type == agreement.type or {host.type, agreement.type} == _KIN_TYPES
        if not host.name or not kin or not set(agreement.parties) <= set(host.parties):
            return False
        known = base.agreements.get(host.name) if base is not None else None
        same_sentence = agreement.evidence_span == host.evidence_span  # "the AUKUS pact concluded between …"
        if same_sentence or known is None or known.signed is None:
            return True
        stated = _stated_year(agreement)
        if stated is not None and int(stated) > known.signed and agreement.status in ("signed", "existing"):
            return False  # "when both countries reached a deal in 2007" is not the treaty of 1946
        fresh = agreement.status == "signed" and reference is not None
        return not (fresh and known.signed != reference)

    merged: dict[tuple[object, ...], list[tuple[Agreement, tuple[str, ...]]]] = {}
    for agreement, topic in zip(found, topics, strict=True):
        key: tuple[object, ...] = (
            ("name", agreement.name)
            if agreement.name
            else (agreement.parties, agreement.type, agreement_year(agreement), agreement.instrument)
        )
        group = merged.setdefault(key, [])
        at = next((i for i, (_, t) in enumerate(group) if agreement.name or _same_topic(t, topic)), None)
        if at is None:
            group.append((agreement, topic))
        else:
            group[at] = (_fill(group[at][0], agreement), group[at][1] or topic)
    entries = [entry for group in merged.values() for entry in group]
    own_topic = {id(a) for a, t in entries if t}
    named = [a for a, _ in entries if a.name]
    result = list(named)
    for agreement in (a for a, _ in entries if not a.name and a.type != "other"):
        host = next((i for i, n in enumerate(result) if fits(agreement, n)), None)
        if host is None:
            result.append(agreement)
        else:
            result[host] = _fill(result[host], agreement)
    for agreement in (a for a, _ in entries if not a.name and a.type == "other"):
        host = next((i for i, t in enumerate(result) if t.parties == agreement.parties), None)
        if id(agreement) in own_topic:
            host = None  # "другое — культурных ценностей": one of a list, about something of its own
        if host is None:
            result.append(agreement)
        else:
            result[host] = _fill(result[host], agreement)
    return tuple(sorted(result, key=lambda a: a.evidence_span.start))
