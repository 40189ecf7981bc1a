# Two entry points for a fresh machine: `make run` and `make test`.
# requirements*.txt pin what the code imports; requirements*.lock, generated from them by
# `make lock`, pin every package installed. uv installs a lock file in seconds.
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
INSTALL := $(UV) pip install --python $(BIN)/python --requirement
COMPILE := $(UV) pip compile --quiet --universal --python-version 3.11

.PHONY: run test lint browser servers lock

$(UV):
	@echo "== Creating $(VENV) and installing uv $(UV_VERSION) into it"
	python3 -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check --progress-bar on uv==$(UV_VERSION)

$(BIN)/.runtime: requirements.lock | $(UV)
	@echo "== Installing the app's packages from requirements.lock"
	$(INSTALL) requirements.lock
	touch $@

$(BIN)/.dev: requirements-dev.lock $(BIN)/.runtime
	@echo "== Installing the test and lint tools from requirements-dev.lock"
	$(INSTALL) requirements-dev.lock
	touch $@

## Start the app on the bundled sample data (first run loads it into data/nq57.sqlite).
run: $(BIN)/.runtime
	@echo "== Starting the app (first run loads the sample data into data/nq57.sqlite)"
	$(BIN)/streamlit run server.py

## Regenerate the lock files after changing a pin in requirements*.txt.
lock: | $(UV)
	$(COMPILE) requirements.txt --output-file requirements.lock
	$(COMPILE) requirements-server.txt --constraint requirements.lock --output-file requirements-server.lock
	$(COMPILE) requirements-dev.txt --constraint requirements-server.lock --output-file requirements-dev.lock

## Debian's headless Chromium for the browser tests (Playwright drives it).
browser:
	@command -v chromium >/dev/null || { echo "== Installing Debian's chromium"; \
		apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

## Debian's PostgreSQL and nginx: the tests start their own throwaway server and proxy on
## local ports (tests/postgres.py, tests/e2e), so nothing is configured system-wide.
servers:
	@test -x /usr/sbin/nginx && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		echo "== Installing Debian's postgresql and nginx"; \
		apt-get update -qq && apt-get install -y -qq postgresql nginx-light >/dev/null; }

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Install everything the tests need, lint, then run the whole suite.
test: $(BIN)/.dev browser servers lint
	$(BIN)/pytest
