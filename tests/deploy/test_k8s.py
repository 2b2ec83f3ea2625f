"""deploy/k8s/: no cluster runs here, so the manifests are checked against schemas and against the code.

Built-in kinds (Deployment, Service, ConfigMap, Namespace) are validated with kubernetes-validate,
which ships the Kubernetes OpenAPI schemas in its wheel; custom resources (Strimzi, KEDA,
Prometheus Operator) against the minimal structural schemas in ``crd_schemas.yaml`` (ours).
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from click import Group

from wirewatch.cleaner.app import build as build_cleaner
from wirewatch.cli import main as cli
from wirewatch.contracts.topics import TopicNames
from wirewatch.core.analysis import Resources
from wirewatch.runtime.kafka import COMPACTED_SUFFIXES
from wirewatch.runtime.metrics import Metrics
from wirewatch.runtime.settings import Settings
from wirewatch.tagger.app import build as build_tagger

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
K8S_VERSION = "1.33.0"


def _render_module() -> Any:
    spec = importlib.util.spec_from_file_location("wirewatch_k8s_render", K8S / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


RENDER = _render_module()


def _objects() -> list[dict[str, Any]]:
    return [
        doc
        for path in sorted(K8S.glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8"))
        if doc is not None
    ]


OBJECTS = _objects()


def _kind(kind: str) -> list[dict[str, Any]]:
    return [o for o in OBJECTS if o["kind"] == kind]


def _by_name(kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in _kind(kind)}


@pytest.fixture(scope="module")
def crd_schemas() -> dict[str, Any]:
    return yaml.safe_load((Path(__file__).parent / "crd_schemas.yaml").read_text(encoding="utf-8"))


def test_committed_manifests_are_what_the_renderer_produces() -> None:
    rendered = RENDER.render()
    committed = {p.name for p in K8S.glob("*.yaml")}
    assert committed == set(rendered), "run scripts/gen-k8s"
    for name, text in rendered.items():
        assert (K8S / name).read_text(encoding="utf-8") == text, f"{name} is stale: run scripts/gen-k8s"


def test_prometheus_rules_equal_the_rules_files() -> None:
    """The PrometheusRule objects carry exactly the groups of deploy/prometheus/rules/*.yml, file by file."""
    rules_dir = ROOT / "deploy" / "prometheus" / "rules"
    files = sorted(rules_dir.glob("*.yml")) + sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []
    objects = {o["metadata"]["annotations"]["wirewatch.dev/source"]: o for o in _kind("PrometheusRule")}
    assert set(objects) == {p.name for p in files}
    for path in files:
        assert objects[path.name]["spec"]["groups"] == yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]


def test_renderer_turns_a_rules_file_into_one_prometheus_rule(tmp_path) -> None:
    rule = {"alert": "X", "expr": "up == 0", "for": "5m", "labels": {"severity": "page"}}
    (tmp_path / "a.yml").write_text(yaml.safe_dump({"groups": [{"name": "g", "rules": [rule]}]}))
    [obj] = RENDER.prometheus_rules(tmp_path)
    assert obj["kind"] == "PrometheusRule" and obj["spec"]["groups"][0]["rules"] == [rule]


@pytest.mark.parametrize("kind", ["Deployment", "Service", "ConfigMap", "Namespace"])
def test_builtin_kinds_satisfy_the_kubernetes_schema(kind: str) -> None:
    objects = _kind(kind)
    assert objects
    for obj in objects:
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)  # raises ValidationError


def test_a_broken_deployment_is_caught_by_the_validator() -> None:
    broken = yaml.safe_load(yaml.safe_dump(_kind("Deployment")[0]))
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_custom_resources_satisfy_their_structural_schemas(crd_schemas) -> None:
    builtin = {"Deployment", "Service", "ConfigMap", "Namespace"}
    custom = [o for o in OBJECTS if o["kind"] not in builtin]
    assert {o["kind"] for o in custom} >= {"Kafka", "KafkaNodePool", "KafkaTopic", "ScaledObject", "ServiceMonitor"}
    for obj in custom:
        key = f"{obj['apiVersion']}/{obj['kind']}"
        schema = {"$defs": crd_schemas["$defs"], **crd_schemas["kinds"][key]}
        jsonschema.Draft202012Validator(schema).validate(obj)


def test_every_deployment_runs_a_real_command_with_probes_and_resources() -> None:
    assert isinstance(cli, Group)
    config = _by_name("ConfigMap")["wirewatch-config"]["data"]
    settings = Settings.from_env(config)  # raises on a bad value
    for name, dep in _by_name("Deployment").items():
        [container] = dep["spec"]["template"]["spec"]["containers"]
        assert container["args"][0] in cli.commands, name
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert {"cpu", "memory"} <= set(container["resources"]["requests"]) == set(container["resources"]["limits"])
        [port] = container["ports"]
        assert port["containerPort"] == settings.http_port and port["name"] == "http"
        assert container["envFrom"] == [{"configMapRef": {"name": "wirewatch-config"}}]
    services = set(_by_name("Service"))
    assert services == set(_by_name("Deployment"))


def test_every_compose_service_has_a_deployment() -> None:
    commands = {d["spec"]["template"]["spec"]["containers"][0]["args"][0] for d in _kind("Deployment")}
    services = {
        n
        for n, s in yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"].items()
        if s.get("image") == "wirewatch:local" and n != "topics"
    }
    compose_commands = {
        yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"][n]["command"][0] for n in services
    }
    assert compose_commands <= commands  # every long-running service of docker-compose.yml runs on Kubernetes too


def test_topics_are_the_pipeline_topics_replicated_three_times() -> None:
    topics = {t["spec"]["topicName"]: t["spec"] for t in _kind("KafkaTopic")}
    assert sorted(topics) == sorted(TopicNames().all())
    for spec in topics.values():
        assert spec["replicas"] == 3 and spec["config"]["min.insync.replicas"] == 2
    for name in COMPACTED_SUFFIXES:  # compacted on Kubernetes exactly where the runtime compacts them
        assert topics[name]["config"]["cleanup.policy"] == "compact"
    [kafka] = _kind("Kafka")
    assert kafka["spec"]["kafka"]["config"]["min.insync.replicas"] == 2
    [pool] = _kind("KafkaNodePool")
    assert pool["spec"]["replicas"] >= 3


def test_autoscalers_follow_the_consumer_groups_and_stop_at_the_partition_count() -> None:
    config = _by_name("ConfigMap")["wirewatch-config"]["data"]
    settings = Settings.from_env(config)
    topics = {t["spec"]["topicName"]: t["spec"]["partitions"] for t in _kind("KafkaTopic")}
    deployments = _by_name("Deployment")
    groups = {"clean": build_cleaner(settings).group(settings), "tag": _tag_group(settings)}
    scaled = _kind("ScaledObject")
    assert len(scaled) == 2
    for obj in scaled:
        target = deployments[obj["spec"]["scaleTargetRef"]["name"]]
        command = target["spec"]["template"]["spec"]["containers"][0]["args"][0]
        [trigger] = obj["spec"]["triggers"]
        meta = trigger["metadata"]
        # The group KEDA watches is the one the stage really joins.
        assert meta["consumerGroup"] == groups[command]
        assert meta["bootstrapServers"] == settings.bootstrap
        partitions = topics[meta["topic"]]
        assert obj["spec"]["maxReplicaCount"] <= partitions
        # An even split at every replica count up to the maximum would need partitions % n == 0;
        # at least the maximum must split evenly, and the current replicas too.
        assert partitions % obj["spec"]["maxReplicaCount"] == 0
        assert partitions % target["spec"]["replicas"] == 0
        assert settings.partitions == partitions


def test_service_monitor_selects_every_service_on_its_named_port() -> None:
    [monitor] = _kind("ServiceMonitor")
    selector = monitor["spec"]["selector"]["matchLabels"]
    port = monitor["spec"]["endpoints"][0]["port"]
    for name, svc in _by_name("Service").items():
        assert selector.items() <= svc["metadata"]["labels"].items(), name
        assert port in {p["name"] for p in svc["spec"]["ports"]}


def test_kustomization_lists_every_manifest_file() -> None:
    [kustomization] = _kind("Kustomization")
    files = {p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml" and p.read_text().count("\nkind:")}
    assert set(kustomization["resources"]) == files


def test_resource_limits_leave_room_over_requests() -> None:
    def cpu(q: str) -> float:
        return float(q[:-1]) / 1000 if q.endswith("m") else float(q)

    for dep in _kind("Deployment"):
        res = dep["spec"]["template"]["spec"]["containers"][0]["resources"]
        assert cpu(res["limits"]["cpu"]) >= cpu(res["requests"]["cpu"])
        assert not math.isnan(cpu(res["requests"]["cpu"]))


def _tag_group(settings: Settings) -> str:
    """The group of the tagger's first stage, whose lag (articles waiting to be tagged) KEDA scales on."""
    tag, _fold = build_tagger(settings, Metrics.create(), Resources.load())
    return tag.group(settings)
