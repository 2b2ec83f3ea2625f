"""Event-data codes for agreement events: CAMEO and PLOVER, so Wirewatch joins GDELT and POLECAT data.

The mapping is a table, by status and then by type. CAMEO codes (Schrodt, CAMEO 1.1b3):

=========================  =============================================================  =================
status                     CAMEO                                                          PLOVER event type
=========================  =============================================================  =================
signed, ratified           ``057`` Sign formal agreement                                  SUPPORT
existing                   ``06x`` Engage in material cooperation (``061`` economic,      COOPERATE
                           ``062`` military, ``064`` intelligence, ``060`` other);
                           ``050`` diplomatic cooperation for diplomatic agreements
planned                    ``03x`` Express intent to cooperate (``0311`` economic,        AGREE
                           ``0312`` military, ``0314`` intelligence, ``032`` diplomatic,
                           ``0333`` humanitarian aid, ``030`` other)
negotiating                ``046`` Engage in negotiation                                  CONSULT
suspended_or_cancelled     ``16x`` Reduce relations (``161`` diplomatic, ``162`` aid,     REJECT
                           ``160`` other)
=========================  =============================================================  =================

PLOVER context is taken from the agreement type (military -> military, nuclear -> cbrn,
security -> intelligence …), and the mode says how the agreement stands: ``sign``, ``ratify``,
``in_force``, ``promise``, ``negotiate``, ``withdraw``. Wirewatch defines these mode values for
agreements; PLOVER leaves the modes of these event types open.
"""

from __future__ import annotations

from dataclasses import dataclass

_ECONOMIC = frozenset({"economic", "trade", "financial", "energy", "agriculture"})

#: type -> (existing CAMEO, planned CAMEO, suspended CAMEO)
_BY_TYPE: dict[str, tuple[str, str, str]] = {
    "military": ("062", "0312", "160"),
    "security": ("064", "0314", "160"),
    "nuclear": ("060", "031", "160"),
    "diplomatic": ("050", "032", "161"),
    "humanitarian": ("060", "0333", "162"),
    "environment": ("060", "030", "160"),
    "other": ("060", "030", "160"),
    **dict.fromkeys(_ECONOMIC, ("061", "0311", "162")),
}

#: agreement type -> PLOVER context
PLOVER_CONTEXT: dict[str, str] = {
    "military": "military",
    "security": "intelligence",
    "nuclear": "cbrn",
    "energy": "resource",
    "trade": "economic",
    "economic": "economic",
    "financial": "economic",
    "agriculture": "agriculture",
    "humanitarian": "humanitarian",
    "diplomatic": "diplomatic",
    "environment": "environment",
    "other": "political",
}

#: status -> (PLOVER event type, mode)
PLOVER_EVENT: dict[str, tuple[str, str]] = {
    "signed": ("SUPPORT", "sign"),
    "ratified": ("SUPPORT", "ratify"),
    "existing": ("COOPERATE", "in_force"),
    "planned": ("AGREE", "promise"),
    "negotiating": ("CONSULT", "negotiate"),
    "suspended_or_cancelled": ("REJECT", "withdraw"),
}


@dataclass(frozen=True, slots=True)
class EventCodes:
    """The CAMEO code and the PLOVER coding of one agreement event."""

    cameo: str
    plover_type: str
    plover_context: str
    plover_mode: str


def cameo_code(agreement_type: str, status: str) -> str:
    """The CAMEO event code for an agreement of ``agreement_type`` in ``status``."""
    existing, planned, suspended = _BY_TYPE.get(agreement_type, _BY_TYPE["other"])
    if status in ("signed", "ratified"):
        return "057"
    if status == "negotiating":
        return "046"
    return {"existing": existing, "planned": planned, "suspended_or_cancelled": suspended}[status]


def event_codes(agreement_type: str, status: str) -> EventCodes:
    """CAMEO and PLOVER codes for an agreement; ``KeyError`` for a status outside the vocabulary."""
    plover_type, mode = PLOVER_EVENT[status]
    context = PLOVER_CONTEXT.get(agreement_type, "political")
    return EventCodes(cameo_code(agreement_type, status), plover_type, context, mode)
