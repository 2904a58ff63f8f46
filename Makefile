# Every target sets up its own virtual environment on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve validate lint bench audit lock clean setup node

# Only the environment (CI uses it before validating with annotations).
setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

site: $(STAMP)
	$(BIN)/handbook build

validate: $(STAMP)
	$(BIN)/handbook validate

# Parallel test workers (pytest-xdist; an idle worker takes tests queued for a busy one):
# one more than the cores, since a worker spends part of its time waiting for a browser,
# a server or a page to settle (on two cores, idle CPU fell from 35 to 17 s of a run).
# `make test WORKERS=0` runs the tests in one process. The ten slowest are listed at the end.
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

test: $(STAMP) node
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal --durations=10

serve: $(STAMP)
	$(BIN)/handbook serve

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# Lighthouse (npm, pinned in package-lock.json) on the freshly built site/; see benchmarks/audit.py.
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The Lighthouse test needs node_modules; without npm it is skipped (.ci/run installs Node).
node:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NPM_STAMP); \
	else echo "npm not found: the Lighthouse test will be skipped (.ci/run installs Node)"; fi

audit: $(STAMP) $(NPM_STAMP)
	$(BIN)/handbook build
	$(BIN)/python benchmarks/audit.py site

lint: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/ruff format --check tools tests

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[test]'
	.lock-venv/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site docs/curriculum
