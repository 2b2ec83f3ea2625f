# Wirewatch: one command per task. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: help install run test test-fast lint typecheck bench system-deps clean

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

system-deps:  ## Install what the tests need from Debian (prometheus, chromium) when root
	@scripts/install-system-deps

test: install system-deps  ## Run the whole test suite
	$(BIN)/ruff check .
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

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .wirewatch
