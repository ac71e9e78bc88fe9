# conflict-kg: `make ingest` and `make test` set up everything they need themselves
# (a .venv with the pinned dependencies and the spaCy model from PyPI).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready

.PHONY: ingest test linkeval clean

$(READY): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "conflict-kg needs Python 3.11+"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

ingest: $(READY)
	$(BIN)/conflict-kg ingest seeds --out out

test: $(READY)
	$(BIN)/python -m pytest

linkeval: $(READY)
	$(BIN)/python -m tests.link.linkeval

clean:
	rm -rf out var .pytest_cache
