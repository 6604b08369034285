# Two entry points do all set-up: `make demo` and `make test`. Both create and reuse .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test lint bench eval clean chromium

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/chronique extract $(SHARED)/corpus/seed.txt --format table

# Debian's browser for the dashboard tests (tests/test_web_ui.py); no browser download.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| echo "chromium not installed: the browser tests will be skipped"

test: $(STAMP) chromium
	$(BIN)/ruff check chronique tests bench
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

lint: $(STAMP)
	$(BIN)/ruff check chronique tests bench

eval: $(STAMP)
	$(BIN)/chronique eval $(SHARED)/gold/dev $(SHARED)/corpus/seed.txt $(SHARED)/corpus/orangesum_fr_politics.jsonl.gz

# `make bench API_DB=corpus.duckdb` adds the API latency on a whole-corpus store
# (build it with `make corpus.duckdb`, about 5 minutes on two cores); `CORPUS_N=0` draws the
# corpus picture (events, drops, locations by kind and precision) on every article.
bench: $(STAMP)
	$(BIN)/python bench/run.py --shared $(SHARED) $(if $(API_DB),--api-db $(API_DB)) $(if $(CORPUS_N),--corpus-n $(CORPUS_N))

corpus.duckdb: $(STAMP)
	$(BIN)/chronique ingest $(SHARED)/corpus/orangesum_fr_politics.jsonl.gz --db $@ --workers 2

clean:
	rm -rf $(VENV) build *.egg-info
