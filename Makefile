# Connected Communities: `make run` to see the site, `make test` to test it.
# Each target sets up .venv itself when requirements change; no manual steps.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The site's public address, in every email, feed, sitemap and API link; migrate gives it to
# the default Site. Follows PORT unless set (e.g. SITE_URL=https://cc.example behind a proxy).
SITE_URL ?= http://127.0.0.1:$(PORT)
export PORT SITE_URL
STAMP := $(VENV)/.installed
# npm packages, pinned in package-lock.json: GOV.UK Frontend and Sass to build the stylesheet,
# Leaflet for the directory's map, axe-core and the Nu HTML checker (vnu-jar, run with Java) for the browser tests.
AXE := node_modules/axe-core/axe.min.js
SASS := node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules
GOVUK_JS := node_modules/govuk-frontend/dist/govuk/all.bundle.js
# Leaflet draws the directory's map; its script, stylesheet, marker images and licence are copied
# to static/leaflet/ (without the source-map comment, whose file is not copied).
LEAFLET := node_modules/leaflet
# Leaflet.markercluster groups markers that would overlap (each marker stays a 24 px target).
CLUSTER := node_modules/leaflet.markercluster
copy_leaflet = mkdir -p $(1)/images && sed '/sourceMappingURL/d' $(LEAFLET)/dist/leaflet.js > $(1)/leaflet.js && cp $(LEAFLET)/dist/leaflet.css $(LEAFLET)/LICENSE $(1)/ && cp $(LEAFLET)/dist/images/*.png $(1)/images/ && sed '/sourceMappingURL/d' $(CLUSTER)/dist/leaflet.markercluster.js > $(1)/leaflet.markercluster.js && cp $(CLUSTER)/dist/MarkerCluster.css $(CLUSTER)/dist/MarkerCluster.Default.css $(1)/ && cp $(CLUSTER)/MIT-LICENCE.txt $(1)/MarkerCluster-LICENCE.txt

.DEFAULT_GOAL := help
.PHONY: help run setup test test-fast lint format audit bench bench-search bench-compare messages css css-check screenshots

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $(AXE); \
	else echo "npm is not installed: the accessibility tests will be skipped (install Node.js 20 and npm)"; fi

setup: $(STAMP) ## Create .venv, migrate and load the strategy content
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_sample_content
	$(PY) manage.py load_sample_translations
	$(PY) manage.py ensure_admin

# The background worker that sends emails (django-tasks' database backend, settings TASKS).
WORKER ?= $(PY) manage.py db_worker --backend background --queue-name default --verbosity 0

run: setup ## Set up, then serve the site on http://127.0.0.1:$(PORT) with the background worker beside it
	@echo "Background worker: $(WORKER)"
	@$(WORKER) & worker=$$!; \
	trap 'pkill -P $$worker 2>/dev/null; kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# On every core, then the tests marked `alone` (they stop the database server) by themselves.
# A file marked xdist_group runs on one worker; --no-loadscope-reorder keeps pytest-django's
# order (transactional tests last) instead of sending the largest groups first.
# pytest's exit code 5 means no test was selected (PYTEST_ARGS chose none of them).
ALONE = $(PY) -m pytest -m alone $(PYTEST_ARGS) || [ $$? -eq 5 ]

test: $(STAMP) $(AXE) ## Run every test (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(PY) -m pytest -m "not alone" -n auto --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)
	$(ALONE)

test-fast: $(STAMP) ## Run the tests without the browser suites
	$(PY) -m pytest -m "not browser and not alone" -n auto --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)
	$(ALONE)

screenshots: $(STAMP) ## Screenshots of every page type at 390 and 1280 px, and their heights, in var/screenshots/
	$(PY) -m tools.screenshots $(SCREENSHOTS_ARGS)

# The compiled stylesheet, GOV.UK Frontend's script and Leaflet are committed, so the site runs
# from a clone without Node.js; css-check (in make lint) fails when they differ from their sources.
css: $(AXE) ## Compile static/scss into static/css/site.css and copy GOV.UK Frontend's script and Leaflet
	$(SASS) static/scss/site.scss static/css/site.css
	sed '/sourceMappingURL/d' $(GOVUK_JS) > static/govuk/govuk-frontend.js
	$(call copy_leaflet,static/leaflet)

css-check: $(AXE) ## Fail if static/css/site.css, static/govuk/ or static/leaflet/ is out of date with its sources
	@tmp=$$(mktemp -d); $(SASS) static/scss/site.scss $$tmp/site.css \
	&& sed '/sourceMappingURL/d' $(GOVUK_JS) > $$tmp/govuk-frontend.js \
	&& $(call copy_leaflet,$$tmp/leaflet) \
	&& cmp -s $$tmp/site.css static/css/site.css && cmp -s $$tmp/govuk-frontend.js static/govuk/govuk-frontend.js \
	&& diff -r -q $$tmp/leaflet static/leaflet >/dev/null \
	|| { echo "static/css/site.css, static/govuk/ or static/leaflet/ is out of date: run make css"; rm -r $$tmp; exit 1; }; rm -r $$tmp

lint: $(STAMP) css-check ## ruff, no model change without its migration, the import layers and the templates (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=connected_communities.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint . --lint

audit: $(STAMP) ## Known vulnerabilities in the pinned Python and npm packages (AUDIT_OFFLINE=1 where the services are unreachable)
	$(PY) -m tools.audit_dependencies

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(STAMP) ## Refresh the interface translations (needs GNU gettext: apt-get install gettext)
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: $(STAMP) ## Load benchmark on 127.0.0.1 (PostgreSQL cc_bench, Redis, gunicorn, wrk); BENCH_ARGS=--small to try it, --growth for three sizes
	$(PY) bench/run.py $(BENCH_ARGS)

bench-search: $(STAMP) ## Search latency at 10,000 stories (DATABASE_URL=postgres://... to use PostgreSQL; ARGS="--stories 500")
	$(PY) bench/search_benchmark.py $(ARGS)

bench-compare: $(STAMP) ## Before and after in one run: make bench for BEFORE=<commit> and this tree, alternated
	$(PY) bench/compare.py --before $(BEFORE) $(BENCH_ARGS)
