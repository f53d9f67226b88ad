# Two entry points for a fresh machine with Python 3.11: `make repro` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DVC stages run `python -m pipeline.<stage>`: that must be the venv's python
export PATH := $(abspath $(BIN)):$(PATH)

# extra pytest options, e.g. PYTEST_ARGS=-rA to list every passed test
PYTEST_ARGS ?=

.PHONY: setup repro test score clean-data

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

repro: $(STAMP)
	$(BIN)/dvc repro

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

score: $(STAMP)
	$(BIN)/python -m pipeline.score --gold tests/gold --out data/out

clean-data:
	rm -rf data/ingest data/clean data/sentences data/extract data/out data/cache
