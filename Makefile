# The site and CV of one academic, from docs/ (pages) and refs.bib (publications).
# Every target sets up .venv from the pinned requirements when it is missing or stale, then
# calls the engine's command (`cvsite html`, `cvsite pdf`, ...; `cvsite --help`), which installs
# the system packages it needs (.ci/debian-packages.txt) where apt-get can install them unasked.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n
CVSITE := $(BIN)/python -m cvsite

.DEFAULT_GOAL := html
.PHONY: help html pdf check serve test bench lighthouse screenshots clean system-deps \
	tex-deps browser-deps test-3.13 test-latest site-lock bibtex-suite

# apt-get only where it runs without a question: Debian or Ubuntu, as root or with
# password-less sudo (`cvsite system-packages` decides). `make APT_GET=` turns it off: make then
# never runs apt-get or sudo, html skips the PDF, the other targets say what to install.
APT_GET ?= auto
PACKAGES = $(CVSITE) system-packages
INSTALL  = $(PACKAGES) install --apt-get "$(APT_GET)"
REQUIRE  = $(PACKAGES) require "make $(or $(MAKECMDGOALS),html)"

help: ## List the targets
	@grep -E '^[a-z0-9.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Each stamp is newer than its requirements when the venv matches them: the site's packages
# for building, the test tools on top for `make test`.
SITE_STAMP := $(VENV)/.stamp-site
DEV_STAMP  := $(VENV)/.stamp-dev
$(SITE_STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "make: the site needs Python 3.11 or newer, and $(PYTHON) is older or missing;" \
	    "install one and name it, as in: make PYTHON=python3.12"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
$(DEV_STAMP): requirements-dev.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The PDF that the site links is built first; without TeX (and no apt-get that can install it)
# one line says how to get it, the site is built without the link, and an older PDF is removed.
# The site is built into _build/html.next, then swapped in: a failed build leaves the last one.
html: $(SITE_STAMP) ## Build the website into _build/html (the PDF CV first, where TeX is installed)
	@$(CVSITE) html --apt-get "$(APT_GET)" --sphinx-options="$(SPHINXOPTS)"

pdf: $(SITE_STAMP) ## Build the PDF CV and its variants into _build/pdf (VARIANT=name: one)
	@$(CVSITE) pdf --apt-get "$(APT_GET)" $(if $(VARIANT),--variant "$(VARIANT)")

check: $(SITE_STAMP) ## Check refs.bib: errors, and notes on what builds anyway (STRICT=1: notes fail)
	@$(CVSITE) check $(if $(STRICT),--strict)

serve: $(SITE_STAMP) $(DEV_STAMP) ## Serve the site with live reload while you edit
	@$(CVSITE) serve --apt-get "$(APT_GET)" --sphinx-options="$(SPHINXOPTS)" --watch cvsite

# Each group of .ci/debian-packages.txt, installed where missing (and where apt-get can), then
# required: a missing tool stops the target with one message naming it and how to install it.
system-deps: $(SITE_STAMP) ## Install the system packages of every target (TeX, Poppler, Chromium, Java, Node)
	@$(INSTALL) pdf test
	@$(REQUIRE) pdf test
tex-deps: $(SITE_STAMP)
	@$(INSTALL) pdf
	@$(REQUIRE) pdf
browser-deps: $(SITE_STAMP)
	@$(INSTALL) test
	@$(REQUIRE) test

# The browser tools of the suite (axe-core, Lighthouse, the Nu HTML Checker), from the lock.
BROWSER_TOOLS := tests/browser/node_modules/.package-lock.json
$(BROWSER_TOOLS): tests/browser/package-lock.json | browser-deps
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

# Four processes on two cores (pytest-xdist: many tests wait on a build, an install or a browser
# in a subprocess, and an idle worker takes tests queued for another), then Lighthouse alone: its performance score
# drops when the processor is busy. TESTFLAGS, for example: -k publications, or -x.
TEST_WORKERS ?= 4
# $(call run_suite,BIN): the suite with the venv in BIN (exit 5: TESTFLAGS left no Lighthouse test).
# The sites the tests build are kept in _build/test-builds between the two runs.
define run_suite
	rm -rf _build/test-builds
	CVSITE_TEST_BUILDS=$(CURDIR)/_build/test-builds $(1)/pytest -n $(TEST_WORKERS) --dist worksteal -m "not lighthouse" $(TESTFLAGS)
	CVSITE_TEST_BUILDS=$(CURDIR)/_build/test-builds $(1)/pytest -m lighthouse $(TESTFLAGS) \
	  tests/test_lighthouse.py || [ $$? = 5 ]
endef
test: $(DEV_STAMP) system-deps $(BROWSER_TOOLS) ## Run the whole test suite (lint, types, unit tests, built site)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(call run_suite,$(BIN))

# The newest Python the site supports, for the two targets below (a path, if it is not on PATH).
NEWEST_PYTHON ?= python3.13
NEED_NEWEST_PYTHON = @$(NEWEST_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 13))' \
	2>/dev/null || { echo "make $@: needs Python 3.13, and $(NEWEST_PYTHON) is older or" \
	"missing; name one, as in: make $@ NEWEST_PYTHON=/usr/local/bin/python3.13"; exit 1; }

# The suite on Python 3.13, in a venv of its own from the same lock (`make test` runs it on
# $(PYTHON), 3.11 as on Read the Docs).
test-3.13: ## Run the whole test suite on Python 3.13 (in .venv-3.13, from the same lock)
	$(NEED_NEWEST_PYTHON)
	$(MAKE) test PYTHON=$(NEWEST_PYTHON) VENV=.venv-3.13

# The suite against the newest release of every dependency: a fresh .venv-latest on the newest
# Python (Sphinx 9.1 needs 3.12, 9.2 needs 3.13), with this package (pyproject's ranges) and
# every package the locks name, unpinned. Lint stays with `make test`: a newer ruff's new rules
# say nothing about the libraries under us.
LATEST := .venv-latest
test-latest: system-deps $(BROWSER_TOOLS) ## Run the tests on the newest release of every dependency (.venv-latest)
	$(NEED_NEWEST_PYTHON)
	rm -rf $(LATEST)
	$(NEWEST_PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check -e . \
	  $$(sed -n 's/^\([A-Za-z0-9._-]*\)==.*/\1/p' requirements.txt requirements-dev.txt)
	$(LATEST)/bin/python -m pip list --format=freeze --exclude-editable > $(LATEST)/versions.txt
	@echo "Testing against (all in $(LATEST)/versions.txt):"; grep -iE \
	  '^(sphinx|myst-parser|sphinxcontrib-bibtex|pybtex|pydata-sphinx-theme|sphinxext-opengraph|docutils)==' \
	  $(LATEST)/versions.txt
	$(call run_suite,$(LATEST)/bin)

# BENCHFLAGS, for example: --sizes 12,2000 --repeat 1 --no-pdf (see benchmarks/run.py)
bench: tex-deps ## Time builds against a bare baseline, .bib of 12 to 2,000 entries
	$(BIN)/python -m benchmarks.run $(BENCHFLAGS)

lighthouse: html $(DEV_STAMP) browser-deps $(BROWSER_TOOLS) ## Lighthouse scores, bytes and requests of every page (a table)
	cd tests && ../$(BIN)/python lighthouse_runner.py ../_build/html

screenshots: html $(DEV_STAMP) browser-deps ## PNGs of every page (light, dark, 390 px) into _build/screenshots
	cd tests && ../$(BIN)/python screenshots.py ../_build/html ../_build/screenshots

# A new site's lock (cvsite/cli/scaffold/engine/requirements.txt): what cvsite[test] and
# sphinx-autobuild need, at the versions of the locks here; run it after changing a lock.
site-lock: $(DEV_STAMP) ## Rewrite the lock that new sites get from this repository's locks
	$(BIN)/python scripts/site_lock.py

# sphinxcontrib-bibtex's own tests with cvsite loaded (CONTRIBUTING.md); downloads its source.
bibtex-suite: $(DEV_STAMP) ## Run sphinxcontrib-bibtex's own test suite with cvsite loaded
	$(BIN)/python scripts/bibtex_suite.py

clean: ## Remove the build output
	rm -rf _build
