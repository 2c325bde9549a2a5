"""The shape of the code: small modules and small functions (CONVENTIONS.md, DESIGN.md section 2).

A module past 600 lines becomes a package; a function past 60 lines is split. Migrations are
generated and demo/daten holds data literals, so both are left out.
"""

import ast
from pathlib import Path

WURZEL = Path(__file__).resolve().parents[2]
MAX_ZEILEN_MODUL = 600
MAX_ZEILEN_FUNKTION = 60
AUSGENOMMEN = ("demo/daten/",)


def _pakete() -> list[Path]:
    """Our top-level packages: every directory of the repository root with an __init__.py."""
    return sorted(p.parent for p in WURZEL.glob("*/__init__.py") if not p.parent.name.startswith("."))


def _module() -> list[tuple[str, str]]:
    module = []
    for paket in _pakete():
        for datei in sorted(paket.rglob("*.py")):
            pfad = datei.relative_to(WURZEL).as_posix()
            if "migrations" in datei.relative_to(WURZEL).parts or pfad.startswith(AUSGENOMMEN):
                continue
            module.append((pfad, datei.read_text(encoding="utf-8")))
    return module


def test_the_walk_sees_every_package():
    namen = {p.name for p in _pakete()}
    assert {"kern", "quartiere", "programme", "beteiligung", "berichte", "oparl", "demo", "portal",
            "testhilfen"} <= namen
    assert any(pfad == "portal/tests/test_aufbau.py" for pfad, _ in _module())


def test_no_module_is_longer_than_600_lines():
    zu_lang = [f"{pfad}: {len(text.splitlines())} lines" for pfad, text in _module()
               if len(text.splitlines()) > MAX_ZEILEN_MODUL]
    assert not zu_lang, "Modules over 600 lines (turn them into packages):\n" + "\n".join(zu_lang)


def test_no_function_is_longer_than_60_lines():
    zu_lang = []
    for pfad, text in _module():
        for knoten in ast.walk(ast.parse(text, filename=pfad)):
            if isinstance(knoten, (ast.FunctionDef, ast.AsyncFunctionDef)):
                zeilen = knoten.end_lineno - knoten.lineno + 1
                if zeilen > MAX_ZEILEN_FUNKTION:
                    zu_lang.append(f"{pfad}:{knoten.lineno} {knoten.name}: {zeilen} lines")
    assert not zu_lang, "Functions over 60 lines (split them):\n" + "\n".join(zu_lang)
