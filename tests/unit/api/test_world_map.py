"""The shipped world map (``api/static/world-110m.json``, made by ``scripts/build-world-map``)."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

MAP = Path(__file__).resolve().parents[3] / "services" / "wirewatch" / "api" / "static" / "world-110m.json"


def test_the_map_is_keyed_by_the_alpha_3_codes_the_events_carry() -> None:
    topology = json.loads(MAP.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and set(topology["transform"]) == {"scale", "translate"}
    ids = [g.get("id") for g in topology["objects"]["countries"]["geometries"]]
    codes = {c.alpha_3 for c in pycountry.countries}
    assert {i for i in ids if i is not None} <= codes
    assert {"MMR", "RUS", "PRK", "DEU", "USA"} <= set(ids)
    assert sum(i is None for i in ids) <= 5  # only shapes without an ISO code (Kosovo, …)
    assert MAP.stat().st_size < 150_000  # shipped with the wheel and served to every browser
