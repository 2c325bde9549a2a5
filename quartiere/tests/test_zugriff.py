import datetime as dt

import pytest
from django.contrib.auth.models import User

from kern.rollen import Rolle
from quartiere.models import Gebiet, Quartiersmanagement
from testhilfen.quartiere import GebietFactory, PersonFactory, QuartiersmanagementFactory
from quartiere.zugriff import eigene_gebiet_ids
from testhilfen.konten import UserFactory

pytestmark = pytest.mark.django_db


def test_eigene_gebiete_des_quartiersmanagements_mit_untergebieten(qm_a, gebiet_a, gebiet_b):
    untergebiet = GebietFactory(parent=gebiet_a, name="Block 7")
    ids = eigene_gebiet_ids(qm_a)
    assert gebiet_a.pk in ids
    assert untergebiet.pk in ids
    assert gebiet_b.pk not in ids
    assert gebiet_a.parent_id not in ids
    assert set(Gebiet.objects.filter(id__in=ids)) == {gebiet_a, untergebiet}


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


def test_manager_whose_position_has_ended_loses_the_area(qm_a, gebiet_a):
    stelle = Quartiersmanagement.objects.get(gebiet=gebiet_a)
    stelle.beginn = dt.date(2020, 1, 1)
    stelle.befristet_bis = dt.date.today() - dt.timedelta(days=1)
    stelle.save()
    assert gebiet_a.id not in eigene_gebiet_ids(User.objects.get(pk=qm_a.pk))
