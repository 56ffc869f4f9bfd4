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

## test: install the dev, postgres, ray and web extras and run the whole test suite, beside a
## throwaway PostgreSQL server so the store tests run on both backends (.ci/with-postgres;
## installs Debian's postgresql as root, else runs on SQLite alone and says so), with Debian's
## chromium for the browser tests (.ci/ensure-chromium installs it as root)
test: install-dev
	bash .ci/ensure-chromium
	bash .ci/with-postgres --optional $(BIN)/python -m pytest -q

## test-postgres: the same, but an error (not a fallback to SQLite) when no PostgreSQL server can be had
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
