"""The views the feed fills, and the broadcaster that fans agreements out to SSE clients."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.seeded import seed_outputs
from wirewatch.api.feed import SUBSCRIBER_QUEUE, Broadcaster, Views
from wirewatch.api.stores import AgreementFilter
from wirewatch.contracts.topics import Topic


def test_bad_messages_are_skipped_and_good_ones_kept(seeds_dir: Path):
    views = Views()
    views.apply(Topic.AGREEMENTS, b"not json")
    views.apply(Topic.AGREEMENTS, orjson.dumps({"id": "x"}))  # breaks the schema
    assert len(views.agreements) == 0
    for out in seed_outputs(seeds_dir).agreement_outputs:
        views.apply(Topic.AGREEMENTS, out.value())
    assert len(views.agreements) == len({o.document["id"] for o in seed_outputs(seeds_dir).agreement_outputs})


def test_subscribers_get_only_what_matches_their_filter(seeds_dir: Path):
    counts = []
    live = Broadcaster(counts.append)
    russia = live.subscribe(AgreementFilter(country="RUS", type="military"))
    france = live.subscribe(AgreementFilter(country="FRA"))
    for doc in seed_outputs(seeds_dir).agreements:
        live.publish("agreement", doc)
    assert russia.queue.qsize() >= 1 and france.queue.qsize() == 0
    live.unsubscribe(france)
    assert counts == [1, 2, 1]


def test_a_client_that_falls_too_far_behind_is_cut_off(seeds_dir: Path):
    live = Broadcaster()
    slow = live.subscribe(AgreementFilter())
    doc = seed_outputs(seeds_dir).agreements[0]
    for _ in range(SUBSCRIBER_QUEUE + 1):
        live.publish("agreement", doc)
    assert len(live) == 0
    items = [slow.queue.get_nowait() for _ in range(slow.queue.qsize())]
    assert items[-1] is None  # the end-of-stream marker: its handler closes the response


def test_closing_ends_every_stream():
    live = Broadcaster()
    clients = [live.subscribe(AgreementFilter()) for _ in range(3)]
    live.close()
    assert len(live) == 0
    assert all(c.queue.get_nowait() is None for c in clients)
