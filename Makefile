# Two entry points for a fresh machine: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint browser

$(BIN)/.runtime: requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev: requirements-dev.txt requirements.txt $(BIN)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## Start the app on the bundled sample data (first run loads it into data/nq57.sqlite).
run: $(BIN)/.runtime
	$(BIN)/streamlit run app.py

## Debian's headless Chromium for the browser tests (Playwright drives it).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Install everything the tests need, lint, then run the whole suite.
test: $(BIN)/.dev browser lint
	$(BIN)/pytest
