"""Turn a raw article (HTML or already-extracted text) into clean paragraphs and metadata."""

from wirewatch.core.cleaning._legacy import CleanOptions, clean_article

__all__ = ["CleanOptions", "clean_article"]
