# One command does locally what CI does: `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.PHONY: demo test lint typecheck pytest sysdeps install clean bench

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests need: a PostgreSQL server and chromium for the browser tests.
sysdeps:
	@bash scripts/install-sysdeps.sh

demo: $(STAMP)
	$(BIN)/pledgewatch --db sqlite:///demo.db demo
	$(BIN)/pledgewatch --db sqlite:///demo.db serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check pledgewatch tests benchmarks
	$(BIN)/ruff format --check pledgewatch tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy pledgewatch

pytest: $(STAMP) sysdeps
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
