"""Render Wirewatch's Kubernetes manifests from the code's own facts.

Topic names come from ``wirewatch.contracts.topics``, consumer groups as the stages name them,
CLI commands from the services table below, alert rules from ``deploy/prometheus/rules/*.yml``.
So the manifests cannot drift: ``tests/deploy/test_k8s.py`` renders them again and compares
with the committed files. Regenerate after a change with ``scripts/gen-k8s``.

Layout written under ``deploy/k8s/``:

    kafka.yaml              Strimzi Kafka (KRaft) + KafkaNodePool, RF 3, min.insync.replicas 2
    topics.yaml             one Strimzi KafkaTopic per pipeline topic
    config.yaml             the ConfigMap every service reads its environment from
    <service>.yaml          Deployment + Service per service (probes, requests, limits)
    autoscaling.yaml        KEDA ScaledObjects on consumer lag for the stream processors
    monitoring.yaml         Prometheus Operator ServiceMonitor
    prometheus-rules.yaml   PrometheusRule objects, one per rules file, generated
    kustomization.yaml      ties them together (``kubectl apply -k deploy/k8s``)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wirewatch.contracts.topics import Topic, TopicNames
from wirewatch.runtime.kafka import COMPACTED_SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "deploy" / "k8s"
RULES = ROOT / "deploy" / "prometheus" / "rules"

NAMESPACE = "wirewatch"
CLUSTER = "wirewatch"  # the Strimzi cluster name; its bootstrap Service is <cluster>-kafka-bootstrap
BOOTSTRAP = f"{CLUSTER}-kafka-bootstrap:9092"
IMAGE = "wirewatch:0.1.0"  # set the registry with kustomize `images:` for a real cluster
HTTP_PORT = 9300
GROUP_PREFIX = "wirewatch"

#: Partitions per topic. Twelve divides evenly among 1, 2, 3, 4, 6 and 12 workers; Faust's
#: sticky assignor gives a new member partitions only when others hold more than
#: ceil(partitions / members), so members beyond the partition count, or an uneven split,
#: leave replicas idle. Autoscalers stop at this many replicas.
PARTITIONS = 12
REPLICAS = 3
MIN_INSYNC = 2

#: Topic configs beyond the cluster defaults: retention per topic, compaction for the keyed events.
TOPIC_CONFIG: dict[Topic, dict[str, Any]] = {
    Topic.RAW: {"retention.ms": 3 * 86_400_000, "max.message.bytes": 8 * 1024 * 1024},
    Topic.CLEAN: {"retention.ms": 7 * 86_400_000},
    Topic.TAGGED: {"retention.ms": 30 * 86_400_000},
    Topic.AGREEMENT_REPORTS: {"retention.ms": 30 * 86_400_000},
    Topic.COUNTRIES: {"retention.ms": 30 * 86_400_000},
    Topic.RELATIONS: {"retention.ms": 30 * 86_400_000},
    Topic.DEADLETTER: {"retention.ms": 30 * 86_400_000, "max.message.bytes": 8 * 1024 * 1024},
}


@dataclass(frozen=True)
class Service:
    """One Wirewatch service as Kubernetes runs it."""

    name: str
    command: str  # the `wirewatch <command>` it runs
    cpu: tuple[str, str]  # request, limit
    memory: tuple[str, str]
    replicas: int = 1
    lag_topic: Topic | None = None  # scale on the consumer lag of this topic (stream processors)
    consumer_group: str | None = None
    env: tuple[tuple[str, str], ...] = ()  # service-only settings beyond the shared ConfigMap


SERVICES = (
    Service("cleaner", "clean", ("250m", "1"), ("256Mi", "768Mi"), 2, Topic.RAW, f"{GROUP_PREFIX}-cleaner"),
    Service("tagger", "tag", ("500m", "1"), ("384Mi", "1Gi"), 2, Topic.CLEAN, f"{GROUP_PREFIX}-tagger"),
    # One aggregator: its relation windows are a Faust table; scale it by partitions once measured.
    Service(
        "aggregator",
        "aggregate",
        ("100m", "500m"),
        ("256Mi", "768Mi"),
        env=(("WIREWATCH_WATCHLIST", "PRK,IRN,RUS,CHN,MMR"), ("WIREWATCH_WINDOW_LATENESS", "60")),
    ),
    # One scraper: feeds are polled by one process (its seen set and politeness state are local).
    Service("scraper", "scrape", ("100m", "500m"), ("128Mi", "512Mi")),
    Service("api", "api", ("100m", "500m"), ("128Mi", "512Mi")),
)


def labels(name: str) -> dict[str, str]:
    """The labels every object of a service carries."""
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "wirewatch"}


def meta(name: str, **extra: Any) -> dict[str, Any]:
    """``metadata`` with name, namespace and labels."""
    return {"name": name, "namespace": NAMESPACE, "labels": labels(name), **extra}


def config_map() -> dict[str, Any]:
    """Environment shared by every service (see runtime/settings.py for each variable)."""
    data = {
        "KAFKA_BOOTSTRAP_SERVERS": BOOTSTRAP,
        "WIREWATCH_PARTITIONS": str(PARTITIONS),
        "WIREWATCH_REPLICATION": str(REPLICAS),
        "WIREWATCH_HTTP_HOST": "0.0.0.0",
        "WIREWATCH_HTTP_PORT": str(HTTP_PORT),
        "WIREWATCH_CONSUMER_GROUP": GROUP_PREFIX,
        "WIREWATCH_LOG_LEVEL": "info",
    }
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("wirewatch-config"), "data": data}


def probe(path: str, period: int, failures: int) -> dict[str, Any]:
    """An HTTP probe on the service's health port."""
    return {"httpGet": {"path": path, "port": "http"}, "periodSeconds": period, "failureThreshold": failures}


def container(svc: Service) -> dict[str, Any]:
    """The one container of a service's pod."""
    return {
        "name": svc.name,
        "image": IMAGE,
        "args": [svc.command],
        "workingDir": "/tmp",  # Faust creates its data directory in the working directory; the root fs is read-only
        "envFrom": [{"configMapRef": {"name": "wirewatch-config"}}],
        **({"env": [{"name": k, "value": v} for k, v in svc.env]} if svc.env else {}),
        "ports": [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}],
        # A stage needs a few seconds to join its group: the startup probe covers that, so liveness can be strict.
        "startupProbe": probe("/healthz", 2, 60),
        "livenessProbe": probe("/healthz", 10, 3),
        # /readyz is 200 once the consumer group has assigned partitions: connected to the brokers.
        "readinessProbe": probe("/readyz", 5, 3),
        "resources": {
            "requests": {"cpu": svc.cpu[0], "memory": svc.memory[0]},
            "limits": {"cpu": svc.cpu[1], "memory": svc.memory[1]},
        },
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": 10001,
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "capabilities": {"drop": ["ALL"]},
        },
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
    }


def deployment(svc: Service) -> dict[str, Any]:
    """A Deployment for ``svc``: rolling updates, SIGTERM grace long enough for a final commit."""
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta(f"wirewatch-{svc.name}"),
        "spec": {
            "replicas": svc.replicas,
            "selector": {"matchLabels": labels(f"wirewatch-{svc.name}")},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
            "template": {
                "metadata": {"labels": labels(f"wirewatch-{svc.name}")},
                "spec": {
                    "terminationGracePeriodSeconds": 30,
                    "containers": [container(svc)],
                    "volumes": [{"name": "tmp", "emptyDir": {}}],
                },
            },
        },
    }


def service(svc: Service) -> dict[str, Any]:
    """A ClusterIP Service exposing the health/metrics (and, for the API, the dashboard) port."""
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta(f"wirewatch-{svc.name}"),
        "spec": {
            "selector": labels(f"wirewatch-{svc.name}"),
            "ports": [{"name": "http", "port": HTTP_PORT, "targetPort": "http", "protocol": "TCP"}],
        },
    }


def scaled_object(svc: Service) -> dict[str, Any]:
    """KEDA scales a stream processor on its consumer group's lag, up to one replica per partition."""
    assert svc.lag_topic is not None and svc.consumer_group is not None
    return {
        "apiVersion": "keda.sh/v1alpha1",
        "kind": "ScaledObject",
        "metadata": meta(f"wirewatch-{svc.name}"),
        "spec": {
            "scaleTargetRef": {"name": f"wirewatch-{svc.name}"},
            "minReplicaCount": 1,
            "maxReplicaCount": PARTITIONS,
            "pollingInterval": 15,
            "cooldownPeriod": 300,
            "triggers": [
                {
                    "type": "kafka",
                    "metadata": {
                        "bootstrapServers": BOOTSTRAP,
                        "consumerGroup": svc.consumer_group,
                        "topic": TopicNames().name(svc.lag_topic),
                        "lagThreshold": "500",  # messages behind per replica before adding one
                        "offsetResetPolicy": "earliest",
                    },
                }
            ],
        },
    }


def kafka() -> list[dict[str, Any]]:
    """A three-node KRaft cluster (combined controller+broker nodes) managed by Strimzi."""
    pool = {
        "apiVersion": "kafka.strimzi.io/v1beta2",
        "kind": "KafkaNodePool",
        "metadata": {**meta("combined"), "labels": {"strimzi.io/cluster": CLUSTER}},
        "spec": {
            "replicas": REPLICAS,
            "roles": ["controller", "broker"],
            "storage": {
                "type": "jbod",
                "volumes": [
                    {
                        "id": 0,
                        "type": "persistent-claim",
                        "size": "50Gi",
                        "deleteClaim": False,
                        "kraftMetadata": "shared",
                    }
                ],
            },
            "resources": {"requests": {"cpu": "500m", "memory": "2Gi"}, "limits": {"memory": "4Gi"}},
        },
    }
    cluster = {
        "apiVersion": "kafka.strimzi.io/v1beta2",
        "kind": "Kafka",
        "metadata": {
            **meta(CLUSTER),
            "annotations": {"strimzi.io/node-pools": "enabled", "strimzi.io/kraft": "enabled"},
        },
        "spec": {
            "kafka": {
                "version": "3.9.0",
                "metadataVersion": "3.9-IV0",
                "listeners": [{"name": "plain", "port": 9092, "type": "internal", "tls": False}],
                "config": {
                    "default.replication.factor": REPLICAS,
                    "min.insync.replicas": MIN_INSYNC,
                    "offsets.topic.replication.factor": REPLICAS,
                    "transaction.state.log.replication.factor": REPLICAS,
                    "transaction.state.log.min.isr": MIN_INSYNC,
                    "auto.create.topics.enable": False,
                    "message.max.bytes": 8 * 1024 * 1024 + 1024,
                },
            },
            "entityOperator": {"topicOperator": {}, "userOperator": {}},
        },
    }
    return [pool, cluster]


def topic_config(name: str, topic: Topic) -> dict[str, Any]:
    """Retention from ``TOPIC_CONFIG``; compaction for the topics the runtime compacts too."""
    if name.endswith(COMPACTED_SUFFIXES):
        return {"cleanup.policy": "compact"}
    return dict(TOPIC_CONFIG.get(topic, {}))


def topics() -> list[dict[str, Any]]:
    """One KafkaTopic per pipeline topic (names from contracts/topics.py)."""
    names = TopicNames()
    return [
        {
            "apiVersion": "kafka.strimzi.io/v1beta2",
            "kind": "KafkaTopic",
            "metadata": {
                "name": names.name(t).replace(".", "-"),
                "namespace": NAMESPACE,
                "labels": {"strimzi.io/cluster": CLUSTER},
            },
            "spec": {
                "topicName": names.name(t),
                "partitions": PARTITIONS,
                "replicas": REPLICAS,
                "config": {"min.insync.replicas": MIN_INSYNC, **topic_config(names.name(t), t)},
            },
        }
        for t in Topic
    ]


def service_monitor() -> dict[str, Any]:
    """Prometheus Operator scrapes /metrics of every Wirewatch Service; job label = Service name."""
    return {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "ServiceMonitor",
        "metadata": meta("wirewatch"),
        "spec": {
            "selector": {"matchLabels": {"app.kubernetes.io/part-of": "wirewatch"}},
            "namespaceSelector": {"matchNames": [NAMESPACE]},
            "endpoints": [{"port": "http", "path": "/metrics", "interval": "15s"}],
        },
    }


def prometheus_rules(rules_dir: Path = RULES) -> list[dict[str, Any]]:
    """One PrometheusRule per rules file, whose ``spec.groups`` is exactly the file's ``groups``."""
    objects = []
    for path in sorted(rules_dir.glob("*.yml")) + sorted(rules_dir.glob("*.yaml")):
        groups = yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]
        objects.append(
            {
                "apiVersion": "monitoring.coreos.com/v1",
                "kind": "PrometheusRule",
                "metadata": {**meta(f"wirewatch-{path.stem}"), "annotations": {"wirewatch.dev/source": path.name}},
                "spec": {"groups": groups},
            }
        )
    return objects


def documents() -> dict[str, list[dict[str, Any]]]:
    """Every manifest file's objects, by file name."""
    files: dict[str, list[dict[str, Any]]] = {
        "namespace.yaml": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE}}],
        "kafka.yaml": kafka(),
        "topics.yaml": topics(),
        "config.yaml": [config_map()],
    }
    for svc in SERVICES:
        files[f"{svc.name}.yaml"] = [deployment(svc), service(svc)]
    files["autoscaling.yaml"] = [scaled_object(s) for s in SERVICES if s.lag_topic is not None]
    files["monitoring.yaml"] = [service_monitor()]
    files["prometheus-rules.yaml"] = prometheus_rules()
    files["kustomization.yaml"] = [
        {
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "namespace": NAMESPACE,
            "resources": [name for name, objs in files.items() if objs and name != "kustomization.yaml"],
        }
    ]
    return files


HEADER = "# Generated by scripts/gen-k8s from deploy/k8s/render.py; do not edit by hand.\n"


def render() -> dict[str, str]:
    """Every manifest file's text, by file name."""
    return {
        name: HEADER + yaml.safe_dump_all(objs, sort_keys=False, default_flow_style=False, width=120)
        for name, objs in documents().items()
    }


def main() -> int:
    """Write the manifests; with ``--check``, only report whether the committed ones are current."""
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in render().items():
        path = OUT / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    verb = "stale" if check else "written"
    print(f"{verb}: {', '.join(stale) or 'none'}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
