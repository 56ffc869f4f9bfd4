# Everything installs into .venv/ at the repository root.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= parley.db

.PHONY: run test test-postgres install install-dev lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[web]"
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,postgres,ray,web]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: ingest the bundled sample articles into ./parley.db, show what was found, and serve
## the dashboard over it (it prints its address; Ctrl-C stops it)
run: install
	$(BIN)/parley ingest parley/samples/articles --db $(DB)
	$(BIN)/parley articles --db $(DB)
	$(BIN)/parley positions --db $(DB)
	$(BIN)/parley serve --db $(DB)

## test: install the dev, postgres and web extras and run the whole test suite (the PostgreSQL
## store tests run when PARLEY_TEST_POSTGRES names a server, and skip otherwise; the browser
## tests drive Debian's chromium, which .ci/run installs)
test: install-dev
	$(BIN)/python -m pytest -q

## test-postgres: the whole suite beside a throwaway PostgreSQL server, as CI runs it
test-postgres: install-dev
	bash .ci/with-postgres $(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check parley tests bench

eval: install
	$(BIN)/parley eval tests/data/dev

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
