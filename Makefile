# One task runner.  `make test` is what CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test install dev lint format typecheck unit eval bench schema clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/activate
	$(PIP) install -e ".[dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

## demo: ingest the shipped example documents into ./lagebild.db and print the summary
demo: install
	$(BIN)/lagebild ingest examples/
	$(BIN)/lagebild stats

## test: lint, type-check and the whole test suite (with the evaluation gates)
test: dev lint typecheck unit

lint:
	$(BIN)/ruff check src tests eval bench train
	$(BIN)/ruff format --check src tests eval bench train

format: dev
	$(BIN)/ruff format src tests eval bench train
	$(BIN)/ruff check --fix src tests eval bench train

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/pytest -q

## eval: print every evaluation's figures against ../shared/corpus
eval: dev
	$(PY) eval/html_extraction.py
	$(PY) eval/cleaning.py
	$(PY) eval/entities_en.py
	$(PY) eval/ner_de.py
	$(PY) eval/geocoding.py
	$(PY) eval/times.py

## bench: speed and memory figures on the real corpora
bench: dev
	$(PY) bench/ingest.py
	$(PY) bench/entities.py
	$(PY) bench/times.py

schema: dev
	$(PY) -m lagebild.schema docs/schema.json

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist src/*.egg-info
