"""``wirewatch tail`` filters over every kind of event document."""

from __future__ import annotations

import orjson
import pytest

from wirewatch.runtime.settings import Settings, SettingsError
from wirewatch.runtime.tailing import TailFilter

AGREEMENT = {"id": "a", "parties": ["MMR", "RUS"], "type": "military", "status": "signed"}
RELATION = {"id": "r", "countries": ["MMR", "RUS"], "agreements": {"military": 1}}
COUNTRY = {"id": "c", "country": "PRK"}
TAGGED = {
    "id": "t",
    "countries": [{"code": "FRA"}, {"code": "DEU"}],
    "agreements": [{"parties": ["FRA", "DEU"], "type": "energy", "status": "planned"}],
}


def passes(wanted: TailFilter, doc: object) -> bool:
    return wanted.matches(orjson.dumps(doc))


def test_no_filter_passes_everything_even_non_json():
    assert TailFilter().matches(b"\xff")


@pytest.mark.parametrize(
    ("wanted", "doc", "expected"),
    [
        (TailFilter(country="RUS", type="military"), AGREEMENT, True),
        (TailFilter(country="RUS", type="trade"), AGREEMENT, False),
        (TailFilter(country="CHN"), AGREEMENT, False),
        (TailFilter(status="planned"), AGREEMENT, False),
        (TailFilter(country="MMR", type="military"), RELATION, True),
        (TailFilter(type="nuclear"), RELATION, False),
        (TailFilter(country="PRK"), COUNTRY, True),
        (TailFilter(country="FRA", type="energy", status="planned"), TAGGED, True),
        (TailFilter(country="DEU", status="signed"), TAGGED, False),
    ],
)
def test_filters(wanted, doc, expected):
    assert passes(wanted, doc) is expected


def test_with_a_filter_non_json_never_matches():
    assert not TailFilter(country="RUS").matches(b"not json")
    assert not TailFilter(country="RUS").matches(b"[1, 2]")


def test_the_watch_list_setting_is_read_and_checked():
    assert Settings.from_env({"WIREWATCH_WATCHLIST": "prk, irn"}).watchlist == ("PRK", "IRN")
    assert Settings.from_env({}).watchlist == ()
    with pytest.raises(SettingsError):
        Settings.from_env({"WIREWATCH_WATCHLIST": "Korea"})
    assert Settings.from_env({"WIREWATCH_WINDOW_LATENESS": "5"}).window_lateness == 5.0
