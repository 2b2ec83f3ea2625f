"""Options of the cleaner: limits and the loaded resources it needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.core.cleaning.phrases import Phrasebook, load_phrasebook
from wirewatch.core.language import LanguageModel, load_language_model


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Limits and resources of the cleaner. Build once per process: the defaults load data files.

    ``max_bytes`` refuses inputs whose UTF-8 form is larger (``Rejected(TOO_LARGE)``) unless
    ``truncate`` is set, in which case the input is cut to that many bytes first: the limit of
    ``WIREWATCH_MAX_BODY_BYTES``, counted the same way by the stream and by ``wirewatch analyze``
    (both build their options with ``cleaner.handler.clean_options``). ``max_body_chars`` caps the
    clean body.
    """

    max_bytes: int = 5_000_000
    truncate: bool = False
    max_body_chars: int = 200_000
    max_nodes: int = 200_000
    phrasebook: Phrasebook = field(default_factory=load_phrasebook)
    language: LanguageModel = field(default_factory=load_language_model)
