# Set-up and everyday commands. Everything installs from the package registry by name into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint eval bench docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/agenda run seeds --out data

test: install
	$(BIN)/ruff check flows tests tools benchmarks
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/agenda eval --split all

bench: install
	$(BIN)/python -m benchmarks

docs: install
	$(BIN)/agenda docs

lint: install
	$(BIN)/ruff check flows tests tools benchmarks

clean:
	rm -rf data/parquet data/json data/runs data/_state .pytest_cache
