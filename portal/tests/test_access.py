import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from beteiligung.models import Sitzung
from beteiligung.tests.factories import GremiumFactory, SitzungFactory
from portal.access import (
    Rolle,
    bearbeitbar,
    eigene_gebiet_ids,
    eigene_gebiete,
    objekt_oder_404,
    rolle_von,
    sichtbar,
)
from portal.tests.factories import UserFactory
from programme.models import Projekt
from programme.tests.factories import ProjektFactory
from quartiere.models import Gebiet
from quartiere.tests.factories import GebietFactory, PersonFactory, QuartiersmanagementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projekt_a(gebiet_a):
    return ProjektFactory(gebiet=gebiet_a, titel="Projekt A")


@pytest.fixture
def projekt_b(gebiet_b):
    return ProjektFactory(gebiet=gebiet_b, titel="Projekt B")


@pytest.mark.parametrize(("persona", "rolle"), [
    ("verwaltung", Rolle.VERWALTUNG),
    ("qm_a", Rolle.QUARTIERSMANAGEMENT),
    ("rat", Rolle.RAT),
    ("anonym", None),
])
def test_rolle_von(request, persona, rolle):
    assert rolle_von(request.getfixturevalue(persona)) == rolle


def test_superuser_zaehlt_als_verwaltung(db):
    assert rolle_von(UserFactory(is_superuser=True)) == Rolle.VERWALTUNG


def test_eigene_gebiete_des_quartiersmanagements_mit_untergebieten(qm_a, gebiet_a, gebiet_b):
    untergebiet = GebietFactory(parent=gebiet_a, name="Block 7")
    ids = eigene_gebiet_ids(qm_a)
    assert gebiet_a.pk in ids
    assert untergebiet.pk in ids
    assert gebiet_b.pk not in ids
    assert gebiet_a.parent_id not in ids
    assert set(eigene_gebiete(qm_a)) == {gebiet_a, untergebiet}


def test_eigene_gebiete_reichen_bis_in_die_unterste_ebene(gruppen, stadt):
    bezirk = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK)
    stadtteil = GebietFactory(parent=bezirk, art=Gebiet.Art.STADTTEIL)
    ortsteil = GebietFactory(parent=stadtteil, art=Gebiet.Art.ORTSTEIL)
    quartier = GebietFactory(parent=ortsteil, art=Gebiet.Art.QUARTIER)
    anderer_bezirk = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK)
    user = UserFactory(gruppe=Rolle.QUARTIERSMANAGEMENT)
    QuartiersmanagementFactory(gebiet=bezirk, personen=[PersonFactory(user=user)])

    assert eigene_gebiet_ids(user) == {bezirk.pk, stadtteil.pk, ortsteil.pk, quartier.pk}
    assert anderer_bezirk.pk not in eigene_gebiet_ids(user)


def test_person_ohne_gruppe_hat_keine_eigenen_gebiete(gebiet_a):
    user = UserFactory()
    QuartiersmanagementFactory(gebiet=gebiet_a, personen=[PersonFactory(user=user)])
    assert eigene_gebiet_ids(user) == frozenset()


@pytest.mark.parametrize("persona", ["verwaltung", "rat", "anonym"])
def test_andere_rollen_haben_keine_eigenen_gebiete(request, persona, gebiet_a):
    assert eigene_gebiet_ids(request.getfixturevalue(persona)) == frozenset()


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


def test_manager_whose_position_has_ended_loses_the_area(qm_a, gebiet_a):
    import datetime as dt

    from django.contrib.auth.models import User
    from quartiere.models import Quartiersmanagement

    stelle = Quartiersmanagement.objects.get(gebiet=gebiet_a)
    stelle.beginn = dt.date(2020, 1, 1)
    stelle.befristet_bis = dt.date.today() - dt.timedelta(days=1)
    stelle.save()
    assert gebiet_a.id not in eigene_gebiet_ids(User.objects.get(pk=qm_a.pk))
