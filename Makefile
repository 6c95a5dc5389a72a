# Back Massage Guide: two commands for a fresh machine with Python 3.11.
#   make site   builds the site and the printable cheat sheet into site/
#   make test   runs the whole test suite (browser tests need Debian's chromium)
# Both create .venv from the pinned requirements when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve lint icons clean

site: $(VENV)/.installed
	$(BIN)/python scripts/build.py

test: $(VENV)/.installed-test
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/python -m pytest

serve: $(VENV)/.installed
	STRICT=false NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

lint: $(VENV)/.installed-test
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/codespell docs includes README.md CONTRIBUTING.md

# The app icons in docs/assets/icons/, drawn from docs/assets/logo.svg by Chromium; run after
# changing the logo and commit the result (a test fails while they are out of date).
icons: $(VENV)/.installed-test
	PYTHONPATH=scripts $(BIN)/python -m guidebuild.offline.icons docs

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-test.txt
	touch $(VENV)/.installed $@

clean:
	rm -rf site .pytest_cache .ruff_cache
