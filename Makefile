# Heard: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# pytest-xdist workers; the machine has 2 cores.
WORKERS ?= 2

.PHONY: demo test check fmt install assets browser messages serve clean

## demo: install everything, migrate, load demo data, serve on http://127.0.0.1:$(PORT)
demo: install assets
	HEARD_DEBUG=true $(BIN)/heard demo --port $(PORT)

# Where harm lives, every branch is tested (STYLE rule 19); this list only grows.
FULL_COVERAGE := heard/*/access.py,heard/people/policy.py,heard/audit/*,heard/safety/*,heard/core/crypto.py,heard/core/fields.py,heard/instruments/scoring.py,heard/instruments/change.py,heard/instruments/schedule.py,heard/instruments/flow.py,heard/instruments/fhir.py

## test: install what tests need, run lint + types, then the whole suite
test: install assets browser check
	$(BIN)/pytest -n $(WORKERS) -p no:cacheprovider --cov=heard --cov-report=
	$(BIN)/coverage report --fail-under=100 --skip-covered --show-missing --include='$(FULL_COVERAGE)'

## check: ruff (lint and format) and mypy --strict
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy heard

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## assets: the design system and htmx from npm, copied into the app's static files
assets: heard/core/static_build/.built

heard/core/static_build/.built: package-lock.json tools/build_assets.py $(shell find heard/core/static_src -type f 2>/dev/null)
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python tools/build_assets.py
	touch $@

## browser: Debian's chromium for the Playwright tests (installed once, as root)
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## messages: re-extract and compile translations (English source, Spanish shipped)
messages: install
	$(BIN)/heard makemessages -l es --no-obsolete --ignore='*/tests/*' --ignore=node_modules --ignore=.venv --ignore=var --ignore='heard/core/static_build/*'
	$(BIN)/heard compilemessages --ignore=.venv --ignore=node_modules

serve: install assets
	$(BIN)/heard serve --port $(PORT)

clean:
	rm -rf $(VENV) node_modules heard/core/static_build var/test*.sqlite3*
