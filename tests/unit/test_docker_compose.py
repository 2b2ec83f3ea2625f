"""docker-compose.yml cannot run here (no Docker engine), so check it against the code statically."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click import Group

from wirewatch.cli import main as cli
from wirewatch.contracts.topics import TopicNames
from wirewatch.runtime.kafka import TOPIC_MAX_MESSAGE_BYTES, make_producer
from wirewatch.runtime.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _wirewatch_services(compose: dict) -> dict[str, dict]:
    return {name: svc for name, svc in compose["services"].items() if svc.get("image") == "wirewatch:local"}


def test_every_wirewatch_service_runs_a_real_cli_command(compose) -> None:
    assert isinstance(cli, Group)
    services = _wirewatch_services(compose)
    assert {"cleaner", "tagger", "scraper", "api", "topics"} <= set(services)
    for name, svc in services.items():
        command = svc["command"][0]
        assert command in cli.commands, f"{name}: `wirewatch {command}` does not exist"


def test_services_point_at_the_compose_kafka_and_read_valid_settings(compose) -> None:
    kafka = compose["services"]["kafka"]
    listener = kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"].split("//", 1)[1]
    for name, svc in _wirewatch_services(compose).items():
        env = {k: str(v) for k, v in svc["environment"].items()}
        settings = Settings.from_env(env)  # raises on a bad value
        assert settings.bootstrap == listener, name
        assert settings.http_host == "0.0.0.0"


def test_kafka_is_kraft_and_does_not_auto_create_topics(compose) -> None:
    env = compose["services"]["kafka"]["environment"]
    assert "controller" in env["KAFKA_PROCESS_ROLES"] and "broker" in env["KAFKA_PROCESS_ROLES"]
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"  # topics come from `wirewatch topics --create`
    assert compose["services"]["topics"]["command"] == ["topics", "--create"]
    # the seven pipeline topics, the tagger-internal agreement reports and the scraper's compacted seen set
    assert len(TopicNames().all()) == 9


def test_prometheus_scrapes_every_service_on_its_http_port(compose) -> None:
    prometheus = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    targets = {t for job in prometheus["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]}
    for name, svc in _wirewatch_services(compose).items():
        if name == "topics":
            continue
        port = svc["environment"]["WIREWATCH_HTTP_PORT"]
        assert f"{name}:{port}" in targets, f"prometheus does not scrape {name}"


def test_mounted_paths_exist(compose) -> None:
    for name, svc in compose["services"].items():
        for volume in svc.get("volumes", []):
            host = volume.split(":", 1)[0]
            assert (ROOT / host).exists(), f"{name} mounts {host}, which does not exist"
    assert (ROOT / "Dockerfile").is_file()


async def test_the_broker_takes_every_message_the_producer_sends(compose) -> None:
    env = compose["services"]["kafka"]["environment"]
    producer = make_producer(Settings(bootstrap_servers="kafka:9092"))  # never started: its configuration is read
    max_request_size = producer._max_request_size
    await producer.stop()
    assert max_request_size >= 5_000_000  # a 5 MB article fits the producer
    assert int(env["KAFKA_MESSAGE_MAX_BYTES"]) >= max_request_size
    assert int(env["KAFKA_REPLICA_FETCH_MAX_BYTES"]) >= int(env["KAFKA_MESSAGE_MAX_BYTES"])
    assert max_request_size <= TOPIC_MAX_MESSAGE_BYTES  # topics are created with this max.message.bytes
