# newsgraph — the two commands: `make run` and `make test`. Every target is idempotent.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE ?= examples/iran-nuclear-deal-2015.txt
FRONTEND := src/newsgraph/web/frontend
FRONTEND_STAMP := $(FRONTEND)/node_modules/.package-lock.json

.PHONY: run test setup system-deps bench lint typecheck clean

## run: set up .venv, ingest examples/ into newsgraph.db, print one extraction record
run: $(STAMP) $(FRONTEND_STAMP)
	$(BIN)/newsgraph ingest examples/
	$(BIN)/newsgraph extract $(EXAMPLE)

## test: set up .venv and the services the tests need (PostgreSQL, Chromium), run the suite
test: system-deps $(STAMP) $(FRONTEND_STAMP)
	$(BIN)/python -m pytest

## setup: the virtual environment with every pinned dependency and newsgraph itself
setup: $(STAMP) $(FRONTEND_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

## the web UI's browser libraries, pinned in package-lock.json, from the npm registry (no build step)
$(FRONTEND_STAMP): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	npm ci --prefix $(FRONTEND)

## system-deps: Debian packages the tests use (PostgreSQL server, Chromium, Java), if missing
system-deps:
	scripts/system-deps.sh

## bench: throughput against the raw spaCy parse (writes bench-results.json)
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm bench-results.json test-artifacts
