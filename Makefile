# Wirewatch: one command per task. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: help install run test test-fast lint typecheck bench soak fuzz manifests system-deps clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)  ## Create .venv and install Wirewatch with its development tools

run: install  ## Run everything: embedded broker, every service, the dashboard
	$(BIN)/wirewatch run

system-deps:  ## Install what the tests need from Debian (prometheus, chromium, postgresql) when root
	@scripts/install-system-deps

test: install system-deps  ## Lint, type-check and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

test-fast: install  ## Unit tests only (no broker, no browser)
	$(BIN)/pytest tests/unit

lint: install  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

typecheck: install  ## mypy strict on services/
	$(BIN)/mypy

bench: install  ## Benchmarks: throughput, latency, quality (prints a table, writes bench-results.json)
	$(BIN)/python -m benchmarks

soak: install  ## Long soak: 10 min flat-memory run, 5000 articles with 20 SIGKILLs, scaling, full-size fuzz
	WIREWATCH_SOAK_SECONDS=600 WIREWATCH_SOAK_ARTICLES=5000 WIREWATCH_SOAK_KILLS=20 \
	WIREWATCH_SCALE_ARTICLES=600 WIREWATCH_SOAK_SCRAPER_ARTICLES=600 WIREWATCH_SOAK_SCRAPER_KILLS=10 \
	WIREWATCH_FUZZ_EXAMPLES=1000 WIREWATCH_FUZZ_FULL=1 \
	$(BIN)/pytest tests/soak tests/fuzz -p no:randomly -s --timeout 3600 -q

fuzz: install  ## Coverage-guided fuzzing of the decoder and both stages with atheris (installs it if missing)
	$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/python -m pip install --quiet atheris==3.0.0
	$(BIN)/python -m tests.fuzz.atheris_target -atheris_runs=$${FUZZ_RUNS:-200000} -max_len=65536

manifests: install  ## Regenerate deploy/k8s/*.yaml (topics, services, PrometheusRule from deploy/prometheus/rules)
	scripts/gen-k8s

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .wirewatch
