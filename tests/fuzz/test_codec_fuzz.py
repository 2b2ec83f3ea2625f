"""Fuzz the message decoder: any bytes give a JSON object or a ``DecodeError``, within the bound."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.hostile import EXAMPLES, HOSTILE_MESSAGES, bounded, encoded, json_values
from wirewatch.contracts.codec import DecodeError, decode, encode


def _decode_or_typed_error(data: bytes) -> dict | None:
    with bounded():
        try:
            return decode(data)
        except DecodeError:
            return None


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_decode_to_an_object_or_a_decode_error(data: bytes) -> None:
    result = _decode_or_typed_error(data)
    assert result is None or isinstance(result, dict)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(json_values())
def test_any_json_value_decodes_to_itself_or_is_refused_as_not_an_object(value) -> None:
    result = _decode_or_typed_error(encoded(value))
    if isinstance(value, dict):
        assert result == value
        assert encode(result) == encoded(value)
    else:
        assert result is None


@pytest.mark.parametrize(("name", "data"), HOSTILE_MESSAGES, ids=[n for n, _ in HOSTILE_MESSAGES])
def test_hostile_messages_decode_or_raise_a_decode_error(name: str, data: bytes) -> None:
    result = _decode_or_typed_error(data)
    if name.startswith(("deep", "not-utf8", "nul", "empty", "json-", "nan", "lone", "truncated", "huge-number")):
        assert result is None, name
    else:
        assert isinstance(result, dict), name


def test_none_is_a_decode_error_not_a_crash() -> None:
    with pytest.raises(DecodeError):
        decode(None)
