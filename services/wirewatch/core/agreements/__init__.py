"""Agreement extraction: who agreed what with whom, signed or planned, for how long."""

from wirewatch.core.agreements.extract import extract_agreements

__all__ = ["extract_agreements"]
