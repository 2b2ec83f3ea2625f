"""Hostile inputs shared by the fuzz tests and the running-worker test: strategies and fixed cases.

Fixed cases cover what random generation rarely reaches: a 100k-deep nesting, a 2 MB single
token, bidi overrides, stacked combining marks. Strategies cover the rest: random bytes,
every Unicode category, mixed scripts, JSON with the wrong types in every field.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from typing import Any

import orjson
from hypothesis import strategies as st

#: Generous bound for one input: a stall detector, not a speed measurement (benchmarks do speed).
BOUND_SECONDS = 30

#: Examples per property; ``make soak`` raises it.
EXAMPLES = int(os.environ.get("WIREWATCH_FUZZ_EXAMPLES") or 60)

#: Nesting depth of the hostile documents. The decoder always gets 100k; HTML bodies get it under
#: ``make soak`` (WIREWATCH_FUZZ_FULL=1) and 20k in ``make test``: the cleaner's HTML parser
#: (lexbor via selectolax) is quadratic in nesting depth, 100k-deep ``<div>`` takes ~55 s (reported).
DEEP = 100_000
FULL = os.environ.get("WIREWATCH_FUZZ_FULL") == "1"
HTML_DEEP = DEEP if FULL else 20_000


#: Writing in many scripts, with direction changes, joiners and combining marks.
SCRIPT_SAMPLES = (
    "Россия и Мьянма подписали соглашение",
    "وقعت مصر والأردن اتفاقية",
    "ישראל וירדן חתמו על הסכם",
    "भारत और नेपाल ने समझौते पर हस्ताक्षर किए",
    "中国与巴基斯坦签署协议",
    "日本と韓国が協定に署名した",
    "ประเทศไทยและลาวลงนามข้อตกลง",
    "Ελλάδα και Κύπρος υπέγραψαν συμφωνία",
    "\u202eFrance\u202c \u2067Deutschland\u2069 \u200f\u200e",
    "👩‍👩‍👧‍👦🇫🇷🇩🇪🏳️‍🌈",
    "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358ałgo" * 20,
    "\ufeff\u200b\u2060\u00ad\u034f",
)

#: Bodies that random generation does not reach: huge tokens, deep nesting, control characters.
HOSTILE_TEXTS: tuple[tuple[str, str], ...] = (
    ("huge-token", "A" * 2_000_000),
    ("huge-token-nonascii", "ü" * 500_000),
    ("deep-html", "<div>" * HTML_DEEP + "Polen" + "</div>" * HTML_DEEP),
    ("deep-unclosed-html", "<p><b><i>" * (HTML_DEEP // 3)),
    ("deep-brackets", "[" * DEEP + "]" * DEEP),
    ("many-lines", "Frankreich.\n" * 200_000),
    ("controls", "".join(chr(c) for c in range(32)) * 1000),
    ("mixed-scripts", " ".join(SCRIPT_SAMPLES) * 200),
    ("one-char", "x"),
    ("whitespace-only", " \t\n\u00a0\u3000" * 1000),
    ("script-tags-only", "<script>" + "var x=1;" * 10_000 + "</script>"),
    # 20k, not more: the walking-skeleton cleaner (html.parser) is quadratic on unclosed comments.
    ("comment-bomb", "<!--" * 20_000),
    ("entities", "&amp;&#x110000;&#0;&#xD800;&nbsp;" * 20_000),
)

#: Whole messages (bytes) a topic may carry that are no raw article at all.
HOSTILE_MESSAGES: tuple[tuple[str, bytes], ...] = (
    ("empty", b""),
    ("nul-bytes", b"\x00" * 1000),
    ("not-utf8", b"\xff\xfe\xfa" * 1000),
    ("deep-json-array", b"[" * DEEP + b"]" * DEEP),
    ("deep-json-object", b'{"a":' * DEEP + b"1" + b"}" * DEEP),
    ("json-array", b"[1,2,3]"),
    ("json-string", b'"hello"'),
    ("json-null", b"null"),
    ("lone-surrogate-escape", b'{"id":"x","text":"\\ud800"}'),
    ("nan", b'{"id":"x","text":NaN}'),
    ("duplicate-keys", b'{"id":"x","text":"a","text":"b"}'),
    ("huge-number", b'{"id":"x","text":"a","version":' + b"9" * 5000 + b"}"),
    ("wrong-types", b'{"id":1,"text":["a"],"url":{},"lang":5}'),
    ("both-bodies", b'{"id":"x","text":"a","html":"<p>a</p>"}'),
    ("truncated", b'{"id":"x","text":"Fra'),
)


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value: null, booleans, numbers, strings, arrays and objects, nested."""
    # orjson refuses integers past 64 bits and writes infinities as null: JSON on the wire has neither.
    numbers = st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    scalars = st.none() | st.booleans() | numbers | st.text(max_size=50)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
        max_leaves=max_leaves,
    )


def any_text(max_size: int = 2000) -> st.SearchStrategy[str]:
    """Text from every Unicode category except lone surrogates (which UTF-8 cannot carry)."""
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=max_size) | st.lists(
        st.sampled_from(SCRIPT_SAMPLES), max_size=10
    ).map(" ".join)


def raw_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Raw-article documents, many of them wrong: any field may hold any JSON type."""
    body_key = st.sampled_from(["text", "html"])
    good = st.builds(lambda k, body, i: {"id": i, k: body}, body_key, any_text(), st.text(min_size=1, max_size=40))
    fields = st.sampled_from(["id", "text", "html", "url", "title", "lang", "published", "fetched_at", "tags"])
    wrong = st.dictionaries(fields | st.text(max_size=8), json_values(), max_size=6)
    return good | wrong | st.builds(lambda d, extra: {**d, **extra}, good, wrong)


def encoded(document: Any) -> bytes:
    """``document`` as JSON bytes."""
    return orjson.dumps(document)


class Stalled(BaseException):
    """An input took longer than ``BOUND_SECONDS``; a BaseException so no ``except Exception`` hides it."""


@contextlib.contextmanager
def bounded(seconds: int = BOUND_SECONDS) -> Iterator[None]:
    """Fail with ``Stalled`` when the block runs longer than ``seconds`` (SIGALRM; main thread only)."""

    def expire(signum: int, frame: object) -> None:
        raise Stalled(f"no result within {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
