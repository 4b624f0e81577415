# shardwatch: `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= shardwatch.db

.PHONY: install run test bench eval train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/shardwatch --db $(DB) ingest examples/reports
	$(BIN)/shardwatch --db $(DB) brief --out out

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/bench.py --corpus $(SHARED)/data/corpora/bbc

# Retrain the role tagger (src/shardwatch/data/models/roles.*) from MUC-4 train; a few minutes
# on the CPU, deterministic. Not part of test or CI: the model is committed.
train: install
	$(BIN)/python scripts/train.py --train $(SHARED)/data/muc4/train.jsonl --scorer $(SHARED)/eval/score_roles.py

eval: install
	$(BIN)/python scripts/eval.py --shared $(SHARED) --out docs/EVALUATION.md

clean:
	rm -rf $(VENV) out $(DB) $(DB)-wal $(DB)-shm
