# tdkt — two commands matter: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
TDKT_PORT ?= 8000
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= tdkt.settings.dev

.PHONY: run setup test test-fast test-e2e lint typecheck fmt bench schema browser-deps document-deps migrate demo clean check-deploy messages screenshots

$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput -v 0

demo: migrate
	$(PY) manage.py seed_demo

## make run — set up, migrate, load demo data (idempotent) and serve on 127.0.0.1:$(TDKT_PORT)
run: document-deps demo
	@$(PY) manage.py demo_logins --port $(TDKT_PORT)
	$(PY) manage.py runserver 127.0.0.1:$(TDKT_PORT)

## make test — the whole suite: unit, integration and browser tests
test: $(STAMP) browser-deps document-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -n 2 -q

test-fast: $(STAMP) document-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -n 2 -q -m "not e2e"

test-e2e: $(STAMP) browser-deps
	DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -q -m e2e

## make screenshots — run the browser tests and refresh docs/screenshots/ from them
screenshots: $(STAMP) browser-deps
	TDKT_SCREENSHOTS=1 DJANGO_SETTINGS_MODULE=tdkt.settings.test $(BIN)/pytest -q -m e2e

browser-deps:
	@bash tools/ensure-chromium.sh

## fonts-liberation2 and Pango for the PDFs of official documents (tdkt.documents.official)
document-deps:
	@bash tools/ensure-document-fonts.sh

lint: $(STAMP) check-deploy
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) tools/check_migration_names.py
	$(PY) manage.py spectacular --file /tmp/tdkt-openapi.yaml --validate --fail-on-warn
	diff -u docs/api/openapi.yaml /tmp/tdkt-openapi.yaml

typecheck: $(STAMP)
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

## make messages — refresh the English catalogue (sorted, no line numbers, so branches merge
## cleanly), then compile it; translate every new entry before committing
PO := src/tdkt/locale/en/LC_MESSAGES/django.po
messages: $(STAMP)
	cd src/tdkt && ../../$(PY) ../../manage.py makemessages -l en --no-location --no-obsolete --no-wrap -v 0
	msgattrib --sort-output --no-wrap -o $(PO) $(PO)
	sed -i '/^"POT-Creation-Date: /d' $(PO)
	cd src/tdkt && ../../$(PY) ../../manage.py compilemessages -l en -v 0

schema: $(STAMP)
	$(PY) manage.py spectacular --file docs/api/openapi.yaml --validate

check-deploy: $(STAMP)
	TDKT_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) TDKT_DATABASE_URL=postgresql://x@localhost/x \
	DJANGO_SETTINGS_MODULE=tdkt.settings.prod $(PY) manage.py check --deploy --fail-level WARNING

bench: $(STAMP) document-deps
	$(PY) bench/rules_bench.py
	$(PY) bench/documents_bench.py
	$(PY) bench/council_bench.py

clean:
	rm -rf $(VENV) var/tdkt.sqlite3*
