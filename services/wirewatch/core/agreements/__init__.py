"""Agreement extraction: who agreed what with whom, signed or planned, for how long.

``extract_agreements`` reads one article; ``fold_report`` folds each article's report of an
agreement into one event; ``event_codes`` gives its CAMEO and PLOVER codes. Lexicons are data
files in ``data/``, loaded with ``load_lexicons``; the base of named agreements is ``data/named/``,
loaded with ``load_named``.
"""

from wirewatch.core.agreements.codes import EventCodes, cameo_code, event_codes
from wirewatch.core.agreements.events import (
    STATUS_RANK,
    AgreementEvent,
    Report,
    Source,
    StatusChange,
    agreement_key,
    agreement_year,
    fold_report,
    is_stale,
    new_event,
)
from wirewatch.core.agreements.extract import extract_agreements
from wirewatch.core.agreements.lexicon import (
    Lexicon,
    Lexicons,
    UnknownLanguage,
    available_languages,
    compile_lexicon,
    load_lexicon,
    load_lexicons,
)
from wirewatch.core.agreements.named import NamedAgreement, NamedBase, NamedMention, compile_named, load_named

__all__ = [
    "STATUS_RANK",
    "AgreementEvent",
    "EventCodes",
    "Lexicon",
    "Lexicons",
    "NamedAgreement",
    "NamedBase",
    "NamedMention",
    "Report",
    "Source",
    "StatusChange",
    "UnknownLanguage",
    "agreement_key",
    "agreement_year",
    "available_languages",
    "cameo_code",
    "compile_lexicon",
    "compile_named",
    "event_codes",
    "extract_agreements",
    "fold_report",
    "is_stale",
    "load_lexicon",
    "load_lexicons",
    "load_named",
    "new_event",
]
