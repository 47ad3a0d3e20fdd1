# One way to build, check and test Prata med barn. `make help` lists the targets.
# README, CI (.ci/run) and the deploy workflows all call these targets.

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core, the Nu HTML Checker (vnu.jar) and Lighthouse, pinned in package.json / package-lock.json.
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install checkers system check schemas links build build-editions build-zensical serve lint test test-fast test-under-load test-editor-changes audit clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The first run of any target installs the packages: one Swedish line, pip's many lines in
# a log that the failure message points to. Its lines are marked `+` to run in question mode too.
INSTALL_LOG := build/install.log
$(STAMP): pyproject.toml
	+@echo "$(if $(wildcard $(PY)),Uppdaterar paketen,Installerar paketen första gången), det tar några minuter ..."
	+@mkdir -p $(dir $(INSTALL_LOG)) && { $(PYTHON) -m venv $(VENV) \
	  && $(PY) -m pip install --upgrade pip \
	  && $(PY) -m pip install -e '.[test,zensical]'; } >$(INSTALL_LOG) 2>&1 \
	  || { echo "Installationen misslyckades. Se vad som hände i $(INSTALL_LOG)." >&2; exit 1; }
	+@touch $@

install: $(STAMP) ## Create .venv and install the Python packages

# --ignore-scripts: vnu-jar's install script would try to download a Java; Debian's is used.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

checkers: $(NODE_STAMP) ## Install the checkers (axe-core, vnu.jar, Lighthouse) into node_modules

system: ## Install the Debian packages the build and the tests need (apt-get)
	scripts/install-system-packages.sh

# An editor's commands end on their own Swedish words and exit 1 on a content error, with no
# English line after them. A failed recipe makes GNU make print "make: *** [check] Error 1" and
# exit 2, whatever -s says; its one quiet way to fail is question mode (-q, "is it up to date?"),
# where a line marked `+` still runs (as a recursive make does) and its exit status 1 means
# "not up to date": make exits 1 and prints nothing. So when every goal on the command line is
# an editor's, make runs in question mode, and those targets (and the install) mark their lines
# `+`. Any other failure (exit 2, a signal) is still reported by make, and `make -n check` runs
# the check too. Tested with GNU make 4.3 (Debian's); make 3.81 (macOS) prints its English line.
EDITOR_GOALS := check serve film
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(EDITOR_GOALS),$(MAKECMDGOALS)),)
MAKEFLAGS += --question
endif
endif

check: $(STAMP) ## Check all content files: says whether the change can be published
	+@$(PY) -m pratamedbarn check

# A recording made ready for the site (pratamedbarn/film_import.py, Debian's ffmpeg):
# make film FIL=inspelning.mov ID=nytt-id, and optionally SEKUND=12 (the poster's second)
# and TEXTNING=inspelning.vtt (captions, checked against the film).
.PHONY: film
film: $(STAMP) ## A recorded film for the site: make film FIL=inspelning.mov ID=nytt-id (SEKUND=, TEXTNING=)
	+@$(PY) -m pratamedbarn film "$(FIL)" --id "$(ID)" $(if $(SEKUND),--sekund "$(SEKUND)") \
	  $(if $(TEXTNING),--textning "$(TEXTNING)")

schemas: $(STAMP) ## Write the JSON schemas (schemas/) from the content models, after changing models.py
	$(PY) -m pratamedbarn schemas

links: $(STAMP) ## Check the external links in the content and pages (needs internet; CI does not run it)
	$(PY) -m pratamedbarn links

# A local edition, utgavor/<id>.yaml: `make build UTGAVA=<id>` builds it into site-<id>/, and
# `make serve UTGAVA=<id>` previews it. The plugin reads the edition's id from PMB_UTGAVA.
UTGAVA ?=
EDITION := PMB_UTGAVA=$(UTGAVA)
SITE_DIR := site$(if $(UTGAVA),-$(UTGAVA))

build: $(STAMP) ## Build the site and the study guide PDF into site/ (UTGAVA=<id>: an edition, into site-<id>/)
	$(EDITION) $(PY) -m mkdocs build --strict -d $(SITE_DIR)

# Every edition the workflows publish (utgavor/, all but `publish: false`), each into site/<id>/
# beside the generic site: one host, a folder an edition (server/nginx/example.conf). One
# process loads the content once for them all and shares them out among the cores
# (pratamedbarn/edition_builds.py; BENCHMARKS.md §7).
build-editions: $(STAMP) ## Build every published edition into site/<id>/ (after make build)
	$(PY) -m pratamedbarn build-editions --out site

# Zensical reads no plugin of ours: the content is written out as plain Markdown first,
# and our own step finishes the built site (script hashes, news feed, study guide PDF).
build-zensical: $(STAMP) ## The same site built by Zensical, into site-zensical/ (UTGAVA=<id>: site-zensical-<id>/)
	$(EDITION) $(PY) -m pratamedbarn generate build/zensical
	cd build/zensical && $(CURDIR)/$(VENV)/bin/zensical build --clean --strict -f mkdocs.yml
	rm -rf site-zensical$(if $(UTGAVA),-$(UTGAVA)) && mv build/zensical/site site-zensical$(if $(UTGAVA),-$(UTGAVA))
	$(EDITION) $(PY) -m pratamedbarn finish site-zensical$(if $(UTGAVA),-$(UTGAVA)) --config build/zensical/mkdocs.yml

PORT ?= 8000
serve: $(STAMP) ## Build and serve the site on http://127.0.0.1:8000/ (PORT=8001 for another port, UTGAVA=<id> for an edition)
	+@$(PY) -m pratamedbarn port $(PORT)
	+@$(EDITION) $(PY) -m mkdocs serve --strict -a 127.0.0.1:$(PORT)

lint: $(STAMP) ## Check the Python code with ruff
	$(PY) -m ruff check .

# The tests run in one process a core (pytest-xdist), at most four: each builds the sites
# its tests need once. `make test WORKERS=0` runs them in this process alone.
WORKERS ?= auto --maxprocesses=4

test: $(STAMP) system $(NODE_STAMP) lint ## Run every test (lint, content, site, PDF, browser)
	$(PY) -m pytest -n $(WORKERS) -m "not editor_changes"

test-fast: $(STAMP) ## The tests without the browser: the edit loop (3½ min on 2 cores)
	$(PY) -m pytest -n $(WORKERS) -m "not browser and not editor_changes"

# No test may hang on the machine's speed: the whole suite, LOAD_RUNS times in a row, while
# two CPU-bound processes (stress-ng) keep both cores of a 2-core machine busy beside it.
LOAD_RUNS ?= 3
test-under-load: $(STAMP) system $(NODE_STAMP) ## make test 3 times with two CPU hogs beside it (LOAD_RUNS=3)
	@stress-ng --cpu 2 --quiet & hogs=$$!; trap 'kill $$hogs' EXIT; \
	for run in $$(seq $(LOAD_RUNS)); do \
	  echo "make test, run $$run of $(LOAD_RUNS), beside two CPU hogs"; \
	  $(MAKE) --no-print-directory test || exit 1; \
	done

test-editor-changes: $(STAMP) ## An editor's ordinary changes on a copy: check and tests still pass
	$(PY) -m pytest -m editor_changes

audit: $(STAMP) system $(NODE_STAMP) ## Lighthouse over the site served by nginx; fails below its budgets
	$(PY) -m bench.audit

.PHONY: bench
bench: $(STAMP) system ## Time the build, the edit loop, the study guide and page weight (BENCHMARKS.md)
	$(PY) -m bench

clean: ## Remove build output
	rm -rf site site-* build node_modules .cache/pratamedbarn
