"""The CAMEO/PLOVER table: every type and status is coded, and the documented anchors hold."""

from __future__ import annotations

import re

import pytest

from wirewatch.core.agreements import STATUS_RANK, cameo_code, event_codes
from wirewatch.core.agreements.codes import PLOVER_CONTEXT

TYPES = sorted(PLOVER_CONTEXT)


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("status", sorted(STATUS_RANK))
def test_every_type_and_status_is_coded(kind: str, status: str) -> None:
    codes = event_codes(kind, status)
    assert re.fullmatch(r"\d{3,4}", codes.cameo)
    assert codes.plover_type in {"SUPPORT", "AGREE", "COOPERATE", "CONSULT", "REJECT"}
    assert codes.plover_context and codes.plover_mode


@pytest.mark.parametrize("kind", TYPES)
def test_cameo_families(kind: str) -> None:
    assert cameo_code(kind, "signed") == cameo_code(kind, "ratified") == "057"
    assert cameo_code(kind, "planned").startswith("03")
    assert cameo_code(kind, "existing")[:2] in {"05", "06"}
    assert cameo_code(kind, "negotiating") == "046"
    assert cameo_code(kind, "suspended_or_cancelled").startswith("16")


@pytest.mark.parametrize(
    ("kind", "status", "cameo", "plover"),
    [
        ("military", "signed", "057", ("SUPPORT", "military", "sign")),
        ("military", "planned", "0312", ("AGREE", "military", "promise")),
        ("military", "existing", "062", ("COOPERATE", "military", "in_force")),
        ("trade", "existing", "061", ("COOPERATE", "economic", "in_force")),
        ("security", "existing", "064", ("COOPERATE", "intelligence", "in_force")),
        ("nuclear", "existing", "060", ("COOPERATE", "cbrn", "in_force")),
        ("diplomatic", "planned", "032", ("AGREE", "diplomatic", "promise")),
        ("security", "negotiating", "046", ("CONSULT", "intelligence", "negotiate")),
    ],
)
def test_documented_rows(kind: str, status: str, cameo: str, plover: tuple[str, str, str]) -> None:
    codes = event_codes(kind, status)
    assert codes.cameo == cameo
    assert (codes.plover_type, codes.plover_context, codes.plover_mode) == plover


def test_unknown_status_is_an_error() -> None:
    with pytest.raises(KeyError):
        event_codes("military", "rumoured")
