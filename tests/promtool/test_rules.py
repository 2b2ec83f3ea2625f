"""The Prometheus rules: valid, and each alert proven by a ``promtool test rules`` unit test.

``make test`` installs Debian's ``prometheus`` package (``scripts/install-system-deps``), which
ships ``promtool``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RULES = sorted((ROOT / "deploy" / "prometheus" / "rules").glob("*.yml"))
UNIT_TESTS = sorted(Path(__file__).parent.glob("*_test.yml"))
PROMTOOL = shutil.which("promtool")

needs_promtool = pytest.mark.skipif(PROMTOOL is None, reason="promtool missing: run scripts/install-system-deps")


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run([PROMTOOL, *args], capture_output=True, text=True, timeout=120, check=False)


def _alerts_in_rules() -> set[str]:
    names = set()
    for path in RULES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            names |= {rule["alert"] for rule in group["rules"] if "alert" in rule}
    return names


def _alerts_proven_firing() -> set[str]:
    """Alerts with at least one unit-test case that expects them to fire."""
    names = set()
    for path in UNIT_TESTS:
        for case in yaml.safe_load(path.read_text())["tests"]:
            names |= {t["alertname"] for t in case.get("alert_rule_test", []) if t.get("exp_alerts")}
    return names


def _alerts_proven_quiet() -> set[str]:
    names = set()
    for path in UNIT_TESTS:
        for case in yaml.safe_load(path.read_text())["tests"]:
            names |= {t["alertname"] for t in case.get("alert_rule_test", []) if not t.get("exp_alerts")}
    return names


def test_there_are_rules_for_health_and_news():
    alerts = _alerts_in_rules()
    assert {"WirewatchServiceDown", "WirewatchFeedStale", "WirewatchWatchlistAgreement", "WirewatchCountrySurge"} <= (
        alerts
    )


def test_every_alert_has_a_firing_and_a_quiet_case():
    alerts = _alerts_in_rules()
    assert alerts - _alerts_proven_firing() == set()
    assert alerts - _alerts_proven_quiet() == set()


@needs_promtool
def test_rule_files_are_valid():
    result = _promtool("check", "rules", *map(str, RULES))
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
@pytest.mark.parametrize("unit_test", UNIT_TESTS, ids=lambda p: p.name)
def test_promtool_unit_tests_pass(unit_test: Path):
    result = _promtool("test", "rules", str(unit_test))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_compose_prometheus_config_is_valid(tmp_path: Path):
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    assert config["rule_files"] == ["/etc/prometheus/rules/*.yml"]
    config["rule_files"] = [str(ROOT / "deploy" / "prometheus" / "rules" / "*.yml")]
    copy = tmp_path / "prometheus.yml"
    copy.write_text(yaml.safe_dump(config))
    result = _promtool("check", "config", str(copy))
    assert result.returncode == 0, result.stdout + result.stderr
