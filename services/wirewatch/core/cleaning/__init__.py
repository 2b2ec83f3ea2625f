"""Turn a raw article (HTML or already-extracted text) into clean paragraphs and metadata.

Modules, in pipeline order: ``safety`` (refuse binary, empty, oversized input), ``extract``
and ``segments`` (HTML main text), ``htmlmeta`` (metadata from the page head), ``normalise``
(Unicode, whitespace, mojibake), ``quotes`` (split quotations), ``title``, ``rules`` with
``phrases`` and ``data/`` (boilerplate in many languages), ``textmeta`` (sources, timestamps),
``pipeline`` (``clean_article``).
"""

from wirewatch.core.cleaning.options import CleanOptions
from wirewatch.core.cleaning.phrases import Phrasebook, load_phrasebook
from wirewatch.core.cleaning.pipeline import clean_article

__all__ = ("CleanOptions", "Phrasebook", "clean_article", "load_phrasebook")
