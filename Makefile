# The Peru Support Group platform. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO ?= 1
PG_URL ?= postgres://postgres@127.0.0.1:5432/psg
export PSG_SHARED ?= $(abspath ../shared)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z][a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/activate: pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	@touch $@

# The Spanish (and any other) catalogue compiled beside its .po, by Babel, so a
# machine without GNU gettext gets it too; a changed .po compiles again.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard psg/locale/*/LC_MESSAGES/django.po))

%.mo: %.po $(BIN)/activate
	$(BIN)/python -m psg.core.catalogue compile $<

install: $(BIN)/activate $(MO_FILES) ## Create .venv, install pinned dependencies, compile the catalogues

messages: install ## Re-extract the interface strings into the .po files, keeping translations
	$(BIN)/python -m psg.core.catalogue update

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

setup: install var/secret_key ## Migrate, collect static files, load demo content (DEMO=0 skips it)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	BASE_URL=$${BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py configure_site
	@if [ "$(DEMO)" != "0" ]; then $(BIN)/python manage.py load_demo_content; fi
	$(BIN)/python manage.py run_renewals --schedule
	$(BIN)/python manage.py bulletin_upkeep --schedule
	$(BIN)/python manage.py ensure_admin

run: setup ## Set up everything and serve the site on http://127.0.0.1:$(PORT)
	@echo "Serving http://127.0.0.1:$(PORT)/  (admin: /admin/, mail: var/mail/). Ctrl-C stops."
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker --interval 2 & \
	BASE_URL=$${BASE_URL:-http://127.0.0.1:$(PORT)} \
	$(BIN)/gunicorn psg.wsgi --env DJANGO_SETTINGS_MODULE=psg.settings.dev \
		--bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --forwarded-allow-ips 127.0.0.1 & \
	wait

stack: install ## The production stack here: PostgreSQL, Redis, Varnish, two app nodes (Ctrl-C stops)
	$(BIN)/python deploy/local_stack.py

lint: install ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format and fix the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

browser-deps: ## axe-core for the browser tests (from the npm registry)
	@test -d tests/browser/node_modules/axe-core || npm ci --prefix tests/browser --no-audit --no-fund --silent

check: install ## Django's system checks and the migrations check
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=psg.settings.test $(BIN)/python manage.py check --fail-level WARNING
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=psg.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=$$($(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))") \
		DJANGO_SETTINGS_MODULE=psg.settings.production ALLOWED_HOSTS=example.org \
		BASE_URL=https://example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test: install browser-deps lint check ## Lint, checks, the suite on SQLite and PostgreSQL, browser tests
	@echo "== the suite on SQLite"
	env -u DATABASE_URL $(BIN)/pytest -n 2 -m "not browser and not stack" -q
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then \
		echo "== the suite again on PostgreSQL"; \
		DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -n 2 -m "not browser and not stack" -q && \
		echo "== the production stack (PostgreSQL, Redis, Varnish, two app nodes)" && \
		$(BIN)/pytest -m stack -p no:xdist -q || exit 1; \
	else echo "== no PostgreSQL server answers on 127.0.0.1:5432: PostgreSQL and stack runs skipped"; fi
	@echo "== browser tests (Chromium)"
	env -u DATABASE_URL $(BIN)/pytest -m browser -q -p no:xdist

bench-bulletin: install ## Send one edition to 10,000 (and 2,000) subscribers through a local SMTP sink
	$(BIN)/python bench/bulletin.py --subscribers 2000
	$(BIN)/python bench/bulletin.py --subscribers 10000

bench-search: install ## Search 100,000 generated news items on SQLite and PostgreSQL: p50/p95 latency
	$(BIN)/python bench/search.py --items 100000

bench-regions: install ## The regions map, term pages and filtered news with 2,000 generated items: queries and times
	env -u DATABASE_URL LOG_LEVEL=WARNING $(BIN)/python bench/regions.py --items 2000

bench-highlight: install ## Search snippets over hostile 200,000-character texts: ms each
	$(BIN)/python bench/highlight.py --length 200000

bench-load: install ## 16 connections for 5 min (DURATION=300) of pages, searches and form posts via gunicorn
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python bench/load.py --duration $${DURATION:-300} --connections 16

bench-import: install ## Import 20,000 generated legacy listing items twice (SQLite; PG=1 for PostgreSQL): time, peak memory
	$(BIN)/python bench/import.py --items 20000 $(if $(PG),--database postgresql)

bench-read: install ## Uncached, embedded cache, Varnish and nginx on 2,000 items (SQLite, PostgreSQL); publish to visible
	$(BIN)/python bench/read.py --items 2000 --duration $${DURATION:-10} --connections 16

backup: install ## Back up the database and media to var/backups/ (encrypted if PSG_BACKUP_KEY is set)
	$(BIN)/python manage.py backup

restore: install ## Restore a backup: make restore FILE=var/backups/psg-….tar.gz [FORCE=1]
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=var/backups/psg-….tar.gz"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)" $(if $(FORCE),--force)

.PHONY: help install messages setup run stack lint format browser-deps check test bench-bulletin bench-search bench-regions bench-highlight bench-load bench-import bench-read backup restore
