# One task runner.  `make test` is what CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test install dev lint format typecheck unit models eval bench schema clean

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
test: dev lint typecheck models unit

lint:
	$(BIN)/ruff check src tests eval bench train
	$(BIN)/ruff format --check src tests eval bench train

format: dev
	$(BIN)/ruff format src tests eval bench train
	$(BIN)/ruff check --fix src tests eval bench train

typecheck:
	$(BIN)/mypy

unit:
	LAGEBILD_MODEL_DIR=$(MODELS) $(BIN)/pytest -q

## models: build the models lagebild may not ship (decision 0013) into ./.models
# stwr_de (German speech tagger) derives from corpus REDEWIEDERGABE (CC BY-NC-SA 4.0):
# trained here with the recorded settings (train/stwr_de/settings.json): about 15 CPU-min,
# rebuilt only when its code, settings, features or split change.
MODELS := $(CURDIR)/.models
REDEWIEDERGABE := ../shared/corpus/redewiedergabe
STWR_DE_SOURCES := train/stwr_de/train.py train/stwr_de/settings.json \
	src/lagebild/stages/claims/speech_features.py eval/redewiedergabe.py

models: $(MODELS)/stwr_de/meta.json

$(MODELS)/stwr_de/meta.json: $(STWR_DE_SOURCES) | $(VENV)/.dev-installed
	@if [ -d "$(REDEWIEDERGABE)" ]; then \
		echo "training stwr_de into $(MODELS)/stwr_de"; \
		nice $(PY) train/stwr_de/train.py --final --jobs 2 --out $(MODELS)/stwr_de; \
	else \
		echo "skipping stwr_de: $(REDEWIEDERGABE) not found (its tests will skip)"; \
	fi

## eval: print every evaluation's figures against ../shared/corpus
eval: dev models
	$(PY) eval/html_extraction.py
	$(PY) eval/cleaning.py
	$(PY) eval/entities_en.py
	$(PY) eval/ner_de.py
	$(PY) eval/geocoding.py
	$(PY) eval/times.py
	$(PY) eval/events.py
	$(PY) eval/events_own.py
	$(PY) eval/events_isw.py
	$(PY) eval/event_merges.py
	$(PY) eval/claims.py
	$(PY) eval/estimative.py
	$(PY) eval/assessment_threads.py
	LAGEBILD_MODEL_DIR=$(CURDIR)/.models $(PY) eval/redewiedergabe.py

## bench: speed and memory figures on the real corpora
bench: dev
	$(PY) bench/ingest.py
	$(PY) bench/entities.py
	$(PY) bench/times.py
	$(PY) bench/events.py
	$(PY) bench/scale.py targets

schema: dev
	$(PY) -m lagebild.schema docs/schema.json

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist src/*.egg-info
