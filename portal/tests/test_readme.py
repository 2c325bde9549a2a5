"""The README's commands work as written: Python through the virtualenv's interpreter, management
commands and make targets that exist, tools that are installed, and the report commands on the demo
data; and it says how long the first `make run` takes."""

import re
import shlex
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands

README = Path(settings.BASE_DIR) / "README.md"
MAKEFILE = Path(settings.BASE_DIR) / "Makefile"


def _befehle() -> list[str]:
    """Every command in the README: inline code and the lines of sh code blocks, comments cut off."""
    text = README.read_text(encoding="utf-8")
    befehle = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        befehle += [zeile.split("  #", 1)[0].strip() for zeile in block.splitlines()]
    ohne_bloecke = re.sub(r"```.*?```", "", text, flags=re.S)
    befehle += re.findall(r"`([^`\n]+)`", ohne_bloecke)
    return [b for b in befehle if b and not b.startswith("#")]


def _manage_befehle() -> list[str]:
    return [b for b in _befehle() if "manage.py" in b]


def test_python_is_always_the_virtualenvs_interpreter():
    falsch = [b for b in _befehle() if re.search(r"(^|[\s;&|(])python(3)?\s+manage\.py", b)
              or re.match(r"python\s", b)]
    assert falsch == [], falsch
    assert _manage_befehle(), "keine manage.py-Befehle gefunden"
    assert all(re.search(r"(^|\s)\.venv/bin/python manage\.py", b) for b in _manage_befehle()), _manage_befehle()


def test_every_management_command_and_make_target_exists():
    vorhanden = set(get_commands())
    genannt = {re.search(r"manage\.py (\w+)", b).group(1) for b in _manage_befehle()}
    assert genannt - vorhanden == set()
    ziele = set(re.findall(r"^([\w-]+):", MAKEFILE.read_text(), re.M))
    make = {m for b in _befehle() for m in re.findall(r"(?:^|\s)make ([a-z][\w-]*)", b)}
    assert make and make - ziele == set()


def test_every_tool_of_the_virtualenv_is_installed():
    werkzeuge = {w for b in _befehle() for w in re.findall(r"\.venv/bin/([\w-]+)", b)}
    assert {"python", "gunicorn"} <= werkzeuge
    fehlen = [w for w in werkzeuge if not (Path(sys.executable).parent / w).exists()]
    assert fehlen == []


def test_the_readme_says_how_long_the_first_make_run_takes():
    text = README.read_text(encoding="utf-8")
    assert re.search(r"erste `make run`[^.]*?(\d+ s|Minute)", text), "Dauer des ersten make run fehlt"


def test_the_report_and_import_commands_run_on_the_demo_data(demodaten, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    beispiele = [b for b in _manage_befehle() if re.search(r"manage\.py (bericht |indikatoren_import .*--dry-run)", b)]
    assert len(beispiele) >= 6
    for befehl in beispiele:
        teile = shlex.split(befehl.split("manage.py", 1)[1])
        teile = [str(Path(settings.BASE_DIR) / t) if t.endswith(".csv") else t for t in teile]
        ausgabe = StringIO()
        call_command(*teile, stdout=ausgabe)
        if teile[0] == "bericht":
            ziel = tmp_path / teile[teile.index("-o") + 1]
            assert ziel.read_bytes().startswith(b"%PDF-"), befehl
        else:
            assert "Es wurde nichts gespeichert." in ausgabe.getvalue(), befehl
