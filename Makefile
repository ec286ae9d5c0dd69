# The site and CV of one academic, from docs/ (pages) and refs.bib (publications).
# Every target sets up .venv from the pinned requirements when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n
SPHINX := $(BIN)/sphinx-build -c . $(SPHINXOPTS)

.DEFAULT_GOAL := html
.PHONY: help html pdf check serve test bench lighthouse screenshots clean system-deps

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Each stamp is newer than its requirements when the venv matches them: the site's packages
# for building, the test tools on top for `make test`.
SITE_STAMP := $(VENV)/.stamp-site
DEV_STAMP  := $(VENV)/.stamp-dev
$(SITE_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
$(DEV_STAMP): requirements-dev.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Built into _build/html.next, then swapped in: a failed build leaves the last good site.
html: pdf ## Build the website into _build/html (the PDF CV first, for its download link)
	rm -rf _build/html.next
	if [ -d _build/html ]; then cp -a _build/html _build/html.next; fi
	$(SPHINX) -b html -d _build/doctrees docs _build/html.next
	rm -rf _build/html.old
	if [ -d _build/html ]; then mv _build/html _build/html.old; fi
	mv _build/html.next _build/html
	rm -rf _build/html.old

pdf: $(SITE_STAMP) system-deps ## Build the PDF CV into _build/pdf (xelatex + latexmk)
	$(BIN)/python -m cvsite.make_pdf

check: $(SITE_STAMP) ## Check refs.bib strictly (every build does this too)
	$(BIN)/python -m cvsite.bib_check refs.bib

serve: pdf $(DEV_STAMP) ## Serve the site with live reload while you edit
	$(BIN)/sphinx-autobuild -c . $(SPHINXOPTS) --watch cvsite --watch refs.bib --watch conf.py docs _build/html

system-deps: ## Install TeX Live, Poppler, Chromium, Java and Node from Debian where missing
	@packages=$$(grep -v '^#' .ci/debian-packages.txt | while read -r tool pkgs; do \
	  command -v "$$tool" >/dev/null || echo "$$pkgs"; done); \
	if [ -n "$$packages" ]; then \
	  echo "Installing with apt-get: $$packages"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$packages; \
	fi

# The browser tools of the suite (axe-core, Lighthouse, the Nu HTML Checker), from the lock.
BROWSER_TOOLS := tests/browser/node_modules/.package-lock.json
$(BROWSER_TOOLS): tests/browser/package-lock.json | system-deps
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

test: $(DEV_STAMP) system-deps $(BROWSER_TOOLS) ## Run the whole test suite (lint, unit tests, built site)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# BENCHFLAGS, for example: --sizes 12,2000 --repeat 1 --no-pdf (see benchmarks/run.py)
bench: $(SITE_STAMP) system-deps ## Time builds against a bare baseline, .bib of 12 to 2,000 entries
	$(BIN)/python -m benchmarks.run $(BENCHFLAGS)

lighthouse: html $(DEV_STAMP) $(BROWSER_TOOLS) ## Lighthouse scores, bytes and requests of every page (a table)
	cd tests && ../$(BIN)/python lighthouse_runner.py ../_build/html

screenshots: html $(DEV_STAMP) ## PNGs of every page (light, dark, 390 px) into _build/screenshots
	cd tests && ../$(BIN)/python screenshots.py ../_build/html ../_build/screenshots

clean: ## Remove the build output
	rm -rf _build
