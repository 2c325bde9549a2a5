"""The area tree: one walk up (vorfahren) and one query down (im_teilbaum)."""

import pytest

from quartiere.models import Gebiet
from testhilfen.quartiere import GebietFactory, StadtFactory


@pytest.fixture
def baum(db):
    stadt = StadtFactory(name="Baumstadt")
    bezirk = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK, name="Bezirk")
    teil = GebietFactory(parent=bezirk, art=Gebiet.Art.STADTTEIL, name="Teil")
    ort = GebietFactory(parent=teil, art=Gebiet.Art.ORTSTEIL, name="Ort")
    quartier = GebietFactory(parent=ort, art=Gebiet.Art.QUARTIER, name="Quartier")
    nachbar = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK, name="Nachbarbezirk")
    return {"stadt": stadt, "bezirk": bezirk, "teil": teil, "ort": ort, "quartier": quartier, "nachbar": nachbar}


def test_vorfahren_nearest_first_in_at_most_one_query(baum, django_assert_max_num_queries):
    quartier = Gebiet.objects.get(pk=baum["quartier"].pk)
    with django_assert_max_num_queries(1):
        namen = [g.name for g in quartier.vorfahren()]
    assert namen == ["Quartier", "Ort", "Teil", "Bezirk", "Baumstadt"]


def test_vorfahren_of_a_city_is_the_city(baum):
    assert baum["stadt"].vorfahren() == [baum["stadt"]]


def test_im_teilbaum_reaches_five_levels_in_one_query(baum, django_assert_num_queries):
    with django_assert_num_queries(1):
        namen = set(Gebiet.objects.im_teilbaum(baum["stadt"]).values_list("name", flat=True))
    assert namen == {"Baumstadt", "Bezirk", "Teil", "Ort", "Quartier", "Nachbarbezirk"}


def test_im_teilbaum_of_several_roots(baum):
    namen = set(Gebiet.objects.im_teilbaum(baum["ort"], baum["nachbar"].pk).values_list("name", flat=True))
    assert namen == {"Ort", "Quartier", "Nachbarbezirk"}


def test_an_area_cannot_move_below_itself(baum):
    bezirk = baum["bezirk"]
    bezirk.parent = baum["ort"]
    bezirk.art = Gebiet.Art.QUARTIER
    with pytest.raises(Exception) as fehler:
        bezirk.clean()
    assert "unter sich selbst" in str(fehler.value)
