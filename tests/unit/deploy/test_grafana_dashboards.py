"""The Grafana dashboards: valid JSON, provisioned by docker-compose, and querying metrics that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from wirewatch.runtime.metrics import Metrics

ROOT = Path(__file__).resolve().parents[3]
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
#: Series that come from elsewhere: Prometheus itself, the recording rules, the scraper's feed gauges.
EXTERNAL = {
    "up",
    "ALERTS",
    "country:wirewatch_country_articles:increase1h",
    "wirewatch_scraper_last_success_timestamp_seconds",
    "wirewatch_scraper_poll_interval_seconds",
}
_FUNCTIONS_AND_KEYWORDS = re.compile(r"^(by|on|and|or|unless|without|ignoring|group_left|group_right|bool|offset)$")


def _declared() -> set[str]:
    names = set()
    for family in Metrics.create().registry.collect():
        names.add(family.name)
        names |= {s.name for s in family.samples}
        if family.type == "counter":
            names.add(family.name + "_total")
        if family.type == "histogram":
            names |= {family.name + suffix for suffix in ("_bucket", "_sum", "_count")}
    return names


def _metric_names(expr: str) -> set[str]:
    without_labels = re.sub(r"\{[^}]*\}", "", expr)
    without_ranges = re.sub(r"\[[^\]]*\]", "", without_labels)
    tokens = set(re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\()", without_ranges))
    return {t for t in tokens if (t.startswith("wirewatch") or ":" in t or t in EXTERNAL)}


def _exprs(dashboard: dict) -> list[str]:
    return [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]


def test_there_is_a_pipeline_and_a_news_dashboard():
    uids = {json.loads(p.read_text())["uid"] for p in DASHBOARDS}
    assert uids == {"wirewatch-pipeline", "wirewatch-news"}


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_panels_have_unique_ids_and_query_known_metrics(path):
    dashboard = json.loads(path.read_text())
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    known = _declared() | EXTERNAL
    for expr in _exprs(dashboard):
        unknown = _metric_names(expr) - known
        assert not unknown, f"{path.name}: {expr!r} uses undeclared {unknown}"


def test_the_news_dashboard_has_types_over_time_top_countries_and_a_pair_heat_map():
    news = json.loads((ROOT / "deploy" / "grafana" / "dashboards" / "news.json").read_text())
    exprs = " ".join(_exprs(news))
    assert "sum by (type)" in exprs
    assert "wirewatch_country_articles_total" in exprs
    heat = [p for p in news["panels"] if "wirewatch_country_pair_articles_total" in json.dumps(p["targets"])]
    assert heat and heat[0]["transformations"][0]["id"] == "groupingToMatrix"


def test_compose_provisions_the_dashboards_and_scrapes_the_aggregator():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    grafana_volumes = compose["services"]["grafana"]["volumes"]
    assert any(v.startswith("./deploy/grafana/dashboards:") for v in grafana_volumes)
    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/wirewatch.yml").read_text())
    mount = next(v for v in grafana_volumes if v.startswith("./deploy/grafana/dashboards:")).split(":")[1]
    assert provider["providers"][0]["options"]["path"] == mount
    assert compose["services"]["aggregator"]["command"] == ["aggregate"]
    prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    targets = prometheus["scrape_configs"][0]["static_configs"][0]["targets"]
    assert "aggregator:9300" in targets and "api:9300" in targets
