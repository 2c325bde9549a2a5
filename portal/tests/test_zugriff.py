"""quartiere.zugriff over the rows of the apps above it: projects and meetings."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from beteiligung.models import Sitzung
from testhilfen.beteiligung import GremiumFactory, SitzungFactory
from programme.models import Projekt
from testhilfen.programme import ProjektFactory
from quartiere.zugriff import bearbeitbar, objekt_oder_404, sichtbar

pytestmark = pytest.mark.django_db


@pytest.fixture
def projekt_a(gebiet_a):
    return ProjektFactory(gebiet=gebiet_a, titel="Projekt A")


@pytest.fixture
def projekt_b(gebiet_b):
    return ProjektFactory(gebiet=gebiet_b, titel="Projekt B")


@pytest.mark.parametrize(("persona", "sichtbare", "bearbeitbare"), [
    ("verwaltung", {"Projekt A", "Projekt B"}, {"Projekt A", "Projekt B"}),
    ("qm_a", {"Projekt A"}, {"Projekt A"}),
    ("qm_b", {"Projekt B"}, {"Projekt B"}),
    ("rat", {"Projekt A", "Projekt B"}, set()),
    ("anonym", set(), set()),
])
def test_sichtbar_und_bearbeitbar_je_persona(request, persona, sichtbare, bearbeitbare, projekt_a, projekt_b):
    user = request.getfixturevalue(persona)
    assert {p.titel for p in sichtbar(user, Projekt.objects.all())} == sichtbare
    assert {p.titel for p in bearbeitbar(user, Projekt.objects.all())} == bearbeitbare


def test_scope_ueber_ein_anderes_feld(qm_a, gebiet_a, gebiet_b):
    sitzung_a = SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_a))
    SitzungFactory(gremium=GremiumFactory(gebiet=gebiet_b))
    assert list(sichtbar(qm_a, Sitzung.objects.all(), "gremium__gebiet")) == [sitzung_a]
    assert list(bearbeitbar(qm_a, Sitzung.objects.all(), "gremium__gebiet")) == [sitzung_a]


@pytest.mark.parametrize(("persona", "schreiben", "erwartet"), [
    ("verwaltung", False, None),
    ("verwaltung", True, None),
    ("qm_a", False, None),
    ("qm_a", True, None),
    ("qm_b", False, Http404),
    ("qm_b", True, Http404),
    ("rat", False, None),
    ("rat", True, PermissionDenied),
    ("anonym", False, Http404),
    ("anonym", True, Http404),
])
def test_objekt_oder_404(request, persona, schreiben, erwartet, projekt_a, qm_b):
    user = request.getfixturevalue(persona)
    if erwartet is None:
        assert objekt_oder_404(user, Projekt.objects.all(), schreiben=schreiben, pk=projekt_a.pk) == projekt_a
    else:
        with pytest.raises(erwartet):
            objekt_oder_404(user, Projekt.objects.all(), schreiben=schreiben, pk=projekt_a.pk)


def test_objekt_oder_404_fuer_ein_unbekanntes_objekt(verwaltung):
    with pytest.raises(Http404):
        objekt_oder_404(verwaltung, Projekt.objects.all(), pk=999999)
