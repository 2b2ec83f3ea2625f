"""docker-compose.cluster.yml: three brokers, replication 3, min.insync.replicas 2, producers acks=all.

No Docker engine runs here, so the override is merged with docker-compose.yml the way Compose
merges mappings and checked statically, and the producers' settings are checked in the code.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import yaml

from wirewatch.runtime.faust_app import make_faust_app
from wirewatch.runtime.kafka import make_producer
from wirewatch.runtime.metrics import Stage
from wirewatch.runtime.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "services" / "wirewatch"


def merge(base: Any, override: Any) -> Any:
    """Compose's merge for what these files use: mappings merge key by key, everything else is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        return {k: merge(base[k], v) if k in base else v for k, v in override.items()} | {
            k: v for k, v in base.items() if k not in override
        }
    return override


@pytest.fixture(scope="module")
def cluster() -> dict:
    base = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    override = yaml.safe_load((ROOT / "docker-compose.cluster.yml").read_text(encoding="utf-8"))
    return merge(base, override)


def _brokers(compose: dict) -> dict[str, dict]:
    return {n: s for n, s in compose["services"].items() if str(s.get("image", "")).startswith("apache/kafka")}


def test_three_brokers_form_one_quorum(cluster) -> None:
    brokers = _brokers(cluster)
    assert len(brokers) == 3
    ids = {int(b["environment"]["KAFKA_NODE_ID"]) for b in brokers.values()}
    assert ids == {1, 2, 3}
    voters = {b["environment"]["KAFKA_CONTROLLER_QUORUM_VOTERS"] for b in brokers.values()}
    assert len(voters) == 1
    assert {v.split("@")[1].split(":")[0] for v in voters.pop().split(",")} == set(brokers)
    assert len({b["environment"]["CLUSTER_ID"] for b in brokers.values()}) == 1


def test_replication_three_and_two_in_sync_replicas(cluster) -> None:
    for name, broker in _brokers(cluster).items():
        env = broker["environment"]
        assert int(env["KAFKA_DEFAULT_REPLICATION_FACTOR"]) == 3, name
        assert int(env["KAFKA_MIN_INSYNC_REPLICAS"]) == 2, name
        assert int(env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]) == 3, name
        assert env["KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"] == "false", name
        assert env["KAFKA_ADVERTISED_LISTENERS"] == f"PLAINTEXT://{name}:9092"


def test_services_bootstrap_from_every_broker_and_create_replicated_topics(cluster) -> None:
    brokers = {f"{n}:9092" for n in _brokers(cluster)}
    wirewatch = {n: s for n, s in cluster["services"].items() if s.get("image") == "wirewatch:local"}
    assert {"topics", "cleaner", "tagger", "scraper", "api"} <= set(wirewatch)
    base = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    override = yaml.safe_load((ROOT / "docker-compose.cluster.yml").read_text(encoding="utf-8"))
    runs_wirewatch = {n for n, s in base["services"].items() if s.get("image") == "wirewatch:local"}
    assert runs_wirewatch <= set(override["services"]), "a service of docker-compose.yml misses the cluster env"
    for name, svc in wirewatch.items():
        settings = Settings.from_env({k: str(v) for k, v in svc["environment"].items()})
        assert set(settings.bootstrap.split(",")) == brokers, name
        assert settings.replication == 3, name
        assert settings.http_host == "0.0.0.0", name  # the base file's settings survive the merge
    assert set(cluster["services"]["topics"]["depends_on"]) == set(_brokers(cluster))


def test_the_faust_stage_produces_with_acks_all() -> None:
    settings = Settings(bootstrap_servers="kafka:9092")
    assert make_faust_app(settings, Stage.AGGREGATOR).conf.producer_acks == -1  # -1 is "all"


async def test_the_producer_factory_asks_for_acks_all() -> None:
    producer = make_producer(Settings(bootstrap_servers="kafka:9092"))
    try:
        assert producer._sender._acks == -1  # aiokafka keeps the resolved setting only privately
    finally:
        await producer.stop()


def test_every_producer_in_the_services_comes_from_the_factory_without_overriding_acks() -> None:
    for path in SERVICES.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "AIOKafkaProducer":
                assert path.name == "kafka.py" and path.parent.name == "runtime", f"{path}: use make_producer"
            if name == "make_producer":
                assert "acks" not in {kw.arg for kw in node.keywords}, f"{path}: acks must stay 'all'"
