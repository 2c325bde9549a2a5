"""The demo app's own rules: data modules hold only literals, loaders use no test factories and nothing of
portal, and no module or function outgrows its limit."""

import ast
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent
MODULE = sorted(p for p in DEMO.rglob("*.py") if "tests" not in p.parts)
DATEN = sorted((DEMO / "daten").glob("*.py"))


def _baum(pfad: Path) -> ast.Module:
    return ast.parse(pfad.read_text(encoding="utf-8"))


def _importe(baum: ast.Module) -> set[str]:
    namen = set()
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Import):
            namen |= {a.name for a in knoten.names}
        elif isinstance(knoten, ast.ImportFrom) and knoten.level == 0:
            namen.add(knoten.module)
    return namen


@pytest.mark.parametrize("pfad", MODULE, ids=lambda p: str(p.relative_to(DEMO)))
def test_nothing_uses_portal_or_factories(pfad):
    importe = _importe(_baum(pfad))
    assert not {i for i in importe if i == "portal" or i.startswith("portal.")}
    assert not {i for i in importe if "factories" in i or i.startswith("factory")}


@pytest.mark.parametrize("pfad", [p for p in DATEN if p.name != "typen.py"], ids=lambda p: p.name)
def test_data_modules_hold_only_literals(pfad):
    baum = _baum(pfad)
    assert not [k for k in ast.walk(baum) if isinstance(k, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
    erlaubt = {"datetime", "decimal", "quartiere.models"}
    assert _importe(baum) <= erlaubt


@pytest.mark.parametrize("pfad", [p for p in MODULE if p not in DATEN], ids=lambda p: str(p.relative_to(DEMO)))
def test_modules_and_functions_stay_small(pfad):
    assert len(pfad.read_text(encoding="utf-8").splitlines()) <= 600
    lang = [(k.name, k.end_lineno - k.lineno + 1) for k in ast.walk(_baum(pfad))
            if isinstance(k, (ast.FunctionDef, ast.AsyncFunctionDef)) and k.end_lineno - k.lineno + 1 > 60]
    assert not lang
