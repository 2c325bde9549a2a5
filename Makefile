PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_INSTALL := $(PY) -m pip install --disable-pip-version-check --require-hashes
# One stamp per set: `make run` installs the run-time set only, `make test` adds the dev set.
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
# Test processes (pytest-xdist); `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: venv venv-dev run test lint check lock bench

venv: $(STAMP_RUN)

venv-dev: $(STAMP_DEV)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Order-only: the venv directory's mtime changes on every install and must not trigger one.
$(STAMP_RUN): requirements.lock | $(PY)
	$(PIP_INSTALL) -r requirements.lock
	touch $@

# The dev lock holds the run-time set too, pinned alike.
$(STAMP_DEV): requirements-dev.lock | $(PY)
	$(PIP_INSTALL) -r requirements-dev.lock
	touch $@

# Regenerates both lock files from requirements*.txt, keeping what still fits; the dev lock is
# constrained by the run-time lock, so both pin the same versions. `make lock LOCK_ARGS=--upgrade`
# moves every unpinned dependency to its newest release.
lock: venv-dev
	$(PIP_COMPILE) $(LOCK_ARGS) --output-file=requirements.lock requirements.txt
	$(PIP_COMPILE) $(LOCK_ARGS) --constraint=requirements.lock --output-file=requirements-dev.lock \
		requirements-dev.txt

run: venv
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demodaten
	# The task worker runs beside the web server and stops with it.
	$(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000

test: venv-dev
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: venv-dev
	$(VENV)/bin/lint-imports

check: venv
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# The benchmark at sizes S, M and L (BENCH_GROESSEN="S M" for fewer) on a throwaway PostgreSQL
# cluster, or on the server of DATABASE_URL; the table goes to stdout and var/bench/ERGEBNIS.md.
bench: venv-dev
	bash bench/run
