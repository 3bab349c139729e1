# Set-up: `make build` then `make test` on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint bench templates schemas clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/voorstel build data --out build

LINTED := src tests $(wildcard benchmarks)

test: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy src
	$(BIN)/lint-imports
	$(BIN)/pytest -q

templates: $(STAMP)
	$(BIN)/python -m voorstel.soorten.genereer
	$(BIN)/python -m voorstel.pijplijn.schema

schemas: $(STAMP)
	$(BIN)/python -m voorstel.pijplijn.schema

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf build
