PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv run test check

venv: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Order-only: the venv directory's mtime changes on every install and must not trigger one.
$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

run: venv
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demodaten
	$(PY) manage.py runserver 127.0.0.1:8000

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

check: venv
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
