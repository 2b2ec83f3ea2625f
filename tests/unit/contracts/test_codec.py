from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.contracts.codec import DecodeError, decode, encode

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), json_values, max_size=6))
def test_round_trip(document: dict[str, Any]) -> None:
    assert decode(encode(document)) == document


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "no value"),
        (b"not json", "not JSON"),
        (b"[1, 2]", "JSON object"),
        (b'"text"', "JSON object"),
        (b"\xff\xfe", "not JSON"),
        (b"", "not JSON"),
    ],
)
def test_decode_refuses_everything_but_an_object(data: bytes | None, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


@given(st.binary(max_size=200))
def test_decode_never_raises_anything_else(data: bytes) -> None:
    with contextlib.suppress(DecodeError):
        assert isinstance(decode(data), dict)
