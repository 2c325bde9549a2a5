from decimal import Decimal

import pytest

from demo.laden.karte import karte_und_sozialindex, schematische_grenzen
from quartiere.models import Gebiet, Sozialindex, grenze_pruefen
from testhilfen.quartiere import GebietFactory, IndikatorFactory, IndikatorwertFactory, StadtFactory

pytestmark = pytest.mark.django_db


def _box(gebiet):
    xs = [p[0] for p in gebiet.grenze["coordinates"][0]]
    ys = [p[1] for p in gebiet.grenze["coordinates"][0]]
    return min(xs), min(ys), max(xs), max(ys)


def test_schematic_boundaries_are_valid_nested_and_written_once():
    stadt = StadtFactory(name="Bremen")
    bezirk = GebietFactory(parent=stadt, art=Gebiet.Art.STADTBEZIRK)
    teile = [GebietFactory(parent=bezirk, art=Gebiet.Art.STADTTEIL) for _ in range(3)]
    quartier = GebietFactory(parent=teile[0], art=Gebiet.Art.QUARTIER)

    assert schematische_grenzen(stadt, zentrum=(8.8, 53.08)) == 5
    assert schematische_grenzen(stadt, zentrum=(8.8, 53.08)) == 0

    for g in Gebiet.objects.quartiere():
        grenze_pruefen(g.grenze)
    gebiete = {g.pk: g for g in Gebiet.objects.quartiere()}
    for kind, eltern in ((teile[0], bezirk), (teile[2], bezirk), (quartier, teile[0])):
        kx0, ky0, kx1, ky1 = _box(gebiete[kind.pk])
        ex0, ey0, ex1, ey1 = _box(gebiete[eltern.pk])
        assert ex0 <= kx0 < kx1 <= ex1 and ey0 <= ky0 < ky1 <= ey1
    a, b = _box(gebiete[teile[0].pk]), _box(gebiete[teile[1].pk])
    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], "siblings do not overlap"


def test_demo_index_keeps_the_documented_burdened_areas():
    stadt = StadtFactory(name="Leverkusen")
    sgb2 = IndikatorFactory(schluessel="sgb2_quote")
    kinder = IndikatorFactory(schluessel="kinderarmut")
    for i in range(8):
        g = GebietFactory(parent=stadt, art=Gebiet.Art.STADTTEIL, besonders_belastet=i < 3)
        for jahr in (2024, 2025):
            IndikatorwertFactory(gebiet=g, indikator=sgb2, jahr=jahr, wert=Decimal(20 + i if i < 3 else 5 + i))
            IndikatorwertFactory(gebiet=g, indikator=kinder, jahr=jahr, wert=Decimal(30 + i if i < 3 else 9 + i))
    vorher = set(Gebiet.objects.filter(besonders_belastet=True))

    karte_und_sozialindex([stadt])

    index = Sozialindex.objects.get(stadt=stadt)
    assert (index.ebene, index.anzahl_belastet, index.gewichte.count()) == ("stadtteil", 3, 2)
    assert set(Gebiet.objects.filter(besonders_belastet=True)) == vorher
    assert index.raenge.count() == 16
