"""Options of the cleaner: limits and the loaded resources it needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.core.cleaning.phrases import Phrasebook, load_phrasebook
from wirewatch.core.language import LanguageModel, load_language_model


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Limits and resources of the cleaner. Build once per process: the defaults load data files.

    ``max_chars`` refuses larger inputs (``Rejected(TOO_LARGE)``) unless ``truncate`` is set,
    in which case the input is cut to ``max_chars`` first. ``max_body_chars`` caps the clean body.
    """

    max_chars: int = 2_000_000
    truncate: bool = False
    max_body_chars: int = 200_000
    max_nodes: int = 200_000
    phrasebook: Phrasebook = field(default_factory=load_phrasebook)
    language: LanguageModel = field(default_factory=load_language_model)
