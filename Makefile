# tdkt — two commands matter: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
TDKT_PORT ?= 8000
# Two stamps: running the app needs only the runtime pins; tests and lint add their tools.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
export DJANGO_SETTINGS_MODULE ?= tdkt.settings.dev

.PHONY: run setup test test-fast test-e2e lint typecheck fmt bench bench-deps schema browser-deps document-deps migrate demo clean check-deploy messages screenshots

$(RUN_STAMP): requirements/base.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/base.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): $(RUN_STAMP) requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	@touch $(DEV_STAMP)

setup: $(DEV_STAMP)

migrate: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput -v 0

demo: migrate
	$(PY) manage.py seed_demo

## make run — the development server in one start (`tdkt dev`): migrate, load the demo data if
## missing, print the logins, serve on 127.0.0.1:$(TDKT_PORT) with one background-task worker
run: $(RUN_STAMP) document-deps
	$(PY) manage.py dev 127.0.0.1:$(TDKT_PORT)

## make test — the whole suite: unit, integration and browser tests
test: $(DEV_STAMP) browser-deps document-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -n 2 -q

test-fast: $(DEV_STAMP) document-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -n 2 -q -m "not e2e"

test-e2e: $(DEV_STAMP) browser-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -q -m e2e

## make screenshots — run the browser tests and refresh docs/screenshots/ from them
screenshots: $(DEV_STAMP) browser-deps
	TDKT_SCREENSHOTS=1 DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -q -m e2e

browser-deps:
	@bash tools/ensure-chromium.sh

## fonts-liberation2 and Pango for the PDFs of official documents (tdkt.documents.official)
document-deps:
	@bash tools/ensure-document-fonts.sh

lint: $(DEV_STAMP) check-deploy
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) tools/check_migration_names.py
	$(PY) manage.py spectacular --file $(VENV)/openapi-check.yaml --validate --fail-on-warn
	diff -u docs/api/openapi.yaml $(VENV)/openapi-check.yaml

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

fmt: $(DEV_STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

## make messages — refresh the English catalogue (sorted, no line numbers, so branches merge
## cleanly), then compile it; translate every new entry before committing
PO := src/tdkt/locale/en/LC_MESSAGES/django.po
messages: $(DEV_STAMP)
	cd src/tdkt && ../../$(PY) ../../manage.py makemessages -l en --no-location --no-obsolete --no-wrap -v 0
	msgattrib --sort-output --no-wrap -o $(PO) $(PO)
	sed -i '/^"POT-Creation-Date: /d' $(PO)
	cd src/tdkt && ../../$(PY) ../../manage.py compilemessages -l en -l vi -v 0

schema: $(DEV_STAMP)
	$(PY) manage.py spectacular --file docs/api/openapi.yaml --validate

check-deploy: $(RUN_STAMP)
	TDKT_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) TDKT_DATABASE_URL=postgresql://x@localhost/x \
	TDKT_AUDIT_KEY=check:$$(head -c 36 /dev/urandom | base64) \
	DJANGO_SETTINGS_MODULE=tdkt.settings.prod $(PY) manage.py check --deploy --fail-level WARNING

## make bench — rule engine, registry at 170,000 people (SQLite, and PostgreSQL when
## TDKT_BENCH_DATABASE_URL is set), official documents; each figure beside its baseline
bench: $(DEV_STAMP) document-deps bench-deps
	$(PY) bench/rules_bench.py
	$(PY) bench/registry_bench.py
	$(PY) bench/frame_bench.py
	$(PY) bench/documents_bench.py
	$(PY) bench/audit_bench.py
	$(PY) bench/eligibility_bench.py
	$(PY) bench/council_bench.py
	$(PY) bench/indicators_bench.py
	$(PY) bench/import_bench.py
	$(PY) bench/jobs_bench.py
	$(PY) bench/reports_bench.py

## wrk, the HTTP load generator of the registry benchmark (Debian package)
bench-deps:
	@bash tools/ensure-wrk.sh

## make clean — remove the virtualenv and the development database (a fresh start)
clean:
	rm -rf $(VENV) var/tdkt.sqlite3* var/media/jobs test-results
